#include "agents/SummarizationAgent.h"
#include "util/Time.h"

#include <QTest>

using namespace baton::agents;

namespace {

TimePoint at(const char *text)
{
    return *baton::util::parseRfc3339(text);
}

const TimePoint kNow = at("2026-11-20T12:00:00Z");

EventFact activity(std::int64_t id, const char *type, const char *when, const char *asset = "")
{
    return {id, type, asset, at(when), ""};
}

EnrichedProfile acmeProfile()
{
    EnrichedProfile p;
    p.fields["job_title"] = {"VP Engineering", "crm", {"lead#7"}, false, ""};
    p.fields["company"] = {"Acme Corp", "crm", {"account#3"}, false, ""};
    p.fields["industry"] = {"Software", "crm", {"account#3"}, false, ""};
    p.fields["size_band"] = {"201-1000", "derived", {"account#3"}, false, ""};
    p.fields["country"] = {"US", "crm", {"account#3"}, false, ""};
    return p;
}

bool has(const std::vector<Sentence> &list, const char *text, const std::vector<std::string> &evidence = {})
{
    for (const auto &s : list)
        if (s.text.find(text) != std::string::npos && (evidence.empty() || s.evidence == evidence))
            return true;
    return false;
}

} // namespace

class TestSummarizationAgent : public QObject
{
    Q_OBJECT
private slots:
    void intentSignalsCiteTheirEvents()
    {
        LeadFacts lead;
        lead.id = 7;
        const std::vector<EventFact> events = {
            activity(1, "web_visit", "2026-11-18T10:00:00Z", "/pricing"),
            activity(2, "web_visit", "2026-11-19T10:00:00Z", "/pricing/enterprise"),
            activity(3, "form_submit", "2026-11-19T10:05:00Z", "Demo Request"),
            activity(4, "webinar_attended", "2026-11-10T16:00:00Z", "Scaling RevOps"),
            activity(5, "content_download", "2026-09-01T16:00:00Z", "Old Whitepaper"),
        };
        const Summary s = SummarizationAgent().run(lead, acmeProfile(), events, kNow);
        QVERIFY(has(s.intentSignals, "Requested a demo on 2026-11-19 \"Demo Request\".", {"event#3"}));
        QVERIFY(has(s.intentSignals, "Viewed pricing 2 times in the last 30 days, last on 2026-11-19.",
                    {"event#2", "event#1"}));
        QVERIFY(has(s.intentSignals, "Attended the webinar \"Scaling RevOps\" on 2026-11-10.", {"event#4"}));
        QVERIFY(!has(s.intentSignals, "Old Whitepaper")); // older than 30 days
        QVERIFY(has(s.talkingPoints, "VP Engineering at Acme Corp (Software, 201-1000 employees, US).",
                    {"lead#7", "account#3"}));
        QVERIFY(has(s.talkingPoints, "Confirm the demo", {"event#3"}));
        QVERIFY(s.risks.empty());
        QVERIFY(!s.timeline.empty());
        QCOMPARE(s.timeline.back().weekStart, std::string("2026-11-16")); // a Monday
        QCOMPARE(s.timeline.back().counts.at("pricing_page_view"), 2);
    }

    void risksComeFromConsentBouncesConflictsAndSilence()
    {
        LeadFacts lead;
        lead.id = 9;
        lead.optedOut = true;
        EnrichedProfile p = acmeProfile();
        p.conflicts.push_back({"industry", {{"Retail", "harbor_data", "enrichment#1", false, 0.5, {}},
                                            {"Software", "crm", "account#3", false, 1, {}}},
                               "Software", "provider priority", true});
        p.staleFields.push_back("industry");
        const std::vector<EventFact> events = {activity(11, "bounce", "2026-09-01T10:00:00Z"),
                                               activity(12, "unsubscribe", "2026-09-02T10:00:00Z")};
        const Summary s = SummarizationAgent().run(lead, p, events, kNow);
        QVERIFY(has(s.risks, "Opted out of email", {"lead#9"}));
        QVERIFY(has(s.risks, "An email bounced on 2026-09-01", {"event#11"}));
        QVERIFY(has(s.risks, "Unsubscribed from email on 2026-09-02", {"event#12"}));
        QVERIFY(has(s.risks, "Sources disagree on industry", {"enrichment#1", "account#3"}));
        QVERIFY(has(s.risks, "Company data is stale (industry).", {"account#3"}));
        QVERIFY(has(s.risks, "No engagement in the last 30 days.", {"lead#9"}));
    }

    void repeatedVisitsAndEmailClicks()
    {
        LeadFacts lead;
        lead.id = 1;
        std::vector<EventFact> events;
        for (int i = 0; i < 6; ++i)
            events.push_back(activity(20 + i, "web_visit", "2026-11-15T10:00:00Z", "/blog/post"));
        events.push_back(activity(30, "email_click", "2026-11-14T10:00:00Z"));
        events.push_back(activity(31, "email_click", "2026-11-13T10:00:00Z"));
        const Summary s = SummarizationAgent().run(lead, EnrichedProfile{}, events, kNow);
        QVERIFY(has(s.intentSignals, "Visited the website 6 times in the last 14 days."));
        QVERIFY(has(s.intentSignals, "Clicked through 2 emails in the last 30 days."));
        for (const auto &sig : s.intentSignals)
            QVERIFY(!sig.evidence.empty() && sig.evidence.size() <= 5);
    }

    void everySentenceHasEvidence()
    {
        LeadFacts lead;
        lead.id = 2;
        const Summary s = SummarizationAgent().run(lead, EnrichedProfile{}, {}, kNow);
        for (const auto *list : {&s.intentSignals, &s.talkingPoints, &s.risks})
            for (const auto &sentence : *list)
                QVERIFY2(!sentence.evidence.empty(), sentence.text.c_str());
        QCOMPARE(s.toJson()["backend"].get<std::string>(), std::string("deterministic"));
    }
};

QTEST_GUILESS_MAIN(TestSummarizationAgent)
#include "test_summarization_agent.moc"
