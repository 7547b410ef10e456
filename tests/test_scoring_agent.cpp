#include "agents/ScoringAgent.h"
#include "contracts/ContractRegistry.h"
#include "scoring/ModelVersions.h"
#include "util/Time.h"

#include <QTest>
#include <memory>
#include <numeric>

using namespace baton::agents;

namespace {

TimePoint at(const char *text)
{
    return *baton::util::parseRfc3339(text);
}

const TimePoint kNow = at("2026-11-20T12:00:00Z");

EnrichedProfile profile(const char *industry, const char *band, const char *country,
                        const char *persona)
{
    EnrichedProfile p;
    p.fields["industry"] = {industry, "crm", {"account#1"}, false, ""};
    p.fields["size_band"] = {band, "derived", {"account#1"}, false, ""};
    p.fields["country"] = {country, "crm", {"account#1"}, false, ""};
    p.fields["persona"] = {persona, "derived", {"lead#9"}, false, ""};
    return p;
}

EventFact activity(std::int64_t id, const char *type, const char *when, const char *asset = "")
{
    return {id, type, asset, at(when), ""};
}

double sum(const ScoreResult &r)
{
    return std::accumulate(r.factors.begin(), r.factors.end(), 0.0,
                           [](double s, const ScoreFactor &f) { return s + f.contribution; });
}

} // namespace

class TestScoringAgent : public QObject
{
    Q_OBJECT
    const baton::contracts::ContractRegistry registry =
        baton::contracts::ContractRegistry::builtIn();
    ScoringPolicy policy = defaultPolicy(registry).scoring;

private slots:
    void perfectFitNoEngagement()
    {
        const auto r = ScoringAgent(policy).run(
            profile("Software", "201-1000", "US", "economic_buyer"), {}, kNow);
        QCOMPARE(r.fit, 100.0);
        QCOMPARE(r.engagement, 0.0);
        QCOMPARE(r.score, 50.0);
        QCOMPARE(r.grid, std::string("A3"));
        QVERIFY(!r.qualifies);
        QVERIFY(r.shortfalls.empty());
        QVERIFY(std::abs(sum(r) - r.score) < 1e-9);
        QCOMPARE(r.topPositive().size(), 3u);
        QCOMPARE(r.factors.front().evidence, std::vector<std::string>{"account#1"});
    }

    void engagementDecaysWithAge()
    {
        const auto p = profile("Retail", "11-50", "BR", "end_user");
        const auto fresh = ScoringAgent(policy).run(
            p, {activity(1, "demo_request", "2026-11-20T12:00:00Z")}, kNow);
        const auto halfLife = ScoringAgent(policy).run(
            p, {activity(1, "demo_request", "2026-11-06T12:00:00Z")}, kNow);
        QCOMPARE(fresh.engagement, 50.0);    // 40 points of a cap of 80
        QCOMPARE(halfLife.engagement, 25.0); // one half-life (14 days) later
        QCOMPARE(fresh.factors.front().evidence, std::vector<std::string>{"event#1"});
    }

    void marketoVisitsAndFormsReadAsIntent()
    {
        const auto p = profile("Software", "201-1000", "US", "champion");
        const auto r = ScoringAgent(policy).run(
            p,
            {activity(1, "web_visit", "2026-11-20T12:00:00Z", "/pricing"),
             activity(2, "form_submit", "2026-11-20T12:00:00Z", "Demo Request")},
            kNow);
        bool pricing = false, demo = false;
        for (const auto &f : r.factors) {
            pricing = pricing || f.name.rfind("pricing_page_view", 0) == 0;
            demo = demo || f.name.rfind("demo_request", 0) == 0;
        }
        QVERIFY(pricing && demo);
    }

    void theCapKeepsFactorsSummingToTheScore()
    {
        std::vector<EventFact> burst;
        for (int i = 0; i < 10; ++i)
            burst.push_back(activity(100 + i, "demo_request", "2026-11-19T12:00:00Z"));
        const auto r = ScoringAgent(policy).run(profile("Software", "201-1000", "US", "champion"),
                                                burst, kNow);
        QCOMPARE(r.engagement, 100.0);
        QVERIFY(std::abs(sum(r) - r.score) < 1e-9);
        QCOMPARE(r.grid, std::string("A1"));
        QVERIFY(r.qualifies);
        // Evidence is capped per factor, the strongest events first.
        for (const auto &f : r.factors)
            if (f.name.rfind("demo_request", 0) == 0)
                QCOMPARE(f.evidence.size(), 5u);
    }

    void negativeSignalsShowAsNegativeFactors()
    {
        const auto r = ScoringAgent(policy).run(profile("Software", "201-1000", "US", "champion"),
                                                {activity(7, "unsubscribe", "2026-11-18T12:00:00Z"),
                                                 activity(8, "email_open", "2026-11-18T12:00:00Z")},
                                                kNow);
        QCOMPARE(r.engagement, 0.0);
        QCOMPARE(r.topNegative().size(), 1u);
        QCOMPARE(r.topNegative().front().evidence, std::vector<std::string>{"event#7"});
    }

    void shortfallsSayWhyTheFitIsNotHigher()
    {
        const auto r =
            ScoringAgent(policy).run(profile("Retail", "1-10", "BR", "end_user"), {}, kNow);
        QCOMPARE(r.grid.front(), 'C');
        QCOMPARE(r.shortfalls.size(), 4u);
        bool country = false;
        for (const auto &s : r.shortfalls)
            country = country || (s.attribute == "country" && s.value == "BR" && s.points == 0 &&
                                  s.best == 15);
        QVERIFY(country);
    }

    void aScoreNearTheThresholdEscalates()
    {
        // Fit 100 (50 points) plus engagement of 10 points (16 of 80 decayed): 60 > 55 + 4.
        const auto p = profile("Software", "201-1000", "US", "economic_buyer");
        const auto far = ScoringAgent(policy).run(
            p, {activity(1, "pricing_page_view", "2026-11-20T12:00:00Z")}, kNow);
        QVERIFY(far.escalations.empty());
        // 8 decayed points: engagement 10, score 55: on the threshold.
        const auto near = ScoringAgent(policy).run(
            p, {activity(1, "content_download", "2026-11-20T12:00:00Z")}, kNow);
        QCOMPARE(near.score, 55.0);
        QVERIFY(near.qualifies);
        QCOMPARE(near.escalations.size(), 1u);
        QVERIFY(near.escalations.front().find("within 4.0 of the threshold 55.0") !=
                std::string::npos);
    }

    void unknownAttributesEarnNothingAndSaySo()
    {
        EnrichedProfile empty;
        const auto r = ScoringAgent(policy).run(empty, {}, kNow);
        QCOMPARE(r.fit, 0.0);
        QCOMPARE(r.rationale.front(), std::string("industry is unknown: no fit points"));
    }

    // An additive version's brief lists its largest parts, each with its record, and the
    // rest as one factor: base + factors = total points still.
    void aCandidatesFactorsAreItsLargestPartsAndTheRest()
    {
        auto candidate = std::make_shared<baton::scoring::ScoringCandidate>();
        candidate->version = "1.0.0+additive.1";
        candidate->threshold.probability = 0.5;
        baton::scoring::Facts facts;
        for (int j = 0; j < 15; ++j) {
            baton::scoring::Feature f;
            f.name = "lead.Field " + std::to_string(j);
            f.levels = {"a"};
            candidate->model.features.push_back(f);
            candidate->model.shapes.push_back({0.1 * (j + 1), 0, 0}); // "a", other, missing
            facts[f.name] = {"a", std::nullopt, "lead#" + std::to_string(j)};
        }
        candidate->filter = baton::scoring::FactFilter::of(candidate->model.features);
        const auto row = candidate->model.binRowOf(facts);
        ScoringAgent agent(policy);
        agent.useCandidate(candidate);
        const auto lead = profile("Software", "201-1000", "US", "economic_buyer");
        const std::vector<EventFact> events{activity(1, "demo_request", "2026-11-20T12:00:00Z")};
        auto r = agent.run(lead, events, kNow, &row);
        QVERIFY(r.rationale.empty()); // a lead without a brief needs no reasons
        agent.explain(lead, events, kNow, row, r);
        // The policy's engagement, shown beside the model's score, as without a model.
        QCOMPARE(r.engagement, ScoringAgent(policy).run(lead, events, kNow).engagement);
        QVERIFY(r.engagement > 0);
        QVERIFY(r.rationale.size() >= 3);
        QVERIFY(r.rationale.at(r.rationale.size() - 3).find("chance of conversion") !=
                std::string::npos);
        QCOMPARE(r.factors.size(), ScoringAgent::kListedParts + 1);
        QCOMPARE(r.factors.front().name, std::string("lead.Field 14 = a"));
        QCOMPARE(r.factors.front().evidence, std::vector<std::string>{"lead#14"});
        QCOMPARE(r.factors.back().name, std::string("3 smaller parts together"));
        QVERIFY(r.factors.back().evidence.empty());
        QVERIFY(r.points);
        QVERIFY(std::abs(r.points->base + sum(r) - r.points->total) < 1e-9);
        QVERIFY(r.eventCounts.empty());
    }

    void theJsonCarriesTheExplanation()
    {
        const auto r = ScoringAgent(policy).run(
            profile("Software", "201-1000", "US", "champion"),
            {activity(3, "webinar_attended", "2026-11-19T12:00:00Z")}, kNow);
        const auto json = r.toJson();
        QCOMPARE(json["grid"].get<std::string>(), r.grid);
        QVERIFY(json["top_positive"].size() == 3);
        QCOMPARE(json["version"].get<std::string>(), std::string("1.0.0"));
    }
};

QTEST_GUILESS_MAIN(TestScoringAgent)
#include "test_scoring_agent.moc"
