#include "ApprovedStore.h"
#include "FakeSeams.h"
#include "TestContexts.h"
#include "models/InboxTableModel.h"
#include "models/OutboxTableModel.h"
#include "pages/AuditPage.h"
#include "pages/InboxPage.h"
#include "pages/OutboxPage.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QPlainTextEdit>
#include <QTreeWidget>

using namespace baton;

// What the console lets each person read: a rep their own queue and what they acted on,
// nobody chosen nothing, and the audit log only the roles it is for, with its chain checked.
class TestReadAccessPages : public QObject
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

    std::unique_ptr<ui::InboxPage> page(store::Database &db, const QString &user)
    {
        auto p = std::make_unique<ui::InboxPage>(ui::InboxPage::Mode::Inbox, context(db, user));
        p->resize(1200, 700);
        p->show();
        QApplication::setActiveWindow(p.get());
        if (!QTest::qWaitForWindowActive(p.get()))
            qWarning("the page did not become active");
        p->table()->setFocus();
        return p;
    }

private slots:
    void cleanup() { m_contexts.clear(); }

    void initTestCase()
    {
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 400, 21);
    }

    // A rep with nothing in the owner list (no brief yet) still sees only their own queue,
    // and nobody chosen sees nothing: a view is never widened by what failed to load.
    void aViewIsNeverWidenedToEveryone()
    {
        auto db = store::openStore(freshStore());
        db.exec("INSERT INTO users (email, name, role) VALUES ('new.rep@baton.example', "
                "'New Rep', 'rep')");
        auto newRep = page(db, QStringLiteral("new.rep@baton.example"));
        QVERIFY(newRep->actor().has_value());
        QCOMPARE(newRep->model()->rowCount(), 0);
        QCOMPARE(newRep->findChild<QComboBox *>(QStringLiteral("ownerFilter"))->currentData(),
                 QVariant(QStringLiteral("new.rep@baton.example")));
        auto nobody = page(db, QString());
        QVERIFY(!nobody->actor().has_value());
        QCOMPARE(nobody->model()->rowCount(), 0);
        // A brief the rep escalated stays theirs to read after it moves on.
        const auto brief = scalar(db, "SELECT min(id) FROM briefs WHERE owner != "
                                      "'new.rep@baton.example'");
        db.exec("INSERT INTO review_actions (brief_id, version, action, actor, role, os_user, "
                "status_before, status_after, at) VALUES (" +
                std::to_string(brief) +
                ", 1, 'comment', 'new.rep@baton.example', 'rep', 'tester', 'pending_review', "
                "'pending_review', '2026-11-16T12:00:00Z')");
        newRep->setUser(QStringLiteral("new.rep@baton.example"));
        QComboBox *status = newRep->findChild<QComboBox *>(QStringLiteral("statusFilter"));
        QVERIFY(status);
        status->setCurrentIndex(status->findData(QStringLiteral("all")));
        const auto seen = [&] {
            for (int row = 0; row < newRep->model()->rowCount(); ++row)
                if (newRep->model()->briefAt(row)->id == brief)
                    return newRep->model()->rowCount() == 1;
            return false;
        };
        QTRY_VERIFY(seen());
    }

    void theAuditPageShowsTheChainAndItsFirstBrokenLink()
    {
        auto db = store::openStore(freshStore());
        {
            auto inbox = page(db, QStringLiteral("lena.fischer@baton.example"));
            QTest::keyClick(inbox->table(), Qt::Key_A);
            QTest::keyClick(inbox->table(), Qt::Key_A);
        }
        ui::AuditPage audit(context(db));
        audit.show();
        QVERIFY(QTest::qWaitForWindowExposed(&audit));
        // Nobody yet, or a rep: nothing of the log.
        QCOMPARE(audit.entries()->topLevelItemCount(), 0);
        QVERIFY2(audit.verification()->text().contains(QStringLiteral("managers, marketing ops")),
                 qPrintable(audit.verification()->text()));
        audit.setAllowed(true);
        QCOMPARE(audit.entries()->topLevelItemCount(), 2);
        QVERIFY2(audit.verification()->text().contains(QStringLiteral("2 entries")),
                 qPrintable(audit.verification()->text()));
        QCOMPARE(audit.entries()->topLevelItem(0)->text(5), QStringLiteral("Approved"));
        const QDate today = QDateTime::currentDateTimeUtc().date();
        audit.since()->setDate(today.addDays(1));
        QCOMPARE(audit.entries()->topLevelItemCount(), 0);
        audit.since()->setDate(today);
        audit.until()->setDate(today);
        QCOMPARE(audit.entries()->topLevelItemCount(), 2);
        db.exec("UPDATE audit_log SET os_user = 'mallory' WHERE seq = 1");
        audit.refresh();
        QVERIFY2(audit.verification()->text().contains(QStringLiteral("BROKEN at entry 1")),
                 qPrintable(audit.verification()->text()));
    }


    // The outbox carries every brief's note and the CRM's answers: a rep sees none of it.
    void theOutboxIsNotARepsToRead()
    {
        auto db = store::openStore(freshStore());
        approveAll(db, m_registry);
        ui::OutboxPage rep(context(db, QStringLiteral("lena.fischer@baton.example")));
        rep.show();
        QVERIFY(!rep.table()->isVisible());
        QVERIFY(!rep.detail()->isVisible());
        ui::OutboxPage ops(context(db, QStringLiteral("priya.natarajan@baton.example")));
        ops.show();
        QVERIFY(ops.table()->isVisible());
        QVERIFY(ops.model()->rowCount() > 0);
    }
};

QTEST_MAIN(TestReadAccessPages)
#include "test_read_access_pages.moc"
