#include "agents/EnrichmentAgent.h"
#include "contracts/ContractRegistry.h"
#include "util/Time.h"

#include <QTest>

using namespace baton::agents;

// nlohmann::json converts to too many things for QCOMPARE's overloads.
#define QCOMPARE_JSON(actual, expected)                                                          \
    QVERIFY2((actual) == (expected),                                                             \
             qPrintable(QString::fromStdString((actual).dump() + " != " + (expected).dump())))

namespace {

TimePoint at(const char *text)
{
    return *baton::util::parseRfc3339(text);
}

const TimePoint kNow = at("2026-11-20T12:00:00Z");

AccountFacts acme()
{
    AccountFacts a;
    a.id = 3;
    a.name = "Acme Corp";
    a.domain = "acme.com";
    a.industry = "Software";
    a.employees = 420;
    a.country = "United States";
    return a;
}

Observation observe(std::int64_t id, const char *provider, const char *when, nlohmann::json fields,
                    const char *kind = "account")
{
    Observation o;
    o.id = id;
    o.provider = provider;
    o.subjectKind = kind;
    o.observedAt = at(when);
    o.confidence = 0.8;
    o.fields = std::move(fields);
    return o;
}

bool mentions(const std::vector<std::string> &list, const char *needle)
{
    for (const auto &s : list)
        if (s.find(needle) != std::string::npos)
            return true;
    return false;
}

} // namespace

class TestEnrichmentAgent : public QObject
{
    Q_OBJECT
    const baton::contracts::ContractRegistry registry = baton::contracts::ContractRegistry::builtIn();
    EnrichmentPolicy policy = defaultPolicy(registry).enrichment;

    EnrichmentInput base() const
    {
        EnrichmentInput in;
        in.lead.id = 7;
        in.lead.email = "kai@acme.com";
        in.lead.jobTitle = "VP Engineering";
        in.account = acme();
        in.now = kNow;
        return in;
    }

private slots:
    void normalisesAndCitesItsInputs()
    {
        EnrichmentInput in = base();
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z",
                                          {{"industry", "Software"}, {"employees", 450}, {"country", "US"}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QCOMPARE_JSON(p.fields.at("country").value, nlohmann::json("US"));
        QCOMPARE_JSON(p.fields.at("size_band").value, nlohmann::json("201-1000"));
        QCOMPARE_JSON(p.fields.at("seniority").value, nlohmann::json("vp"));
        QCOMPARE_JSON(p.fields.at("department").value, nlohmann::json("engineering"));
        QCOMPARE_JSON(p.fields.at("persona").value, nlohmann::json("technical_buyer"));
        QCOMPARE_JSON(p.fields.at("company").value, nlohmann::json("Acme Corp"));
        // 420 and 450 agree within the 25% tolerance: no conflict, both back the value.
        QVERIFY(p.conflicts.empty());
        QVERIFY(p.escalations.empty());
        const auto &evidence = p.fields.at("employees").evidence;
        QCOMPARE(evidence, (std::vector<std::string>{"account#3", "enrichment#42"}));
        QCOMPARE(p.inputs, (std::vector<std::string>{"lead#7", "account#3", "enrichment#42"}));
        QCOMPARE(p.fields.at("seniority").evidence, std::vector<std::string>{"lead#7"});
    }

    void providersThatDisagreeOnAFieldThatMattersEscalate()
    {
        EnrichmentInput in = base();
        in.account->industry.reset();
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"industry", "Retail"}}));
        in.observations.push_back(observe(43, "meridian_intel", "2026-11-01T00:00:00Z", {{"industry", "Software"}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        // Both fresh: provider priority picks harbor_data although meridian's is newer.
        QCOMPARE_JSON(p.fields.at("industry").value, nlohmann::json("Retail"));
        QCOMPARE(p.fields.at("industry").source, std::string("harbor_data"));
        QCOMPARE(p.conflicts.size(), 1u);
        QCOMPARE(p.conflicts[0].field, std::string("industry"));
        QVERIFY(p.conflicts[0].matters);
        QVERIFY(mentions(p.escalations, "conflicting industry"));
        QVERIFY(mentions(p.escalations, "enrichment#43"));
        QVERIFY(mentions(p.rationale, "chose Retail from harbor_data"));
    }

    void freshDataBeatsPriorityUnderTheDefaultRule()
    {
        EnrichmentInput in = base();
        in.account->industry.reset();
        in.observations.push_back(observe(42, "harbor_data", "2025-01-01T00:00:00Z", {{"industry", "Retail"}}));
        in.observations.push_back(observe(43, "meridian_intel", "2026-11-01T00:00:00Z", {{"industry", "Software"}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QCOMPARE_JSON(p.fields.at("industry").value, nlohmann::json("Software"));
        QVERIFY(!p.fields.at("industry").stale);

        EnrichmentPolicy byPriority = policy;
        byPriority.conflictRule = ConflictRule::Priority;
        const EnrichedProfile q = EnrichmentAgent(byPriority).run(in);
        QCOMPARE_JSON(q.fields.at("industry").value, nlohmann::json("Retail"));
        QVERIFY(q.fields.at("industry").stale);
        QCOMPARE(q.staleFields, std::vector<std::string>{"industry"});
    }

    void highestConfidenceRule()
    {
        EnrichmentInput in = base();
        in.account->industry.reset();
        auto a = observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"industry", "Retail"}});
        a.confidence = 0.4;
        auto b = observe(43, "meridian_intel", "2026-10-01T00:00:00Z", {{"industry", "Software"}});
        b.confidence = 0.9;
        in.observations = {a, b};
        EnrichmentPolicy p = policy;
        p.conflictRule = ConflictRule::HighestConfidence;
        QCOMPARE_JSON(EnrichmentAgent(p).run(in).fields.at("industry").value, nlohmann::json("Software"));
    }

    void aConflictOnAFieldThatDoesNotMatterIsRecordedNotEscalated()
    {
        EnrichmentInput in = base();
        in.account->annualRevenue = 1000000;
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"annual_revenue", 9000000}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QCOMPARE(p.conflicts.size(), 1u);
        QVERIFY(!p.conflicts[0].matters);
        QVERIFY(p.escalations.empty());
        QCOMPARE(p.fields.at("annual_revenue").source, std::string("crm")); // crm ranks first
    }

    void employeeCountsBeyondToleranceConflict()
    {
        EnrichmentInput in = base();
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"employees", 2000}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QCOMPARE(p.conflicts.size(), 1u);
        QCOMPARE(p.conflicts[0].field, std::string("employees"));
        QVERIFY(mentions(p.escalations, "conflicting employees"));
    }

    void staleDataOnAFieldThatMattersCanEscalate()
    {
        EnrichmentInput in = base();
        in.account.reset();
        in.observations.push_back(observe(42, "harbor_data", "2025-01-01T00:00:00Z", {{"industry", "Retail"}}));
        EnrichmentPolicy p = policy;
        p.escalateWhen.insert("stale_on_field_that_matters");
        const EnrichedProfile out = EnrichmentAgent(p).run(in);
        QVERIFY(out.fields.at("industry").stale);
        QVERIFY(mentions(out.escalations, "industry rests on stale data (enrichment#42"));
        QVERIFY(EnrichmentAgent(policy).run(in).escalations.empty()); // not in the default policy
    }

    void noCompanyDataEscalates()
    {
        EnrichmentInput in = base();
        in.account.reset();
        in.lead.company = "Tiny Startup";
        in.lead.country = "Deutschland";
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QVERIFY(mentions(p.escalations, "no company data"));
        QCOMPARE_JSON(p.fields.at("company").value, nlohmann::json("Tiny Startup"));
        QCOMPARE_JSON(p.fields.at("country").value, nlohmann::json("DE"));
    }

    void countriesAreComparedAsCodes()
    {
        EnrichmentInput in = base(); // the account says "United States"
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"country", "US"}}));
        in.observations.push_back(observe(43, "meridian_intel", "2026-10-01T00:00:00Z", {{"country", "USA"}}));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QVERIFY(p.conflicts.empty());
        QCOMPARE(p.fields.at("country").evidence.size(), 3u);
    }

    void aProviderTitleFillsInForAMissingOne()
    {
        EnrichmentInput in = base();
        in.lead.jobTitle.reset();
        in.observations.push_back(observe(50, "meridian_intel", "2026-10-01T00:00:00Z",
                                          {{"job_title", "Director of IT"}}, "lead"));
        const EnrichedProfile p = EnrichmentAgent(policy).run(in);
        QCOMPARE_JSON(p.fields.at("seniority").value, nlohmann::json("director"));
        QCOMPARE(p.fields.at("seniority").evidence, std::vector<std::string>{"enrichment#50"});
    }

    void outsideItsScopeItEscalatesInsteadOfReading()
    {
        EnrichmentInput in = base();
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"industry", "Retail"}}));
        EnrichmentPolicy narrow = policy;
        narrow.scope.reads = {"leads", "accounts"};
        const EnrichedProfile p = EnrichmentAgent(narrow).run(in);
        QVERIFY(mentions(p.escalations, "does not let enrichment read provider data"));
        QCOMPARE_JSON(p.fields.at("industry").value, nlohmann::json("Software"));
        QCOMPARE(std::count(p.inputs.begin(), p.inputs.end(), "enrichment#42"), 0);
    }

    void theSameInputGivesTheSameProfile()
    {
        EnrichmentInput in = base();
        in.observations.push_back(observe(42, "harbor_data", "2026-10-01T00:00:00Z", {{"industry", "Retail"}}));
        in.observations.push_back(observe(43, "meridian_intel", "2026-10-02T00:00:00Z", {{"industry", "Media"}}));
        const EnrichmentAgent agent(policy);
        QCOMPARE(agent.run(in).toJson().dump(), agent.run(in).toJson().dump());
    }
};

QTEST_GUILESS_MAIN(TestEnrichmentAgent)
#include "test_enrichment_agent.moc"
