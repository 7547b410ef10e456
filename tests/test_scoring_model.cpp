#include "DemoStore.h"
#include "agents/ScoringModel.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "pipeline/ModelFitter.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>
#include <random>

using namespace baton;

class TestScoringModel : public QObject
{
    Q_OBJECT
private slots:
    void aucCountsOrderedPairs()
    {
        QCOMPARE(agents::rocAuc({0.1, 0.2, 0.8, 0.9}, {0, 0, 1, 1}), 1.0);
        QCOMPARE(agents::rocAuc({0.9, 0.8, 0.2, 0.1}, {0, 0, 1, 1}), 0.0);
        QCOMPARE(agents::rocAuc({0.5, 0.5, 0.5, 0.5}, {0, 1, 0, 1}), 0.5); // ties count half
        QCOMPARE(agents::rocAuc({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.75);
        QCOMPARE(agents::rocAuc({0.1, 0.2}, {1, 1}), 0.5); // one class only
    }

    void logisticRegressionFindsTheSignal()
    {
        std::mt19937_64 rng(4);
        std::normal_distribution<double> noise(0, 1);
        std::vector<agents::Example> train, test;
        for (int i = 0; i < 2000; ++i) {
            agents::Example e;
            e.x = {noise(rng), noise(rng), noise(rng)};
            const double z = 2.0 * e.x[0] - 1.0 * e.x[1];
            e.y = (1 / (1 + std::exp(-z))) > std::uniform_real_distribution<double>(0, 1)(rng) ? 1
                                                                                               : 0;
            e.baseline = e.x[2]; // pure noise
            (i % 10 < 7 ? train : test).push_back(e);
        }
        const auto m = agents::fitLogistic({"a", "b", "noise"}, train, test);
        QVERIFY2(m.auc > 0.8, qPrintable(QString::number(m.auc)));
        QVERIFY(std::abs(m.baselineAuc - 0.5) < 0.08);
        QVERIFY(m.weights[0] > 0 && m.weights[1] < 0);
        QVERIFY(std::abs(m.weights[2]) < std::abs(m.weights[1]));
        int counted = 0;
        for (const auto &bin : m.calibration)
            counted += bin.count;
        QCOMPARE(counted, m.testCount);
    }

    void onDemoDataTheModelBeatsThePoints()
    {
        QTemporaryDir dir;
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(dir.filePath("s.sqlite").toStdString(), dir.filePath("demo").toStdString(), 3000, 17, now);
        auto db = store::openStore(testStoreLocation(dir.filePath("s.sqlite").toStdString()));
        const auto registry = contracts::ContractRegistry::builtIn();
        const auto policy = agents::defaultPolicy(registry);
        pipeline::ModelFitter fitter(db, policy);
        const auto result = fitter.fit(now);
        qInfo("held-out AUC %.3f, points-only %.3f, %d/%d examples", result.model.auc,
              result.model.baselineAuc, result.model.trainCount, result.model.testCount);
        QVERIFY(result.model.testCount > 300);
        QVERIFY(result.positives > 50);
        QVERIFY(result.model.auc > result.model.baselineAuc);
        QVERIFY(result.model.baselineAuc > 0.6); // the points carry signal too
        fitter.save(result, "2026-11-16T12:00:00Z");
        QCOMPARE(fitter.models().size(), 1u);
        QCOMPARE(fitter.models().front().version, std::string("1.0.0+fit.1"));
    }
};

QTEST_GUILESS_MAIN(TestScoringModel)
#include "test_scoring_model.moc"
