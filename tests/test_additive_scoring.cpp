// A run scores with an additive model the store promoted: the same facts the fit read, the
// brief's factors its parts in points that add up with the base to the total, each citing its
// record; a canary sends a stable share of leads to a candidate; only marketing ops or an
// admin choose, and every choice is audited.
#include "TempStore.h"
#include "agents/Policy.h"
#include "pipeline/DeployedScoring.h"
#include "pipeline/DryRun.h"
#include "pipeline/LeadFactsAtRun.h"
#include "pipeline/LeadInputReader.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ReviewService.h"
#include "scoring/LeadFacts.h"
#include "scoring/ModelVersions.h"
#include "scoring/RecordBinsMemo.h"
#include "scoring/ScoringDeployment.h"

#include <QTest>
#include <cmath>

using namespace baton;

namespace {

// Old enough to have an outcome at the store's clock (2026-11-20), every kind of record.
const QByteArray kLeads = R"(
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"a","email":"ann@acme.com","company_domain":"acme.com","job_title":"CTO","created_at":"2026-08-01T00:00:00Z","properties":{"Lead Source":"Reference","Trial Date":"2026-08-05","Page Views":"12"}}}
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"b","email":"bo@beta.io","created_at":"2026-08-02T00:00:00Z","properties":{"Lead Source":"Google"}}}
{"contract":"account","version":1,"record":{"source_system":"crm","source_id":"acc1","name":"Acme","domain":"acme.com","industry":"Software","employees":450,"properties":{"Plan":"Pro"}}}
{"contract":"enrichment_record","version":1,"record":{"source_system":"clearbit","source_id":"n1","subject":{"kind":"account","key":"acme.com"},"observed_at":"2026-08-03T00:00:00Z","fields":{"industry":"Software","annual_revenue":12000000}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e1","lead":{"source_system":"web","source_id":"a"},"type":"webinar_attended","occurred_at":"2026-08-03T00:00:00Z","attributes":{"minutes":12,"Webinar ID":7,"Amount Paid":5}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e2","lead":{"source_system":"web","source_id":"a"},"type":"webinar_attended","occurred_at":"2026-09-12T00:00:00Z","attributes":{"minutes":"50","webinarId":"9"}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e3","lead":{"source_system":"web","source_id":"b"},"type":"web_visit","occurred_at":"2026-08-20T00:00:00Z"}}
)";

// A model on two of the facts: a reference is worth a lot, webinars some.
scoring::AdditiveFit handMadeFit()
{
    scoring::AdditiveFit fit;
    scoring::Feature source;
    source.name = "lead.Lead Source";
    source.levels = {"Reference", "Google"};
    scoring::Feature webinars;
    webinars.name = "events.webinar_attended.count";
    webinars.kind = scoring::FeatureKind::Numeric;
    webinars.edges = {1, 2};
    fit.model.features = {source, webinars};
    fit.model.shapes = {{1.5, -0.5, 0, 0}, {-0.4, 0.2, 0.9, 0}};
    fit.model.intercept = -1;
    fit.test.auc = 0.8;
    fit.features = {{"lead.Lead Source", 5, 0.7}, {"events.webinar_attended.count", 3, 0.6}};
    fit.trainCount = 800;
    fit.testCount = 200;
    return fit;
}

bool sameFacts(const scoring::Facts &a, const scoring::Facts &b)
{
    if (a.size() != b.size())
        return false;
    for (const auto &[name, fact] : a) {
        const auto it = b.find(name);
        if (it == b.end() || it->second.text != fact.text || it->second.number != fact.number ||
            it->second.evidence != fact.evidence) {
            qWarning("fact %s differs", name.c_str());
            return false;
        }
    }
    return true;
}

} // namespace

class TestAdditiveScoring : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;

    review::Actor as(const std::string &user)
    {
        review::ReviewService service(m_store->db, m_store->registry, m_store->clock);
        return service.actor(user, "t");
    }

private slots:
    void init()
    {
        m_store = std::make_unique<TempStore>();
        const auto r = m_store->import(QStringLiteral("leads.jsonl"), kLeads.trimmed());
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.counts.quarantined, 0);
        QCOMPARE(r.counts.accepted, 7);
        pipeline::saveUsers(m_store->db, pipeline::demoTeam());
    }

    // What a run reads of a lead is what the fit read of it, fact for fact: a model meets at
    // run time the facts it learned from.
    void aRunReadsTheFactsTheFitRead()
    {
        scoring::HistoryOptions everything;
        everything.windowDays = 0; // as of the clock, as a run is
        const auto history =
            scoring::readHistory(m_store->db, m_store->clock.now(), everything).examples;
        QCOMPARE(history.size(), std::size_t(2));
        pipeline::LeadInputReader reader(m_store->db);
        reader.setReadRecords(true, {"webinar_attended", "web_visit"}); // every type's
        for (const auto &example : history) {
            const auto inputs = reader.read(example.leadId, m_store->clock.now());
            QVERIFY(inputs);
            const auto facts = pipeline::leadFactsAtRun(*inputs, m_store->clock.now());
            QVERIFY(sameFacts(facts, example.facts));
        }
        const auto &ann = history[0].facts;
        QVERIFY(ann.count("account.Plan"));
        QVERIFY(ann.count("enrichment.annual_revenue"));
        QCOMPARE(ann.at("events.webinar_attended.minutes.sum").number.value_or(0), 62.0);
        QCOMPARE(ann.at("events.webinar_attended.Amount Paid.sum").number.value_or(0), 5.0);
        // Numbers that name things are not summed: their sum says nothing about the lead.
        QVERIFY(!ann.count("events.webinar_attended.Webinar ID.sum"));
        QVERIFY(!ann.count("events.webinar_attended.webinarId.sum"));
        // A model's filter keeps only the facts it reads, the same ones, and a run finds them
        // at the filter's positions, in the order the model lists its features.
        // lead.email is in the record, but who a lead is never becomes a fact.
        const std::vector<std::string> names{"events.webinar_attended.minutes.sum",
                                             "lead.Nope",
                                             "lead.email",
                                             "lead.Lead Source",
                                             "account.Plan",
                                             "events.webinar_attended.count",
                                             "events.webinar_attended.days_since_last",
                                             "events.webinar_attended.decayed",
                                             "enrichment.annual_revenue",
                                             "lead.Trial Date"};
        const auto filter = scoring::FactFilter::of(names);
        // Only the attributes of the types a model sums are kept.
        reader.setReadRecords(true, {"web_visit"});
        const auto unsummed = reader.read(history[0].leadId, m_store->clock.now());
        QVERIFY(unsummed && !unsummed->events.empty());
        for (const auto &e : unsummed->events)
            QVERIFY(e.attributes.empty());
        reader.setReadRecords(true, {"webinar_attended"});
        const auto inputs = reader.read(history[0].leadId, m_store->clock.now());
        QVERIFY(inputs);
        for (const auto &e : inputs->events)
            QCOMPARE(e.attributes.empty(), e.type != "webinar_attended");
        const auto kept = pipeline::leadFactsAtRun(*inputs, m_store->clock.now(), &filter);
        QCOMPARE(kept.size(), names.size() - 2);
        for (const auto &[name, fact] : kept) {
            QCOMPARE(fact.number, ann.at(name).number);
            QCOMPARE(fact.text, ann.at(name).text);
            QCOMPARE(fact.evidence, ann.at(name).evidence);
        }
        // A run bins those facts as it reads them: the bins the model gives the facts, each
        // citing the same record.
        scoring::AdditiveModel model;
        for (const auto &name : names) {
            scoring::Feature f;
            f.name = name;
            if (name.ends_with(".sum") || name.ends_with("days_since_last") ||
                name.starts_with("enrichment.") || name.ends_with("Date")) {
                f.kind = scoring::FeatureKind::Numeric;
                f.edges = {10, 61.5, 62};
            } else if (name == "lead.Nope") {
                f.kind = scoring::FeatureKind::Boolean;
            } else {
                f.levels = {"Google", "Pro", "1", "2"}; // webinars attended: a level "2"
            }
            model.features.push_back(f);
        }
        const auto modelFilter = scoring::FactFilter::of(model.features);
        reader.setReadRecords(true, {"webinar_attended"});
        for (const auto &example : history) {
            const auto read = reader.read(example.leadId, m_store->clock.now());
            QVERIFY(read);
            const auto row = pipeline::leadBinRowAtRun(*read, m_store->clock.now(), modelFilter);
            const auto expected =
                model.binRowOf(pipeline::leadFactsAtRun(*read, m_store->clock.now(), &modelFilter));
            QCOMPARE(row.bins, expected.bins);
            for (std::size_t j = 0; j < names.size(); ++j)
                QCOMPARE(row.evidence(j), expected.evidence(j));
        }
        const auto row = pipeline::leadBinRowAtRun(*inputs, m_store->clock.now(), modelFilter);
        QCOMPARE(row.bins.at(0), 3); // 62 minutes: 62 or more
        QCOMPARE(row.evidence(0), ann.at(names[0]).evidence);
        QCOMPARE(row.bins.at(1), model.features[1].missingBin()); // lead.Nope
        QCOMPARE(row.evidence(1), std::string());
        QCOMPARE(row.bins.at(2), model.features[2].missingBin()); // who the lead is: no fact
        QCOMPARE(row.bins.at(3), 4);                              // "Reference": other
        QCOMPARE(row.evidence(3), ann.at("lead.Lead Source").evidence);
        QCOMPARE(row.bins.at(4), 1); // "Pro"
        QCOMPARE(row.evidence(4), ann.at("account.Plan").evidence);
        QCOMPARE(row.bins.at(5), 3); // two webinars
        QCOMPARE(row.bins.at(8), 3); // revenue: 62 or more
        QCOMPARE(row.evidence(8), ann.at("enrichment.annual_revenue").evidence);
        QVERIFY(row.bins.at(9) != model.features[9].missingBin()); // a date: its age in days
        // Read in a batch, the same.
        const std::vector<std::int64_t> ids{history[0].leadId, history[1].leadId};
        reader.prefetch(ids, m_store->clock.now());
        const auto batched = reader.read(history[0].leadId, m_store->clock.now());
        QVERIFY(sameFacts(pipeline::leadFactsAtRun(*batched, m_store->clock.now()), ann));
    }

    // An account's leads share its record and what a provider said of it: a worker bins those
    // once, gives the bins to the account's next lead, and reads a record again when its
    // content changed, so every lead's row is what reading all of its records gives.
    void anAccountsLeadsShareItsRecordsBins()
    {
        scoring::AdditiveModel model;
        const auto feature = [&](const char *name, std::vector<std::string> levels,
                                 std::vector<double> edges) {
            scoring::Feature f;
            f.name = name;
            f.kind =
                edges.empty() ? scoring::FeatureKind::Categorical : scoring::FeatureKind::Numeric;
            f.levels = std::move(levels);
            f.edges = std::move(edges);
            model.features.push_back(f);
        };
        feature("lead.Lead Source", {"Google"}, {});
        feature("account.Plan", {"Pro", "Team"}, {});
        feature("account.employees", {}, {100, 500});
        feature("enrichment.annual_revenue", {}, {1e6});
        const auto filter = scoring::FactFilter::of(model.features);
        const auto now = m_store->clock.now();
        agents::Observation said;
        said.id = 9;
        said.subjectKind = "account";
        said.observedAt = now - std::chrono::hours(24);
        said.fields = {{"annual_revenue", 2e6}};
        // Each record with its SHA-256 as a read gives it: here a byte that differs with it.
        const auto lead = [&](std::int64_t id, const char *record, const char *account,
                              std::uint8_t accountDigest, std::uint8_t saidDigest) {
            pipeline::LeadInputs in;
            in.enrichment.lead.id = id;
            in.leadRecord = record;
            in.enrichment.account = agents::AccountFacts{};
            in.enrichment.account->id = 7;
            in.accountRecord = account;
            in.enrichment.observations = {said};
            in.hashes.push_back({pipeline::InputRecord::Account, 7, {accountDigest}});
            in.hashes.push_back({pipeline::InputRecord::Enrichment, said.id, {saidDigest}});
            return in;
        };
        const char *pro = R"({"employees":450,"properties":{"Plan":"Pro"}})";
        const std::vector<pipeline::LeadInputs> leads{
            lead(1, R"({"properties":{"Lead Source":"Google"}})", pro, 1, 1),
            lead(2, R"({"properties":{"Lead Source":"Reference"}})", pro, 1, 1),
            lead(3, "{}", R"({"employees":50,"properties":{"Plan":"Team"}})", 2, 1),
            lead(4, "{}", pro, 1, 2)};
        scoring::RecordBinsMemo memo;
        for (const auto &in : leads) {
            const auto shared = pipeline::leadBinRowAtRun(in, now, filter, &memo);
            const auto alone = pipeline::leadBinRowAtRun(in, now, filter);
            QCOMPARE(shared.bins, alone.bins);
            for (std::size_t j = 0; j < model.features.size(); ++j)
                QCOMPARE(shared.evidence(j), alone.evidence(j));
            QCOMPARE(memo.size(), std::size_t(2)); // the account's record and its provider's
        }
        const auto third = pipeline::leadBinRowAtRun(leads[2], now, filter);
        QCOMPARE(third.bins, (std::vector<int>{2, 1, 0, 1})); // missing, Team, below 100, 1e6+
        QCOMPARE(third.evidence(1), std::string("account#7"));
        QCOMPARE(third.evidence(3), std::string("enrichment#9"));
        // What is kept is what a lead of the same record gets: proof that it is used, and
        // only for that record's content, that filter and that cutoff.
        const auto digestOf = [](const pipeline::LeadInputs &in) {
            const auto &d = in.hashes.front().sha256;
            return std::string(reinterpret_cast<const char *>(d.data()), d.size());
        };
        memo.keep(pipeline::InputRecord::Account, 7, digestOf(leads[0]), {{1, 3}}); // wrongly
        QCOMPARE(pipeline::leadBinRowAtRun(leads[1], now, filter, &memo).bins.at(1), 3);
        QCOMPARE(pipeline::leadBinRowAtRun(leads[2], now, filter, &memo).bins.at(1), 1);
        memo.keep(pipeline::InputRecord::Account, 7, digestOf(leads[0]), {{1, 3}});
        const auto later = now + std::chrono::hours(1);
        QCOMPARE(pipeline::leadBinRowAtRun(leads[1], later, filter, &memo).bins.at(1), 0);
    }

    // Promoted, the model scores every lead of a run: the score is its chance in percent,
    // the factors its parts, base + parts = total points, each part citing its record.
    void aRunScoresWithThePromotedModel()
    {
        const auto version =
            scoring::saveCandidate(m_store->db, handMadeFit(), {0.3, 0.5, "the top 50%"}, "1.0.0",
                                   "sha", "2026-11-20T12:00:00Z");
        const auto policy = agents::defaultPolicy(m_store->registry);
        scoring::ScoringDeployment(m_store->db)
            .promote(as("priya.natarajan@baton.example"), version, m_store->clock.now());
        pipeline::RunOptions options;
        pipeline::useDeployedScoring(m_store->db, policy, options);
        QCOMPARE(options.scoring.version, version);
        // The dry run's comparison says what the run then does.
        const auto dry = pipeline::dryRun(
            m_store->db, m_store->registry, policy, m_store->clock.now(),
            {pipeline::loadScoringVariant(m_store->db, policy, policy.scoring.version),
             options.scoring});
        QCOMPARE(dry.variants.size(), std::size_t(2));
        QCOMPARE(dry.variants[1].briefed, std::int64_t(1));
        RandomIdGenerator ids(3);
        pipeline::Orchestrator orchestrator(m_store->db, m_store->registry, policy, m_store->clock,
                                            ids);
        const auto run = orchestrator.run(options);
        QCOMPARE(run.failed, 0);
        QCOMPARE(run.briefed, 1); // ann: a reference with two webinars; bo is below 30%
        QCOMPARE(m_store->text("SELECT DISTINCT version FROM agent_steps WHERE agent = 'scoring'"),
                 QString::fromStdString(version));
        const auto brief =
            nlohmann::json::parse(m_store->text("SELECT brief FROM briefs").toStdString());
        const auto &score = brief["score"];
        double sum = score["points"]["base"].get<double>();
        bool cited = false;
        for (const auto &f : score["factors"]) {
            sum += f["contribution"].get<double>();
            if (f["name"] == "lead.Lead Source = Reference")
                cited = f["evidence"] == nlohmann::json::array({"lead#1"});
        }
        QVERIFY(cited);
        QVERIFY(std::abs(sum - score["points"]["total"].get<double>()) < 0.1);
        const auto chance = scoring::sigmoid(-1 + 1.5 + 0.9);
        QVERIFY(std::abs(score["score"].get<double>() - 100 * chance) < 0.1);
    }

    // By a hash of the lead's id: about the share, the same leads every time, and a larger
    // share keeps every lead of a smaller one.
    void aCanaryTakesAStableShareOfLeads()
    {
        int inTen = 0, lost = 0;
        for (std::int64_t id = 1; id <= 20000; ++id) {
            const bool ten = pipeline::inCanary(id, 0.10);
            inTen += ten;
            lost += pipeline::inCanary(id, 0.05) && !ten;
            QCOMPARE(pipeline::inCanary(id, 0.10), ten);
        }
        QVERIFY2(inTen > 1850 && inTen < 2150, std::to_string(inTen).c_str());
        QCOMPARE(lost, 0);
        QVERIFY(!pipeline::inCanary(7, 0));
        QVERIFY(pipeline::inCanary(7, 1));
    }

    // A run with a canary scores its share of leads by the candidate, the rest by the live
    // version, and each brief's scoring step says which.
    void aRunSplitsLeadsByTheCanary()
    {
        const auto version =
            scoring::saveCandidate(m_store->db, handMadeFit(), {0.01, 1, "everyone"}, "1.0.0",
                                   "sha", "2026-11-20T12:00:00Z");
        const auto policy = agents::defaultPolicy(m_store->registry);
        scoring::ScoringDeployment(m_store->db)
            .setCanary(as("alex.kim@baton.example"), version, 1.0, m_store->clock.now());
        pipeline::RunOptions options;
        pipeline::useDeployedScoring(m_store->db, policy, options);
        QCOMPARE(options.scoring.version, policy.scoring.version);
        QCOMPARE(options.canaryShare, 1.0);
        RandomIdGenerator ids(4);
        pipeline::Orchestrator(m_store->db, m_store->registry, policy, m_store->clock, ids)
            .run(options);
        QCOMPARE(m_store->scalar("SELECT count(*) FROM briefs"), 2); // everyone qualifies
        QCOMPARE(m_store->text("SELECT DISTINCT version FROM agent_steps WHERE agent = 'scoring'"),
                 QString::fromStdString(version));
    }

    // The policy states the rule; the threshold follows from it and the newest leads' scores,
    // never from the points policy's share.
    void thresholdsComeFromTheTeamsCapacity()
    {
        std::vector<double> recent;
        for (int i = 1; i <= 10; ++i)
            recent.push_back(i / 10.0 - 0.05); // 0.05 .. 0.95
        using scoring::QualifyBy;
        const auto top = scoring::thresholdFor({QualifyBy::TopPercent, 20, true}, recent, {});
        QCOMPARE(top.probability, 0.85);
        QCOMPARE(top.expectedShare, 0.2);
        const auto min = scoring::thresholdFor({QualifyBy::MinProbability, 0.5, true}, recent, {});
        QCOMPARE(min.probability, 0.5);
        QCOMPARE(min.expectedShare, 0.5);
        // 2 reps x 3 briefs for 30 new leads a week: the best fifth.
        const auto capacity =
            scoring::thresholdFor({QualifyBy::BriefsPerRepPerWeek, 3, true}, recent, {30, 2});
        QCOMPARE(capacity.probability, 0.85);
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument,
            scoring::thresholdFor({QualifyBy::BriefsPerRepPerWeek, 3, true}, recent, {30, 0}));
        QVERIFY(scoring::thresholdFor({}, recent, {}).reason.find("the default") !=
                std::string::npos);

        auto document = agents::defaultPolicy(m_store->registry).document;
        document["scoring"]["model"] = {{"qualify", {{"briefs_per_rep_per_week", 15}}},
                                        {"exclude_features", {"lead.hs_*"}},
                                        {"handoff_window_days", 7}};
        const auto policy = agents::parsePolicy(document.dump(), "test", m_store->registry);
        QVERIFY(policy.scoring.model.qualify.by == QualifyBy::BriefsPerRepPerWeek);
        QCOMPARE(policy.scoring.model.qualify.value, 15.0);
        QVERIFY(policy.scoring.model.qualify.stated);
        QCOMPARE(policy.scoring.model.handoffWindowDays, 7);
        document["scoring"]["model"]["qualify"] = {{"top_percent", 10}, {"min_probability", 0.2}};
        QVERIFY_THROWS_EXCEPTION(agents::PolicyError,
                                 agents::parsePolicy(document.dump(), "test", m_store->registry));
    }

    void onlyMarketingOpsAndAdminsDeployAndEveryChangeIsAudited()
    {
        scoring::ScoringDeployment deployment(m_store->db);
        const auto now = m_store->clock.now();
        QVERIFY_THROWS_EXCEPTION(governance::ActionError,
                                 deployment.promote(as("sam.patel@baton.example"), "x", now));
        QVERIFY_THROWS_EXCEPTION(governance::ActionError,
                                 deployment.promote(as("dana.okoro@baton.example"), "x", now));
        const auto ops = as("priya.natarajan@baton.example");
        QVERIFY_THROWS_EXCEPTION(governance::ActionError, deployment.rollback(ops, now));
        deployment.setCanary(ops, "v2", 0.1, now);
        deployment.promote(ops, "v2", now);
        QCOMPARE(deployment.current().live, std::string("v2"));
        QVERIFY(deployment.current().canary.empty()); // promoted: nothing left to test
        QCOMPARE(deployment.rollback(ops, now), std::string());
        QVERIFY(deployment.current().live.empty()); // the policy's points again
        QCOMPARE(m_store->scalar("SELECT count(*) FROM audit_log WHERE action LIKE 'scoring_%'"),
                 3);
    }
};

QTEST_GUILESS_MAIN(TestAdditiveScoring)
#include "test_additive_scoring.moc"
