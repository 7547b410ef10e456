#include "agents/InputsConsidered.h"
#include "agents/Policy.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/LeadEvaluator.h"
#include "ports/IdGenerator.h"
#include "util/Time.h"

#include <QTest>

using namespace baton;

// Which leads below the threshold still get a brief: a trigger event (a demo request, or a
// pricing view with a form) that is recent, and newer than the lead's last brief.
class TestLeadEvaluator : public QObject
{
    Q_OBJECT

    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const agents::Policy m_policy = agents::defaultPolicy(m_registry);
    const agents::TimePoint m_now = *util::parseRfc3339("2026-11-16T12:00:00Z");

    // A lead the ICP does not fit: it never qualifies on score alone.
    pipeline::LeadInputs lowFitLead(std::vector<agents::EventFact> events) const
    {
        pipeline::LeadInputs in;
        in.enrichment.lead.id = 5;
        in.enrichment.lead.email = "kim@smallshop.example";
        in.enrichment.lead.jobTitle = "Intern";
        in.enrichment.now = m_now;
        in.events = std::move(events);
        in.hashes.push_back({pipeline::InputRecord::Lead, 5, {0xaa}});
        for (const auto &e : in.events)
            in.hashes.push_back({pipeline::InputRecord::Event, e.id, {0xbb}});
        return in;
    }

    pipeline::Evaluation evaluate(const pipeline::LeadInputs &in,
                                  std::optional<agents::TimePoint> lastBrief = {}) const
    {
        const pipeline::LeadEvaluator evaluator(m_policy, m_registry);
        RandomIdGenerator ids(1);
        return evaluator.evaluate(in, m_now, "run", "trace", ids, lastBrief);
    }

    agents::TimePoint daysAgo(int days) const { return m_now - std::chrono::hours(24 * days); }

private slots:
    void aRecentDemoRequestBriefsALowScoringLead()
    {
        const auto e = evaluate(lowFitLead({{1, "form_submit", "Request a demo", daysAgo(2), ""}}));
        QVERIFY(!e.qualifies);
        QVERIFY(e.handoff.has_value());
        QCOMPARE(e.trigger, std::string("demo request (event#1)"));
        QCOMPARE(e.handoff->brief["score"]["trigger"].get<std::string>(), e.trigger);
    }

    // The stored text of a brief is written partly by hand (its inputs list, kept packed):
    // read back it must be what nlohmann would have written, and its steps state what each
    // one read.
    void frozenBriefTextIsTheBriefsJson()
    {
        auto e = evaluate(lowFitLead({{1, "form_submit", "Request a demo", daysAgo(2), ""},
                                      {2, "web_visit", "/pricing", daysAgo(1), ""}}));
        QVERIFY(e.handoff.has_value());
        QVERIFY(e.handoff->contractErrors.empty());
        const std::string expected = e.handoff->completeBrief().dump();
        QVERIFY(expected.find("\"inputs_considered\":[{\"ref\":\"lead#5\"") != std::string::npos);
        // Packed from the records, the list unpacks to the text the gate checked.
        QVERIFY(e.handoff->inputsConsidered);
        QCOMPARE(agents::unpackInputsJson(e.briefInputs),
                 agents::inputsJson(*e.handoff->inputsConsidered));
        e.freeze();
        QVERIFY(!e.briefInputs.empty());
        QVERIFY(e.briefText.find("\"inputs_considered\":null") != std::string::npos);
        QCOMPARE(agents::storedBrief(e.briefText, std::span<const std::uint8_t>(e.briefInputs)),
                 expected);
        QCOMPARE(e.stepTexts.size(), std::size_t(4));
        const auto enrichmentInputs = nlohmann::json::parse(e.stepTexts[0][0]);
        QCOMPARE(enrichmentInputs.size(), std::size_t(1)); // the lead: enrichment reads no events
        const auto scoringInputs = nlohmann::json::parse(e.stepTexts[1][0]);
        QCOMPARE(scoringInputs["events_sha256"].get<std::string>().size(), std::size_t(64));
        // The events a step read are the brief's, pointed to and counted, not copied.
        const auto brief = nlohmann::json::parse(expected);
        const auto &events = scoringInputs["events"];
        const nlohmann::json::json_pointer list(events["in_brief"].get<std::string>());
        std::vector<std::string> refs;
        for (const auto &item : brief.at(list))
            if (item["ref"].get<std::string>().rfind(events["ref_prefix"].get<std::string>(), 0) == 0)
                refs.push_back(item["ref"].get<std::string>());
        QCOMPARE(refs, std::vector<std::string>({"event#1", "event#2"}));
        QCOMPARE(events["count"].get<std::size_t>(), refs.size());
        // Outputs the brief carries are pointed to, not copied, and the pointers resolve.
        for (int step = 0; step < 3; ++step) {
            const auto output = nlohmann::json::parse(e.stepTexts[step][1]);
            const nlohmann::json::json_pointer at(output["in_brief"].get<std::string>());
            QVERIFY(brief.contains(at));
            QVERIFY(!brief.at(at).empty());
        }
    }

    void anOldDemoRequestDoesNot()
    {
        const int window = m_policy.scoring.triggerWindowDays;
        const auto e =
            evaluate(lowFitLead({{1, "form_submit", "Request a demo", daysAgo(window + 1), ""}}));
        QVERIFY(!e.handoff.has_value());
        QVERIFY(e.trigger.empty());
        QVERIFY(e.steps.empty()); // nothing is kept of a lead that is not briefed
    }

    void nothingNewSinceTheLastBriefDoesNot()
    {
        const auto in = lowFitLead({{1, "form_submit", "Request a demo", daysAgo(3), ""}});
        QVERIFY(!evaluate(in, daysAgo(1)).handoff.has_value());
        QVERIFY(evaluate(in, daysAgo(4)).handoff.has_value());
    }

    void pricingWithAFormIsATriggerAndPricingAloneIsNot()
    {
        const auto both = evaluate(lowFitLead({{1, "web_visit", "/pricing", daysAgo(3), ""},
                                               {2, "form_submit", "Newsletter", daysAgo(1), ""}}));
        QVERIFY(both.handoff.has_value());
        QVERIFY(both.trigger.find("pricing") != std::string::npos);
        const auto alone = evaluate(lowFitLead({{1, "web_visit", "/pricing", daysAgo(3), ""}}));
        QVERIFY(!alone.handoff.has_value());
    }
};

QTEST_GUILESS_MAIN(TestLeadEvaluator)
#include "test_lead_evaluator.moc"
