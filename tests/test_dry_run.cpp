#include "DemoStore.h"
#include "agents/Policy.h"
#include "agents/ScoringModel.h"
#include "pipeline/DryRun.h"
#include "pipeline/ModelFitter.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "ports/IdGenerator.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <set>

using namespace baton;

// A fitted model used as a scoring version, and `run --dry-run --compare`: the dry run
// writes nothing and predicts exactly what a real run then does; a model's briefs explain
// their scores with factors that cite the brief's own inputs.
class TestDryRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const agents::Policy m_policy = agents::defaultPolicy(m_registry);
    const agents::TimePoint m_now = *util::parseRfc3339("2026-11-16T12:00:00Z");
    std::optional<store::Database> m_db;
    pipeline::ScoringVariant m_points, m_model;

    qint64 scalar(const std::string &sql)
    {
        auto st = m_db->prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }

private slots:
    void initTestCase()
    {
        const auto path = m_dir.filePath("s.sqlite").toStdString();
        buildDemoStore(path, m_dir.filePath("demo").toStdString(), 1500, 23, m_now);
        m_db.emplace(store::openStore(testStoreLocation(path)));
        pipeline::ModelFitter fitter(*m_db, m_policy);
        const auto fit = fitter.fit(m_now);
        fitter.save(fit, util::formatUtc(m_now));
        m_points = {m_policy.scoring.version, nullptr, nullptr};
        const auto loaded = fitter.load(fit.version);
        QVERIFY(loaded);
        QCOMPARE(loaded->weights, fit.model.weights);
        QCOMPARE(loaded->qualifyProbability, fit.model.qualifyProbability);
        QVERIFY(loaded->qualifyProbability > 0 && loaded->qualifyProbability < 1);
        m_model = {fit.version, std::make_shared<const agents::FittedModel>(*loaded), nullptr};
    }

    void comparingAVersionWithItselfChangesNothing()
    {
        const auto r = pipeline::dryRun(*m_db, m_registry, m_policy, m_now, {m_points, m_points});
        QCOMPARE(r.leads, scalar("SELECT count(*) FROM leads"));
        QCOMPARE(r.bandChanged, 0);
        QCOMPARE(r.qualifyGained + r.qualifyLost + r.escalationChanged, 0);
        QCOMPARE(r.variants[0].qualified, r.variants[1].qualified);
        QVERIFY(r.variants[0].qualified > 0);
        std::int64_t graded = 0;
        for (const auto &[cell, n] : r.variants[0].grid)
            graded += n;
        QCOMPARE(graded, r.leads);
        // Every lead's score and brief, so a threshold can be set to brief a given number.
        const auto &leads = r.variants[0].leads;
        QCOMPARE(static_cast<std::int64_t>(leads.size()), r.leads);
        QCOMPARE(std::count_if(
                     leads.begin(), leads.end(),
                     [&](const auto &l) { return l.score >= m_policy.scoring.qualifyThreshold; }),
                 r.variants[0].qualified);
        QCOMPARE(std::count_if(leads.begin(), leads.end(), [](const auto &l) { return l.briefed; }),
                 r.variants[0].briefed);
        QCOMPARE(scalar("SELECT count(*) FROM briefs"), 0); // a dry run writes nothing
        QCOMPARE(scalar("SELECT count(*) FROM pipeline_runs"), 0);
    }

    void theModelQualifiesAsManyButNotTheSameLeads()
    {
        const auto r = pipeline::dryRun(*m_db, m_registry, m_policy, m_now, {m_points, m_model});
        const double points = r.variants[0].qualified, model = r.variants[1].qualified;
        // Its threshold was chosen to qualify the policy's share of the training leads.
        QVERIFY2(std::abs(model - points) <= 0.25 * points,
                 qPrintable(QStringLiteral("%1 vs %2").arg(points).arg(model)));
        QVERIFY(r.qualifyGained > 0 && r.qualifyLost > 0);
        QVERIFY(r.bandChanged > 0);
        QCOMPARE(r.variants[1].qualified - r.variants[0].qualified,
                 r.qualifyGained - r.qualifyLost);
        QCOMPARE(scalar("SELECT count(*) FROM briefs"), 0);
    }

    void aRealRunDoesWhatTheDryRunSaid()
    {
        const auto predicted = pipeline::dryRun(*m_db, m_registry, m_policy, m_now, {m_model});
        const FixedClock clock(m_now);
        RandomIdGenerator ids(8);
        pipeline::Orchestrator orchestrator(*m_db, m_registry, m_policy, clock, ids);
        pipeline::RunOptions options;
        options.scoring = m_model;
        const auto run = orchestrator.run(options);
        QCOMPARE(run.failed, 0);
        QCOMPARE(run.briefed, predicted.variants[0].briefed);
        QCOMPARE(run.escalated, predicted.variants[0].escalated);

        auto st = m_db->prepare("SELECT id FROM briefs");
        pipeline::RunStore runs(*m_db);
        while (st.step()) {
            const auto brief = nlohmann::json::parse(*runs.briefJson(st.int64At(0)));
            std::vector<contracts::ValidationError> errors;
            QVERIFY(m_registry.validate("brief", 1, brief, errors));
            QCOMPARE(brief["provenance"]["agent_versions"]["scoring"].get<std::string>(),
                     m_model.version);
            std::set<std::string> inputs;
            for (const auto &i : brief["inputs_considered"])
                inputs.insert(i["ref"].get<std::string>());
            QVERIFY(!brief["score"]["factors"].empty());
            for (const auto &factor : brief["score"]["factors"])
                for (const auto &id : factor["evidence"])
                    QVERIFY2(inputs.count(id.get<std::string>()), id.get<std::string>().c_str());
        }
    }

    void aModelFromAnotherPolicyIsRefused()
    {
        agents::ScoringPolicy other = m_policy.scoring;
        other.icp["industry"]["Aerospace"] = 20; // one more feature than the model knows
        agents::ScoringAgent agent(other);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, agent.useModel(m_model.model, "x"));
        QCOMPARE(agent.version(), m_policy.scoring.version);
    }
};

QTEST_GUILESS_MAIN(TestDryRun)
#include "test_dry_run.moc"
