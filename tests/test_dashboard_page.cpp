#include "FakeSeams.h"
#include "KpiFixture.h"
#include "TestContexts.h"
#include "TestStoreLocation.h"
#include "contracts/ContractRegistry.h"
#include "pages/DashboardPage.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QChartView>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>

using namespace baton;

// The dashboard on the fixed store of test_telemetry: computed off the ui thread, a chart per
// KPI, the heartbeat banner, and each chart's PNG and CSV export.
class TestDashboardPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("kpi.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(m_path));
        loadKpiFixture(db);
    }

    void showsEveryKpiWithTheHeartbeatBanner()
    {
        FakeFileDialogs dialogs;
        FakeMessageBoxes boxes;
        FakeReviewDialogs reviewDialogs;
        TestContexts contexts(boxes, reviewDialogs, &dialogs);
        auto db = store::openStore(testStoreLocation(m_path));
        // The console's clock, not the wall clock: its last 30 days (the page's default
        // period) are the fixture's November.
        const FixedClock clock(*util::parseRfc3339("2026-11-30T00:00:00Z"));
        ui::DashboardPage page(contexts.make(db, m_registry, QString(), &clock));
        QSignalSpy refreshed(&page, &ui::DashboardPage::refreshed);
        page.resize(1200, 900);
        page.show(); // the first look computes
        // Done in the pool but not yet shown (its signal not delivered): the page still counts
        // it as computing, so F5 meanwhile starts no second computation.
        QThreadPool::globalInstance()->waitForDone(10000);
        QVERIFY(page.isComputing() || refreshed.count() == 1);
        QVERIFY(refreshed.wait(10000) || refreshed.count() == 1);
        QVERIFY(page.report().has_value());
        QCOMPARE(page.chartViews().size(), std::size_t(11)); // the last: by scoring version
        for (auto *view : page.chartViews())
            QVERIFY(!view->chart()->series().isEmpty());
        auto *banner = page.findChild<QLabel *>(QStringLiteral("heartbeatBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("marketo sync")),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("enrichment")));
        auto *state = page.findChild<QLabel *>(QStringLiteral("dashboardState"));
        QVERIFY2(state->text().contains(QStringLiteral("3 brief")), qPrintable(state->text()));

        // F5 computes again, off the ui thread.
        QTest::keyClick(&page, Qt::Key_F5);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(refreshed.count(), 2);

        const QString csv = m_dir.filePath(QStringLiteral("briefs.csv"));
        QVERIFY(page.exportCsv(0, csv));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY2(text.contains(QStringLiteral("2026-11-01,2,1")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("2026-11-02,1,0")));

        // The PNG button asks where, then writes there.
        dialogs.nextSave = m_dir.filePath(QStringLiteral("accuracy.png"));
        const auto buttons =
            page.chartViews().back()->parentWidget()->findChildren<QToolButton *>();
        QCOMPARE(buttons.size(), 2);
        buttons[0]->click();
        QImage image(dialogs.nextSave);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 400);
        QVERIFY(boxes.titles.isEmpty());
    }

    // The README's picture: the dashboard over a store given in BATON_DASHBOARD_STORE (the
    // pipeline bench's, after `baton bench dashboard` reviewed some of it), last 30 days.
    void screenshot()
    {
        const QString dir = qEnvironmentVariable("BATON_SCREENSHOT_DIR");
        const QString store = qEnvironmentVariable("BATON_DASHBOARD_STORE");
        if (dir.isEmpty() || store.isEmpty())
            QSKIP("set BATON_SCREENSHOT_DIR and BATON_DASHBOARD_STORE to save a screenshot");
        FakeMessageBoxes boxes;
        FakeReviewDialogs reviewDialogs;
        TestContexts contexts(boxes, reviewDialogs);
        auto db = store::Database::open(store.toStdString(), {.readOnly = true});
        ui::DashboardPage page(contexts.make(db, m_registry));
        QSignalSpy refreshed(&page, &ui::DashboardPage::refreshed);
        page.resize(1300, 1900);
        page.show();
        QVERIFY(refreshed.wait(20000));
        QTest::qWait(200);
        QVERIFY(page.grab().save(dir + QStringLiteral("/dashboard.png")));
    }
};

QTEST_MAIN(TestDashboardPage)
#include "test_dashboard_page.moc"
