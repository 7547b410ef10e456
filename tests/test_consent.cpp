#include "SchemaUndo.h"
#include "TempStore.h"
#include "agents/Consent.h"
#include "agents/Policy.h"
#include "crm/OutboxPlanner.h"
#include "pipeline/LeadInputReader.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "store/Migrations.h"
#include "review/ReviewService.h"

#include <QTest>
#include <map>

using namespace baton;
using agents::Channel;

namespace {

agents::TimePoint at(const char *text)
{
    return *util::parseRfc3339(text);
}

// HubSpot's contacts export with both kinds of e-mail opt-out: all e-mail, and one
// subscription (its label column, as exported with labels).
const QByteArray kContacts =
    "\"Record ID\",\"First Name\",\"Last Name\",\"Email\",\"Job Title\",\"Country/Region\","
    "\"Create Date\",\"Unsubscribed from all email\",\"Opted out of email: Product news\","
    "\"Marketo Lead ID\"\r\n"
    "\"1\",\"Ann\",\"Open\",\"ann@open.io\",\"CTO\",\"United States\",\"2026-09-01 09:00\","
    "\"false\",\"false\",\"101\"\r\n"
    "\"2\",\"Bea\",\"Allmail\",\"bea@allmail.io\",\"CTO\",\"United States\",\"2026-09-01 09:00\","
    "\"true\",\"\",\"102\"\r\n"
    "\"3\",\"Cy\",\"News\",\"cy@news.io\",\"CTO\",\"United States\",\"2026-09-01 09:00\","
    "\"false\",\"true\",\"103\"\r\n"
    "\"4\",\"Di\",\"Unsub\",\"di@unsub.io\",\"CTO\",\"United States\",\"2026-09-01 09:00\","
    "\"false\",\"false\",\"104\"\r\n"
    "\"5\",\"Ed\",\"Back\",\"ed@back.io\",\"CTO\",\"United States\",\"2026-09-01 09:00\","
    "\"false\",\"false\",\"105\"\r\n";

// Marketo's bulk activity export: a demo request and a pricing visit for each lead, an
// Unsubscribe Email (9) for 104, and for 105 an unsubscribe its Change Data Value (13) later
// set back to false.
QByteArray marketoActivities()
{
    QByteArray out = "marketoGUID,leadId,activityDate,activityTypeId,campaignId,"
                     "primaryAttributeValueId,primaryAttributeValue,attributes\n";
    int guid = 1000;
    for (int lead = 101; lead <= 105; ++lead) {
        out += QByteArray::number(++guid) + "," + QByteArray::number(lead) +
               ",2026-11-15T10:00:00Z,2,8497,1670,Demo Request,\"{}\"\n";
        out += QByteArray::number(++guid) + "," + QByteArray::number(lead) +
               ",2026-11-16T10:00:00Z,1,null,112,/pricing,\"{}\"\n";
    }
    out += "2001,104,2026-11-10T08:00:00Z,9,null,3,Newsletter,\"{}\"\n";
    out += "2002,105,2026-11-05T08:00:00Z,9,null,3,Newsletter,\"{}\"\n";
    out += "2003,105,2026-11-05T08:00:05Z,13,null,74,Unsubscribed,\"{\"\"New Value\"\":true,"
           "\"\"Old Value\"\":false}\"\n";
    out += "2004,105,2026-11-12T09:00:00Z,13,null,74,Unsubscribed,\"{\"\"New Value\"\":false,"
           "\"\"Old Value\"\":true}\"\n";
    return out;
}

// Leads a Salesforce sync wrote as Baton JSONL (HasOptedOutOfEmail -> opted_out, DoNotCall ->
// do_not_call), with the same two events each.
QByteArray salesforceLeads()
{
    QByteArray out;
    const auto lead = [&](const char *id, const char *consent) {
        out += QByteArray("{\"contract\":\"lead\",\"version\":3,\"record\":{\"source_system\":"
                          "\"salesforce\",\"source_id\":\"") +
               id + "\",\"email\":\"" + id + "@sf.example\",\"job_title\":\"CTO\",\"country\":\"US\"," +
               consent + "\"consent_updated_at\":\"2026-11-01T00:00:00Z\"}}\n";
        for (const char *type : {"demo_request", "pricing_page_view"})
            out += QByteArray("{\"contract\":\"engagement_event\",\"record\":{\"source_system\":"
                              "\"salesforce\",\"source_id\":\"") +
                   id + type + "\",\"lead\":{\"source_system\":\"salesforce\",\"source_id\":\"" +
                   id + "\"},\"type\":\"" + type + "\",\"occurred_at\":\"2026-11-17T10:00:00Z\"}}\n";
    };
    lead("dnc", "\"do_not_call\":true,");
    lead("both", "\"opted_out\":true,\"do_not_call\":true,");
    lead("none", "\"do_not_contact\":true,");
    return out;
}

} // namespace

// Consent is built from the sources' structured fields and events, decides the brief's
// actions and escalations, and is checked again at approval, on every edit and when the
// outbox plans a task.
class TestConsent : public QObject
{
    Q_OBJECT

    std::unique_ptr<TempStore> m_store;
    std::map<std::string, std::int64_t> m_briefOf; // by lead source id

    nlohmann::json brief(const std::string &sourceId)
    {
        pipeline::RunStore runs(m_store->db);
        return nlohmann::json::parse(*runs.briefJson(m_briefOf.at(sourceId)));
    }

    QStringList actions(const std::string &sourceId)
    {
        QStringList out;
        const auto b = brief(sourceId);
        for (const auto &a : b["recommended_actions"])
            out << QString::fromStdString(a["action"].get<std::string>());
        return out;
    }

    bool consentEscalation(const std::string &sourceId)
    {
        const auto b = brief(sourceId);
        for (const auto &r : b["escalation"]["reasons"])
            if (r.get<std::string>().rfind("consent problem: ", 0) == 0)
                return true;
        return false;
    }

private slots:
    void factsFromEverySource()
    {
        agents::LeadConsentFlags flags;
        flags.leadId = 7;
        flags.at = at("2026-11-01T00:00:00Z");
        for (const auto &[source, email, phone, any] :
             std::vector<std::tuple<std::string, std::string, std::string, std::string>>{
                 {"hubspot", "hubspot: Unsubscribed from all email (hs_email_optout)",
                  "hubspot: do_not_call", "hubspot: do_not_contact"},
                 {"salesforce", "salesforce: HasOptedOutOfEmail", "salesforce: DoNotCall",
                  "salesforce: do_not_contact"},
                 {"marketo", "marketo: unsubscribed", "marketo: doNotCall", "marketo: blackListed"},
                 {"baton", "baton: opted_out", "baton: do_not_call", "baton: do_not_contact"}}) {
            flags.sourceSystem = source;
            flags.emailOptOut = flags.doNotCall = flags.doNotContact = true;
            const auto facts = agents::consentFacts(flags, {});
            QCOMPARE(facts.size(), std::size_t(3));
            QCOMPARE(facts[0].source, email);
            QCOMPARE(facts[1].source, phone);
            QCOMPARE(facts[2].source, any);
            QCOMPARE(facts[2].channel, Channel::Any);
            QCOMPARE(facts[0].evidence, std::string("lead#7"));
        }
        flags = {};
        flags.leadId = 7;
        flags.sourceSystem = "hubspot";
        flags.emailSubscriptionOptOuts = {"Product news"};
        const std::vector<agents::EventFact> events = {
            {1, "unsubscribe", "Newsletter", at("2026-11-02T00:00:00Z"), ""},
            {2, "data_change", "Unsubscribed", at("2026-11-03T00:00:00Z"), "1"},
            {3, "data_change", "unsubscribed", at("2026-11-04T00:00:00Z"), "false"},
            {4, "data_change", "Lead Status", at("2026-11-05T00:00:00Z"), "false"},
            {5, "email_click", "Unsubscribed", at("2026-11-06T00:00:00Z"), ""}};
        const auto facts = agents::consentFacts(flags, events);
        QCOMPARE(facts.size(), std::size_t(4));
        QCOMPARE(facts[0].source, std::string("hubspot: opted out of email: Product news"));
        QCOMPARE(facts[1].evidence, std::string("event#1"));
        QVERIFY(facts[2].optedOut);
        QVERIFY(!facts[3].optedOut); // set back to false: an explicit opt-in
        // The explicit opt-in of 2026-11-04 is newer than every opt-out event, but the
        // HubSpot record still says no: that stands, whatever Marketo says later.
        QVERIFY(!agents::Consent(facts).allows(Channel::Email));
        QCOMPARE(agents::Consent(facts).closedBy(Channel::Email)->evidence, std::string("lead#7"));
        QVERIFY(agents::Consent({facts.begin() + 1, facts.end()}).allows(Channel::Email));
        QVERIFY(!agents::Consent({facts.begin() + 1, facts.end() - 1}).allows(Channel::Email));
    }

    void theNewestFactWinsAndAnOptOutWinsATie()
    {
        using F = agents::ConsentFact;
        const auto t1 = at("2026-11-01T00:00:00Z"), t2 = at("2026-11-02T00:00:00Z");
        QVERIFY(agents::Consent({F{Channel::Email, true, t1, "event#1", ""},
                                 F{Channel::Email, false, t2, "event#2", ""}})
                    .allows(Channel::Email));
        QVERIFY(!agents::Consent({F{Channel::Email, false, t1, "event#1", ""},
                                  F{Channel::Email, true, t2, "event#2", ""}})
                     .allows(Channel::Email));
        QVERIFY(!agents::Consent({F{Channel::Email, false, t1, "event#1", ""},
                                  F{Channel::Email, true, t1, "event#2", ""}})
                     .allows(Channel::Email));
        // Opting back in to e-mail does not lift a do-not-contact, nor a record's opt-out.
        QVERIFY(!agents::Consent({F{Channel::Email, true, t1, "lead#1", ""},
                                  F{Channel::Email, false, t2, "event#2", ""}})
                     .allows(Channel::Email));
        const agents::Consent consent({F{Channel::Any, true, t1, "lead#1", ""},
                                       F{Channel::Email, false, t2, "event#2", ""}});
        QVERIFY(!consent.allows(Channel::Email));
        QVERIFY(consent.noContact());
    }

    void everyActionHasAChannel()
    {
        QCOMPARE(*agents::channelOfAction("call"), Channel::Phone);
        for (const char *a : {"email", "send_pricing", "nurture"})
            QCOMPARE(*agents::channelOfAction(a), Channel::Email);
        for (const char *a : {"book_demo", "linkedin", "something_new"})
            QCOMPARE(*agents::channelOfAction(a), Channel::Any);
        QVERIFY(!agents::channelOfAction("verify_data"));
        QVERIFY(!agents::channelOfAction("do_not_contact"));
        const agents::Consent dnc({{Channel::Phone, true, at("2026-11-02T00:00:00Z"), "lead#7",
                                    "salesforce: DoNotCall"}});
        QCOMPARE(*agents::consentRefusal(dnc, "call"),
                 std::string("call: lead#7 is on do-not-call (salesforce: DoNotCall, 2026-11-02)"));
        QVERIFY(!agents::consentRefusal(dnc, "email"));
        QVERIFY(!agents::consentRefusal(dnc, "book_demo"));
    }

    // A store from before v12 kept HubSpot's per-subscription opt-outs among the record's
    // properties: the upgrade reads them from there.
    void upgradingKeepsTheOptOutsAlreadyImported()
    {
        if (onPostgres())
            QSKIP("a store at v11 is SQLite's: PostgreSQL stores start at v16");
        TempStore s;
        QVERIFY(!s.import(QStringLiteral("contacts.csv"), kContacts).failed);
        const std::string path = s.path(QStringLiteral("store.sqlite"));
        s.db.exec(kUndoSinceV12);
        s.db.exec("PRAGMA user_version = 11");
        s.db.exec("UPDATE leads SET record = json_remove(record, '$.email_opt_outs')");
        QCOMPARE(s.scalar("SELECT count(*) FROM leads WHERE json_extract(record, "
                          "'$.properties.\"Opted out of email: Product news\"') = 'true'"),
                 1);
        auto db = store::openStore(testStoreLocation(path));
        QCOMPARE(db.userVersion(), store::latestSchemaVersion());
        auto st = db.prepare("SELECT source_id, email_opt_outs, do_not_call, do_not_contact FROM "
                             "leads WHERE email_opt_outs IS NOT NULL OR do_not_call OR "
                             "do_not_contact");
        QVERIFY(st.step());
        QCOMPARE(st.textAt(0), std::string("3"));
        QCOMPARE(st.textAt(1), std::string("[\"Product news\"]"));
        QCOMPARE(st.int64At(2) + st.int64At(3), std::int64_t(0));
        QVERIFY(!st.step());
    }

    // Real files from each source through the importers and the pipeline.
    void theBriefsFollowTheFacts()
    {
        m_store = std::make_unique<TempStore>();
        auto &s = *m_store;
        for (const auto &[name, bytes] : std::vector<std::pair<QString, QByteArray>>{
                 {QStringLiteral("contacts.csv"), kContacts},
                 {QStringLiteral("activities.csv"), marketoActivities()},
                 {QStringLiteral("salesforce.jsonl"), salesforceLeads()}}) {
            const auto r = s.import(name, bytes);
            QVERIFY2(!r.failed && r.counts.quarantined == 0, qPrintable(name));
        }
        QCOMPARE(s.text("SELECT email_opt_outs FROM leads WHERE source_id = '3'"),
                 QStringLiteral("[\"Product news\"]"));
        pipeline::saveUsers(s.db, pipeline::demoTeam());
        const auto policy = agents::defaultPolicy(s.registry);
        RandomIdGenerator ids(1);
        pipeline::Orchestrator(s.db, s.registry, policy, s.clock, ids).run({});
        auto st = s.db.prepare("SELECT l.source_id, b.id FROM briefs b JOIN leads l ON l.id = "
                               "b.lead_id");
        while (st.step())
            m_briefOf[st.textAt(0)] = st.int64At(1);
        QCOMPARE(m_briefOf.size(), std::size_t(8));

        // Nothing closed: the demo, pricing, and what the score says.
        QCOMPARE(actions("1").mid(0, 2), (QStringList{"book_demo", "send_pricing"}));
        // E-mail closed (HubSpot's flag, a HubSpot subscription, Marketo's Unsubscribe Email):
        // a demo still, no pricing e-mail, no nurture, no escalation.
        for (const char *lead : {"2", "3", "4"}) {
            QCOMPARE(actions(lead).first(), QStringLiteral("book_demo"));
            for (const char *action : {"send_pricing", "email", "nurture"})
                QVERIFY2(!actions(lead).contains(QLatin1String(action)), lead);
            QVERIFY(!consentEscalation(lead));
        }
        QCOMPARE(brief("4")["profile"]["consent_email"]["evidence"][0].get<std::string>(),
                 "event#" + s.text("SELECT id FROM events WHERE source_id = '2001'").toStdString());
        // Unsubscribed, then set back: the newest fact wins.
        QVERIFY(actions("5").contains(QStringLiteral("send_pricing")));
        QCOMPARE(brief("5")["profile"]["consent_email"]["value"].get<std::string>(),
                 std::string("opted_in"));
        // Salesforce's DoNotCall: no call, e-mail is fine.
        QVERIFY(actions("dnc").contains(QStringLiteral("send_pricing")));
        QVERIFY(!actions("dnc").contains(QStringLiteral("call")));
        // Every channel closed: do not contact, and a manager looks at it.
        for (const char *lead : {"both", "none"}) {
            QCOMPARE(actions(lead), QStringList{QStringLiteral("do_not_contact")});
            QVERIFY(consentEscalation(lead));
        }
    }

    // A manager resolving the escalation may not put a call back, and nothing is queued.
    void anEditMayNotOpenAClosedChannel()
    {
        auto &s = *m_store;
        const FixedClock clock(at("2026-11-20T13:00:00Z"));
        review::ReviewService service(s.db, s.registry, clock);
        const auto id = m_briefOf.at("both");
        const auto state = service.brief(id);
        QCOMPARE(state.status, review::BriefStatus::Escalated);
        const auto manager = service.actor(
            s.text("SELECT email FROM users WHERE role = 'manager' ORDER BY email").toStdString(),
            "test");
        const nlohmann::json patch = {
            {{"op", "replace"}, {"path", "/recommended_actions/0/action"}, {"value", "call"}}};
        try {
            service.resolve(manager, id, state.version, review::Resolution::ApproveWithEdits,
                            "they will want a call", &patch);
            QFAIL("a call to someone on do-not-call was saved");
        } catch (const review::ReviewError &e) {
            QCOMPARE(e.kind(), review::ReviewError::Kind::InvalidEdit);
            const std::string why = e.what();
            QVERIFY2(why.find("/recommended_actions/0/action: consent: call: lead#") !=
                             std::string::npos &&
                         why.find("salesforce: DoNotCall, 2026-11-01") != std::string::npos,
                     why.c_str());
        }
        QCOMPARE(service.brief(id).version, state.version);
        QCOMPARE(s.scalar("SELECT count(*) FROM outbox"), 0);
        // The consent values themselves are not a reviewer's to change.
        const nlohmann::json consentPatch = {{{"op", "replace"},
                                              {"path", "/profile/consent_email/value"},
                                              {"value", "opted_in"}}};
        try {
            service.edit(manager, id, state.version, consentPatch, "typo");
            QFAIL("a consent value was edited");
        } catch (const review::ReviewError &e) {
            QCOMPARE(e.kind(), review::ReviewError::Kind::InvalidEdit);
            QVERIFY2(std::string(e.what()).find("/profile/consent_email/value: not editable") !=
                         std::string::npos,
                     e.what());
        }
        // Approving as it stands (do not contact) is fine.
        service.resolve(manager, id, state.version, review::Resolution::Approve, "agreed");
        QCOMPARE(service.brief(id).status, review::BriefStatus::Approved);
    }

    // A fact that arrives after the brief was written stops its approval.
    void approvalChecksTheFactsAsTheyAreNow()
    {
        auto &s = *m_store;
        const FixedClock clock(at("2026-11-20T14:00:00Z"));
        review::ReviewService service(s.db, s.registry, clock);
        const auto id = m_briefOf.at("1");
        s.db.exec("UPDATE leads SET do_not_contact = 1, consent_at = '2026-11-20T13:30:00Z' WHERE "
                  "source_id = '1'");
        auto state = service.brief(id);
        const auto who = service.actor(
            state.status == review::BriefStatus::Escalated
                ? s.text("SELECT email FROM users WHERE role = 'manager' ORDER BY email").toStdString()
                : state.owner,
            "test");
        try {
            if (state.status == review::BriefStatus::Escalated)
                service.resolve(who, id, state.version, review::Resolution::Approve, "");
            else
                service.approve(who, id, state.version);
            QFAIL("approved after the person opted out of all contact");
        } catch (const review::ReviewError &e) {
            QVERIFY2(std::string(e.what()).find("opted out of all contact (hubspot: do_not_contact, "
                                                "2026-11-20)") != std::string::npos,
                     e.what());
        }
        QCOMPARE(service.brief(id).status, state.status);
    }

    // The outbox planner refuses a task on a closed channel even if review were bypassed.
    void thePlannerRefusesAClosedChannel()
    {
        const nlohmann::json brief = {
            {"lead", {{"id", 7}, {"email", "a@b.c"}, {"name", "A B"}}},
            {"recommended_actions",
             {{{"action", "call"}, {"due", "2026-11-21T00:00:00Z"}, {"reason", "r"}}}}};
        const agents::Consent dnc(
            {{Channel::Phone, true, at("2026-11-02T00:00:00Z"), "lead#7", "salesforce: DoNotCall"}});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, crm::planApproval(1, brief, "o", &dnc));
        const agents::Consent open;
        QCOMPARE(crm::planApproval(1, brief, "o", &open).size(), std::size_t(3));
    }
};

QTEST_GUILESS_MAIN(TestConsent)
#include "test_consent.moc"
