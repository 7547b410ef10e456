// The Models page: the saved versions read off the ui thread with their figures, the
// selected one's features and shapes; canary, promote and roll back from the keyboard for
// marketing ops, none of them for a rep. The table model passes QAbstractItemModelTester.
#include "FakeSeams.h"
#include "TestContexts.h"
#include "TestStoreLocation.h"
#include "contracts/ContractRegistry.h"
#include "governance/Identity.h"
#include "models/ModelVersionsModel.h"
#include "pages/ModelsPage.h"
#include "pipeline/Team.h"
#include "scoring/ScoringDeployment.h"
#include "store/OpenStore.h"
#include "util/Time.h"
#include "widgets/ShapeCharts.h"

#include <QAbstractItemModelTester>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace baton;

namespace {

scoring::AdditiveFit fitOnPlan()
{
    scoring::AdditiveFit fit;
    scoring::Feature plan;
    plan.name = "lead.Plan";
    plan.levels = {"Pro", "<b>Free</b>"};
    fit.model.features = {plan};
    fit.model.shapes = {{0.8, -0.6, 0, 0}};
    fit.test.auc = 0.74;
    fit.test.calibration = {{0.1, 0.12, 40}, {0.5, 0.45, 20}};
    fit.features = {{"lead.Plan", 6.5, 0.7}};
    fit.trainCount = 600;
    fit.testCount = 150;
    return fit;
}

// The Models page on the test store as `user` sees it, shown; a test waits for `refreshed`.
struct ShownPage
{
    ShownPage(const std::string &path, const QString &user, const Clock *clock = nullptr)
        : db(store::openStore(testStoreLocation(path))), contexts(boxes, dialogs),
          page(contexts.make(db, registry, user, clock)),
          refreshed(&page, &ui::ModelsPage::refreshed)
    {
        page.show();
    }

    const contracts::ContractRegistry registry = contracts::ContractRegistry::builtIn();
    FakeMessageBoxes boxes;
    FakeReviewDialogs dialogs;
    store::Database db;
    TestContexts contexts;
    ui::ModelsPage page;
    QSignalSpy refreshed;
};

} // namespace

class TestModelsPage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;
    std::string m_first, m_second;

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("models.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(m_path));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const FixedClock clock(*util::parseRfc3339("2026-11-05T00:00:00Z"));
        governance::Identity(db, clock).markDemoStore();
        m_first = scoring::saveCandidate(db, fitOnPlan(), {0.3, 0.2, "the top 20%"}, "1.0.0", "sha",
                                         "2026-11-01T00:00:00Z");
        m_second = scoring::saveCandidate(db, fitOnPlan(), {0.4, 0.1, "the top 10%"}, "1.0.0",
                                          "sha", "2026-11-02T00:00:00Z");
    }

    void theTableModelIsAWellBehavedModel()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        ui::ModelVersionsModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(scoring::readModelCatalog(db));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ui::ModelVersionsModel::ColumnCount));
        QCOMPARE(model.index(0, ui::ModelVersionsModel::Version).data().toString(),
                 QString::fromStdString(m_second)); // newest first
        QCOMPARE(model.index(0, ui::ModelVersionsModel::Auc).data().toString(),
                 QStringLiteral("0.740"));
        model.setCatalog({});
        QCOMPARE(model.rowCount(), 0);
    }

    void marketingOpsPromotesFromTheKeyboard()
    {
        const FixedClock clock(*util::parseRfc3339("2026-11-05T00:00:00Z"));
        ShownPage shown(m_path, QStringLiteral("priya.natarajan@baton.example"), &clock);
        auto &page = shown.page;
        auto &refreshed = shown.refreshed;
        auto &db = shown.db;
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(page.versions()->model()->rowCount(), 2);
        QCOMPARE(page.features()->rowCount(), 1);
        QCOMPARE(page.features()->item(0, 0)->text(), QStringLiteral("lead.Plan"));

        page.canaryShare()->setValue(25);
        QTest::keyClick(&page, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(refreshed.wait(10000));
        auto d = scoring::ScoringDeployment(db).current();
        QCOMPARE(d.canary, m_second);
        QCOMPARE(d.canaryShare, 0.25);
        QTest::keyClick(&page, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(refreshed.wait(10000));
        QCOMPARE(scoring::ScoringDeployment(db).current().live, m_second);
        QTest::keyClick(&page, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(refreshed.wait(10000));
        QVERIFY(scoring::ScoringDeployment(db).current().live.empty());
        QVERIFY2(shown.boxes.texts.isEmpty(),
                 qPrintable(shown.boxes.texts.join(QLatin1Char('\n'))));
    }

    // A feature's shape reads top to bottom in the bins' order, one bar per bin, each bin named
    // in full beside its bar; a name from the data is shown as text, never as markup.
    void aFeaturesShapeReadsTopToBottom()
    {
        ShownPage shown(m_path, QStringLiteral("sam.patel@baton.example"));
        auto &page = shown.page;
        QVERIFY(shown.refreshed.wait(10000));
        page.features()->selectRow(0);
        auto *view = page.findChild<QChartView *>(QStringLiteral("shapeChart"));
        QVERIFY(view && view->chart());
        QCOMPARE(view->chart()->series().size(), 1);
        auto *bars = qobject_cast<QHorizontalBarSeries *>(view->chart()->series().first());
        QVERIFY(bars);
        const auto axes = view->chart()->axes(Qt::Vertical);
        QCOMPARE(axes.size(), 1);
        auto *bins = qobject_cast<QBarCategoryAxis *>(axes.first());
        QVERIFY(bins);
        // Horizontal bars stack their categories from the bottom up.
        QCOMPARE(bins->categories(),
                 (QStringList{ui::ShapeCharts::tr("(missing)"), ui::ShapeCharts::tr("(other values)"),
                              QStringLiteral("&lt;b&gt;Free&lt;/b&gt;"), QStringLiteral("Pro")}));
        QBarSet *points = bars->barSets().first();
        QCOMPARE(points->count(), 4);
        QVERIFY(points->at(3) > 0 && points->at(2) < 0 && points->at(0) == 0);
    }

    void aRepMayLookButNotDeploy()
    {
        ShownPage shown(m_path, QStringLiteral("sam.patel@baton.example"));
        auto &page = shown.page;
        QVERIFY(shown.refreshed.wait(10000));
        QCOMPARE(page.versions()->model()->rowCount(), 2);
        for (auto *button : page.findChildren<QPushButton *>())
            if (button->text() != ui::ModelsPage::tr("&Refresh"))
                QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
    }
};

QTEST_MAIN(TestModelsPage)
#include "test_models_page.moc"
