#include "ApprovedStore.h"
#include "BulkReview.h"
#include "FakeSeams.h"
#include "TestContexts.h"
#include "governance/AuditLog.h"
#include "models/InboxTableModel.h"
#include "pages/InboxPage.h"
#include "pages/SettingsPage.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewChainCheck.h"
#include "store/Transaction.h"
#include "util/Time.h"
#include "widgets/BriefView.h"
#include "widgets/UndoBanner.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;
using namespace std::chrono_literals;

// The console's safety net, by keyboard: an approval undone with Ctrl+Z while its grace
// lasts (and not after), a manager approving or reassigning several briefs at once, each
// checked and audited alone, a stale one refused and left selected, a rep kept to one brief
// at a time, and the grace set in Settings. Time from a fixed clock.
class TestBulkReview : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    std::unique_ptr<BriefedStores> m_stores;
    FakeMessageBoxes m_messages;
    FakeReviewDialogs m_dialogs;
    TestContexts m_contexts{m_messages, m_dialogs};
    const util::TimePoint m_t0 = *util::parseRfc3339("2026-11-17T09:30:00Z");
    FixedClock m_clock{m_t0};

    std::unique_ptr<ui::InboxPage> page(store::Database &db, const QString &user)
    {
        auto p = std::make_unique<ui::InboxPage>(
            ui::InboxPage::Mode::Inbox, m_contexts.make(db, m_registry, user, &m_clock));
        p->resize(1400, 800);
        p->show();
        QApplication::setActiveWindow(p.get());
        if (!QTest::qWaitForWindowActive(p.get()))
            qWarning("the page did not become active");
        p->table()->setFocus();
        return p;
    }

    // Whether `who` could approve brief `id` as it stands (its consent allows its actions).
    bool approvable(store::Database &db, const std::string &who, std::int64_t id)
    {
        review::ReviewService service(db, m_registry, m_clock);
        store::Transaction probe(db); // rolled back
        try {
            service.approve(service.actor(who, "probe"), id, service.brief(id).version);
            return true;
        } catch (const review::ReviewError &) {
            return false;
        }
    }

    static std::string status(store::Database &db, std::int64_t id)
    {
        auto st = db.prepare("SELECT status FROM briefs WHERE id = ?");
        st.bind(1, id);
        return st.step() ? st.textAt(0) : std::string();
    }

    static void checkTrail(store::Database &db)
    {
        QVERIFY(governance::AuditLog(db).verify().ok);
        const auto disagreement = review::firstReviewDisagreement(db);
        QVERIFY2(!disagreement, disagreement ? disagreement->c_str() : "");
    }

    // Shows only briefs to review, and waits for the list.
    static void onlyToReview(ui::InboxPage &p)
    {
        auto *filter = p.findChild<QComboBox *>(QStringLiteral("statusFilter"));
        filter->setCurrentIndex(filter->findData(QStringLiteral("pending_review")));
        QTRY_VERIFY(!p.model()->isLoading());
        QVERIFY(p.model()->rowCount() >= 3);
        p.selectRow(0);
        p.table()->setFocus();
    }

    static std::vector<std::int64_t> selectedIds(ui::InboxPage &p)
    {
        std::vector<std::int64_t> ids;
        auto rows = p.table()->selectionModel()->selectedRows();
        std::sort(rows.begin(), rows.end(),
                  [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
        for (const auto &index : rows)
            ids.push_back(index.data(ui::InboxTableModel::BriefIdRole).toLongLong());
        return ids;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        m_stores = std::make_unique<BriefedStores>(m_dir.path().toStdString(), m_registry, 400, 21);
    }

    void init()
    {
        m_messages.texts.clear();
        m_messages.titles.clear();
        m_messages.warningTexts.clear();
        m_dialogs = FakeReviewDialogs();
        m_clock.set(m_t0);
    }

    void cleanup() { m_contexts.clear(); }

    void approveThenCtrlZUndoes()
    {
        auto db = store::openStore(m_stores->fresh());
        const QString lena = QStringLiteral("lena.fischer@baton.example");
        auto inbox = page(db, lena);
        QAbstractItemModelTester tester(inbox->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        int row = 0;
        while (row < inbox->model()->rowCount() &&
               !approvable(db, lena.toStdString(), inbox->model()->briefAt(row)->id))
            ++row;
        QVERIFY(row < inbox->model()->rowCount());
        inbox->selectRow(row);
        const std::int64_t id = inbox->briefView()->briefId();
        auto *banner = inbox->undoBanner();
        QVERIFY(!banner->isVisible());
        QVERIFY(!inbox->action("undo")->isEnabled());

        QTest::keyClick(inbox->table(), Qt::Key_A);
        QCOMPARE(status(db, id), std::string("approved"));
        QVERIFY(banner->isVisible());
        QVERIFY(inbox->action("undo")->isEnabled());
        const auto text = banner->findChild<QLabel *>(QStringLiteral("undoText"))->text();
        QVERIFY2(text.contains(QStringLiteral("#%1").arg(id)) && text.contains(QStringLiteral("60")),
                 qPrintable(text));
        const auto ops = "SELECT count(*) FROM outbox WHERE brief_id = " + std::to_string(id);
        QVERIFY(scalar(db, ops + " AND status = 'pending'") > 0);

        m_clock.set(m_t0 + 20s);
        QTest::keyClick(inbox->table(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY2(m_messages.texts.isEmpty(), qPrintable(m_messages.texts.join('\n')));
        QCOMPARE(status(db, id), std::string("pending_review"));
        QCOMPARE(scalar(db, ops + " AND status = 'pending'"), std::int64_t(0));
        QVERIFY(scalar(db, ops + " AND status = 'cancelled'") > 0);
        QVERIFY(!banner->isVisible());
        QVERIFY(!inbox->action("undo")->isEnabled());
        QCOMPARE(inbox->briefView()->briefId(), id); // back in the list, and shown
        checkTrail(db);

        // Approved again, the banner goes when the grace has passed, and so does Ctrl+Z.
        QTest::keyClick(inbox->table(), Qt::Key_A);
        QCOMPARE(status(db, id), std::string("approved"));
        QVERIFY(banner->isVisible());
        m_clock.set(m_t0 + 20s + 61s);
        QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 3000);
        QTest::keyClick(inbox->table(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(status(db, id), std::string("approved"));
        QVERIFY(m_messages.texts.isEmpty());
    }

    void aManagerApprovesThreeAtOnceAndAStaleOneIsRefused()
    {
        auto db = store::openStore(m_stores->fresh());
        const std::string dana = "dana.okoro@baton.example";
        auto inbox = page(db, QString::fromStdString(dana));
        QAbstractItemModelTester tester(inbox->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        onlyToReview(*inbox);
        QTest::keyClick(inbox->table(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(inbox->table(), Qt::Key_Down, Qt::ShiftModifier);
        const auto ids = selectedIds(*inbox);
        QCOMPARE(ids.size(), std::size_t(3));
        std::vector<std::int64_t> willPass;
        for (auto id : ids)
            if (approvable(db, dana, id))
                willPass.push_back(id);
        QVERIFY(!willPass.empty());
        // Someone else acts on one of them meanwhile: the version on screen is stale.
        const std::int64_t stale = willPass.front();
        willPass.erase(willPass.begin());
        {
            review::ReviewService other(db, m_registry, m_clock);
            const auto b = other.brief(stale);
            other.reassign(other.actor(dana, "another session"), stale, b.version, b.owner,
                           "same owner, new version");
        }
        const auto approvalsBefore =
            scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'approve'");

        QSignalSpy finished(inbox.get(), &ui::InboxPage::bulkFinished);
        QTest::keyClick(inbox->table(), Qt::Key_A);
        QTRY_COMPARE(finished.count(), 1);
        const QString summary = finished.at(0).at(0).toString();
        const int refused = 3 - int(willPass.size());
        QVERIFY2(summary.startsWith(QStringLiteral("Approved %1 of 3; %2 refused: ")
                                        .arg(willPass.size())
                                        .arg(refused)),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("brief #%1 changed since you opened it").arg(stale)),
                 qPrintable(summary));
        QCOMPARE(m_messages.warningTexts, QStringList{summary});
        for (auto id : willPass)
            QCOMPARE(status(db, id), std::string("approved"));
        QCOMPARE(status(db, stale), std::string("pending_review"));
        // Each approval audited on its own, as if done one by one.
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'approve'"),
                 approvalsBefore + std::int64_t(willPass.size()));
        checkTrail(db);
        // What was refused stays selected (and shown).
        const auto left = selectedIds(*inbox);
        QCOMPARE(int(left.size()), refused);
        QVERIFY(std::find(left.begin(), left.end(), stale) != left.end());
        QCOMPARE(inbox->briefView()->briefId(), left.back());
    }

    void aManagerReassignsSeveralAtOnce()
    {
        auto db = store::openStore(m_stores->fresh());
        auto inbox = page(db, QStringLiteral("dana.okoro@baton.example"));
        onlyToReview(*inbox);
        QTest::keyClick(inbox->table(), Qt::Key_Down, Qt::ShiftModifier);
        const auto ids = selectedIds(*inbox);
        QCOMPARE(ids.size(), std::size_t(2));
        m_dialogs.nextChoice = QStringLiteral("sam.patel@baton.example");
        QSignalSpy finished(inbox.get(), &ui::InboxPage::bulkFinished);
        QTest::keyClick(inbox->table(), Qt::Key_R);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(0).toString(),
                 QStringLiteral("Reassigned 2 of 2 to sam.patel@baton.example"));
        for (auto id : ids)
            QCOMPARE(scalar(db, "SELECT count(*) FROM briefs WHERE owner = "
                                "'sam.patel@baton.example' AND id = " +
                                    std::to_string(id)),
                     std::int64_t(1));
        QVERIFY(m_messages.warningTexts.isEmpty());
        checkTrail(db);
    }

    void aRepReviewsOneAtATime()
    {
        auto db = store::openStore(m_stores->fresh());
        auto inbox = page(db, QStringLiteral("lena.fischer@baton.example"));
        QVERIFY(inbox->model()->rowCount() >= 2);
        QCOMPARE(inbox->table()->selectionMode(), QAbstractItemView::SingleSelection);
        QTest::keyClick(inbox->table(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(inbox->table(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(selectedIds(*inbox).size(), std::size_t(1));
    }

    void theGraceIsSetInSettings()
    {
        auto db = store::openStore(m_stores->fresh());
        ui::SettingsPage asRep(m_contexts.make(db, m_registry,
                                               QStringLiteral("lena.fischer@baton.example"),
                                               &m_clock));
        auto *repBox = asRep.findChild<QSpinBox *>(QStringLiteral("approvalGrace"));
        QVERIFY(repBox);
        QCOMPARE(repBox->value(), 60);
        QVERIFY(!repBox->isEnabled()); // the store's setting is not a rep's

        ui::SettingsPage page(
            m_contexts.make(db, m_registry, QStringLiteral("alex.kim@baton.example"), &m_clock));
        page.show();
        QApplication::setActiveWindow(&page);
        QVERIFY(QTest::qWaitForWindowActive(&page));
        auto *box = page.findChild<QSpinBox *>(QStringLiteral("approvalGrace"));
        QVERIFY(box->isEnabled());
        box->setFocus();
        box->selectAll();
        QTest::keyClicks(box, QStringLiteral("15"));
        QTest::keyClick(box, Qt::Key_Return);
        QCOMPARE(review::ApprovalGrace(db).period(), 15s);
        QCOMPARE(scalar(db, "SELECT count(*) FROM audit_log WHERE action = 'approval_grace_set'"),
                 std::int64_t(1));
    }
};

QTEST_MAIN(TestBulkReview)
#include "test_bulk_review.moc"
