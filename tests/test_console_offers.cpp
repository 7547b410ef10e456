#include "ApprovedStore.h"
#include "FakeSeams.h"
#include "TestContexts.h"
#include "models/InboxTableModel.h"
#include "models/OutboxTableModel.h"
#include "pages/InboxPage.h"
#include "pages/OutboxPage.h"
#include "widgets/BriefView.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// What the console offers by keyboard on the thing in front of the person: an action is on
// only where it can be carried out, so no key opens a dialog whose work is then refused or
// does nothing. One test per bug seen.
class TestConsoleOffers : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::unique_ptr<BriefedStores> m_stores;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};

    std::string freshStore() { return m_stores->fresh(); }

    ui::ConsoleContext &context(store::Database &db, const QString &user = {})
    {
        return m_contexts.make(db, m_registry, user);
    }

    template <typename Page> static void activate(Page &p)
    {
        p.resize(1200, 700);
        p.show();
        QApplication::setActiveWindow(&p);
        if (!QTest::qWaitForWindowActive(&p))
            qWarning("the page did not become active");
        p.table()->setFocus();
    }

    std::unique_ptr<ui::InboxPage> page(store::Database &db, const QString &user)
    {
        auto p = std::make_unique<ui::InboxPage>(ui::InboxPage::Mode::Inbox, context(db, user));
        activate(*p);
        return p;
    }

private slots:
    void initTestCase()
    {
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 400, 21);
    }

    void init()
    {
        m_messages.texts.clear();
        m_dialogs = FakeReviewDialogs();
    }

    void cleanup() { m_contexts.clear(); }

    // What the inbox offers follows the transition table for the brief in front of the
    // person: a rep's escalated brief is the manager's now, so E, A and X do nothing there
    // (no dialog to type into and lose), while a comment still goes; their next pending brief
    // takes them all again.
    void theInboxOffersWhatTheTableAllowsOnTheSelectedBrief()
    {
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("lena.fischer@baton.example"));
        const qint64 id = inbox->briefView()->briefId();
        QVERIFY(id > 0);
        QVERIFY(inbox->action("edit")->isEnabled());
        m_dialogs.nextEscalation =
            ui::EscalationRequest{QStringLiteral("fit_unclear"), QStringLiteral("ICP?"), QString()};
        QTest::keyClick(inbox->table(), Qt::Key_X);
        QCOMPARE(scalar(db, "SELECT status = 'escalated' FROM briefs WHERE id = " +
                                std::to_string(id)),
                 1);
        auto *status = inbox->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        status->setCurrentIndex(status->findData(QStringLiteral("all")));
        QTRY_VERIFY(inbox->model()->rowOfBrief(id) >= 0);
        inbox->selectRow(inbox->model()->rowOfBrief(id));
        inbox->table()->setFocus();
        QVERIFY(!inbox->action("edit")->isEnabled());
        QVERIFY(!inbox->action("approve")->isEnabled());
        QVERIFY(!inbox->action("escalate")->isEnabled());
        QVERIFY(inbox->action("comment")->isEnabled());
        int opened = 0;
        m_dialogs.editBrief = [&](const QString &brief) {
            ++opened;
            return brief;
        };
        QTest::keyClick(inbox->table(), Qt::Key_E);
        QCOMPARE(opened, 0);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));

        status->setCurrentIndex(status->findData(QStringLiteral("pending_review")));
        QTRY_VERIFY(inbox->model()->rowOfBrief(id) < 0 && inbox->model()->rowCount() > 0);
        inbox->selectRow(0);
        QVERIFY(inbox->action("edit")->isEnabled());
        QVERIFY(inbox->action("approve")->isEnabled());
        QVERIFY(inbox->action("escalate")->isEnabled());
    }

    // An empty list offers no review action: X used to open the escalation dialog, whose OK
    // then did nothing.
    void anEmptyListOffersNoReviewAction()
    {
        auto db = store::openStore(freshStore());
        db.exec("UPDATE briefs SET status = 'superseded' WHERE owner = 'lena.fischer@baton.example'");
        auto inbox = page(db, QStringLiteral("lena.fischer@baton.example"));
        QCOMPARE(inbox->model()->rowCount(), 0);
        inbox->table()->setFocus();
        for (const char *name : {"approve", "edit", "escalate", "comment"})
            QVERIFY2(!inbox->action(name)->isEnabled(), name);
        m_dialogs.askedCategories.clear();
        QTest::keyClick(inbox->table(), Qt::Key_X);
        QVERIFY(m_dialogs.askedCategories.isEmpty());
        QVERIFY(inbox->action("next")->isEnabled()); // moving is not a review action
    }

    // The Reassign dialog labels its list of people as people (it said "Reason:").
    void reassignAsksForAPerson()
    {
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("dana.okoro@baton.example"));
        QVERIFY(inbox->model()->rowCount() > 0);
        inbox->selectRow(0);
        QTest::keyClick(inbox->table(), Qt::Key_R);
        QCOMPARE(m_dialogs.askedLabel, QStringLiteral("Person:"));
        QVERIFY(m_dialogs.askedReasons.contains(QStringLiteral("sam.patel@baton.example")));
    }

    // The Escalations header says once that only managers resolve, however often the list
    // moves (it grew by the sentence at every refresh).
    void theEscalationsHeaderSaysItOnce()
    {
        auto db = store::openStore(freshStore());
        ui::InboxPage escalations(ui::InboxPage::Mode::Escalations,
                                  context(db, QStringLiteral("priya.natarajan@baton.example")));
        activate(escalations);
        QVERIFY(escalations.model()->rowCount() > 1);
        for (int i = 0; i < 3; ++i) {
            QTest::keyClick(escalations.table(), Qt::Key_J);
            escalations.model()->refresh();
        }
        auto *who = escalations.findChild<QLabel *>(QStringLiteral("actingAs"));
        QVERIFY(who);
        QCOMPARE(who->text().count(QStringLiteral("Only managers resolve escalations.")), 1);
    }

    // A brief that leaves the list (escalated from a rep's queue) is followed by the next one
    // in its place, as after an approval; the selection used to jump to the first row.
    void afterEscalatingTheNextBriefTakesItsPlace()
    {
        auto db = store::openStore(freshStore());
        auto inbox = page(db, QStringLiteral("lena.fischer@baton.example"));
        QVERIFY(inbox->model()->rowCount() > 3);
        inbox->selectRow(2);
        const auto escalated = inbox->briefView()->briefId();
        const auto next = inbox->model()
                              ->data(inbox->model()->index(3, 0), ui::InboxTableModel::BriefIdRole)
                              .toLongLong();
        m_dialogs.nextEscalation =
            ui::EscalationRequest{QStringLiteral("fit_unclear"), QStringLiteral("ICP?"), QString()};
        QTest::keyClick(inbox->table(), Qt::Key_X);
        QCOMPARE(inbox->model()->rowOfBrief(escalated), -1);
        QCOMPARE(inbox->table()->currentIndex().row(), 2);
        QCOMPARE(inbox->briefView()->briefId(), next);
    }

    // Retry (R) and Cancel are on only with an operation selected: on an empty outbox R did
    // nothing while its button looked ready.
    void theOutboxOffersRetryOnlyOnAnOperation()
    {
        auto db = store::openStore(freshStore());
        ui::OutboxPage empty(context(db, QStringLiteral("priya.natarajan@baton.example")));
        activate(empty);
        QCOMPARE(empty.model()->rowCount(), 0);
        QVERIFY(!empty.action("retry")->isEnabled());
        QVERIFY(!empty.action("cancel")->isEnabled());
        {
            const FixedClock clock(*util::parseRfc3339("2026-11-17T09:30:00Z"));
            review::ReviewService service(db, m_registry, clock);
            auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = 'pending_review' "
                                 "ORDER BY id LIMIT 1");
            QVERIFY(st.step());
            service.approve(service.actor(st.textAt(1), "t"), st.int64At(0), 1);
        }
        ui::OutboxPage page(context(db, QStringLiteral("priya.natarajan@baton.example")));
        activate(page);
        QVERIFY(page.model()->rowCount() > 0);
        page.table()->selectRow(0);
        QVERIFY(page.action("retry")->isEnabled());
        QVERIFY(page.action("cancel")->isEnabled());
        page.table()->clearSelection();
        page.table()->setCurrentIndex({});
        QVERIFY(!page.action("retry")->isEnabled());
    }
};

QTEST_MAIN(TestConsoleOffers)
#include "test_console_offers.moc"
