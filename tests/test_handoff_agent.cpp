#include "agents/HandoffAgent.h"
#include "agents/InputsConsidered.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/Team.h"
#include "util/Time.h"

#include <QTest>
#include <algorithm>
#include <array>
#include <stdexcept>

using namespace baton::agents;

namespace {

TimePoint at(const char *text)
{
    return *baton::util::parseRfc3339(text);
}

const TimePoint kNow = at("2026-11-20T12:00:00Z");

} // namespace

Q_DECLARE_METATYPE(std::vector<ConsentFact>)

class TestHandoffAgent : public QObject
{
    Q_OBJECT
    const baton::contracts::ContractRegistry registry = baton::contracts::ContractRegistry::builtIn();
    const Policy policy = defaultPolicy(registry);

    HandoffInput input(const char *country, const char *band, const char *grid, bool qualifies) const
    {
        HandoffInput in;
        in.lead.id = 7;
        in.lead.email = "kai@acme.com";
        in.lead.firstName = "Kai";
        in.lead.lastName = "Berg";
        auto &f = in.profile.fields;
        f["job_title"] = {"VP Engineering", "crm", {"lead#7"}, false, ""};
        f["company"] = {"Acme Corp", "crm", {"account#3"}, false, ""};
        f["industry"] = {"Software", "crm", {"account#3"}, false, ""};
        f["employees"] = {420, "crm", {"account#3"}, false, ""};
        f["country"] = {country, "crm", {"account#3"}, false, ""};
        f["size_band"] = {band, "derived", {"account#3"}, false, ""};
        f["persona"] = {"technical_buyer", "derived", {"lead#7"}, false, ""};
        in.score.fit = 90;
        in.score.engagement = 70;
        in.score.score = 80;
        in.score.grid = grid;
        in.score.qualifies = qualifies;
        in.score.factors = {{"industry: Software", 15, {"account#3"}}};
        in.inputHashes = {{"lead#7", std::string(64, 'a')}, {"account#3", std::string(64, 'b')}};
        in.steps = {{"enrichment", "1.0.0", "profile", 0.1}};
        in.policySha256 = policy.sha256;
        in.agentVersions = {{"enrichment", "1.0.0"}};
        in.runId = "run-1";
        in.now = kNow;
        return in;
    }

    static bool hasAction(const nlohmann::json &brief, const char *action)
    {
        for (const auto &a : brief["recommended_actions"])
            if (a["action"] == action)
                return true;
        return false;
    }

private slots:
    void routesAndSetsTheSla_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("band");
        QTest::addColumn<QString>("grid");
        QTest::addColumn<QString>("owner");
        QTest::addColumn<double>("hours");
        QTest::newRow("enterprise NA, A1") << "US" << "1001-5000" << "A1" << "jordan.reyes@baton.example" << 4.0;
        QTest::newRow("mid-market NA, B2") << "CA" << "201-1000" << "B2" << "sam.patel@baton.example" << 24.0;
        QTest::newRow("EMEA, C3") << "DE" << "51-200" << "C3" << "lena.fischer@baton.example" << 72.0;
        QTest::newRow("APAC, A2") << "SG" << "11-50" << "A2" << "arjun.rao@baton.example" << 8.0;
    }
    void routesAndSetsTheSla()
    {
        QFETCH(QString, country);
        QFETCH(QString, band);
        QFETCH(QString, grid);
        QFETCH(QString, owner);
        QFETCH(double, hours);
        const auto r = HandoffAgent(policy.handoff, registry)
                           .run(input(country.toUtf8().constData(), band.toUtf8().constData(),
                                      grid.toUtf8().constData(), true));
        QVERIFY2(r.contractErrors.empty(), r.contractErrors.empty() ? "" : r.contractErrors[0].message.c_str());
        QCOMPARE(QString::fromStdString(r.owner), owner);
        QCOMPARE(r.brief["routing"]["sla_hours"].get<double>(), hours);
        QCOMPARE(r.brief["routing"]["sla_due"].get<std::string>(),
                 baton::util::formatUtc(kNow + std::chrono::seconds(static_cast<long long>(hours * 3600))));
        QVERIFY(!r.escalated);
        QCOMPARE(r.brief["escalation"]["required"].get<bool>(), false);
        QVERIFY(hasAction(r.brief, "call")); // qualified technical buyer
    }

    void everyOwnerThePolicyRoutesToIsOnTheDemoTeam()
    {
        const auto team = baton::pipeline::demoTeam();
        const auto onTeam = [&](const std::string &email) {
            return std::any_of(team.begin(), team.end(), [&](const auto &u) { return u.email == email; });
        };
        for (const auto &route : policy.handoff.routes)
            QVERIFY2(onTeam(route.owner), route.owner.c_str());
        QVERIFY(onTeam(policy.handoff.fallbackOwner));
    }

    void noRouteFallsBackAndEscalates()
    {
        const auto r = HandoffAgent(policy.handoff, registry).run(input("BR", "51-200", "B1", true));
        QCOMPARE(r.owner, std::string("queue@baton.example"));
        QVERIFY(r.escalated);
        QVERIFY(r.reasons.front().find("no routing rule matches") != std::string::npos);
    }

    void strategicAccountsGoToTheirTeamAndEscalate()
    {
        auto in = input("US", "201-1000", "A1", true);
        in.profile.fields["strategic"] = {true, "crm", {"account#3"}, false, ""};
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QCOMPARE(r.owner, std::string("maya.chen@baton.example"));
        QVERIFY(r.escalated);
        QVERIFY(r.reasons.front().find("strategic account") != std::string::npos);
    }

    static std::vector<std::string> actionsOf(const nlohmann::json &brief)
    {
        std::vector<std::string> out;
        for (const auto &a : brief["recommended_actions"])
            out.push_back(a["action"].get<std::string>());
        return out;
    }

    // A demo request and a pricing view yesterday: what outreach would answer.
    static std::vector<EventFact> askedForADemo()
    {
        return {{3, "form_submit", "Request a Demo", kNow - std::chrono::hours(20), ""},
                {2, "web_visit", "/pricing", kNow - std::chrono::hours(22), ""},
                {1, "pricing_page_view", "", kNow - std::chrono::hours(30), ""}};
    }

    static ConsentFact fact(Channel channel, bool optedOut, int daysAgo, const char *ref)
    {
        return {channel, optedOut, kNow - std::chrono::hours(24 * daysAgo), ref, "test"};
    }

    // The actions come from typed facts: a brief without a single summary sentence gets them,
    // each citing the events behind it.
    void intentBecomesActionsWithEvidence()
    {
        auto in = input("US", "201-1000", "A1", true);
        const auto events = askedForADemo();
        in.events = &events;
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(r.contractErrors.empty());
        QCOMPARE(actionsOf(r.brief), (std::vector<std::string>{"book_demo", "send_pricing", "call"}));
        const auto &actions = r.brief["recommended_actions"];
        QCOMPARE(actions[0]["evidence"].dump(), nlohmann::json({"event#3"}).dump());
        QCOMPARE(actions[1]["evidence"].dump(), nlohmann::json({"event#2", "event#1"}).dump());
        QCOMPARE(actions[0]["reason"].get<std::string>(), std::string("requested a demo on 2026-11-19"));
    }

    // Whatever the summary says, in whatever language, the same facts give the same actions and
    // escalations: a German risk sentence about an opt-out changes nothing, and an English
    // summary that says nothing of one does not open a closed channel.
    void actionsDoNotDependOnTheSummarysWords()
    {
        const auto events = askedForADemo();
        const auto run = [&](std::vector<Sentence> risks, std::vector<Sentence> intent, bool optedOut) {
            auto in = input("US", "201-1000", "A1", true);
            in.events = &events;
            in.summary.risks = std::move(risks);
            in.summary.intentSignals = std::move(intent);
            if (optedOut)
                in.consent = Consent({fact(Channel::Any, true, 3, "lead#7")});
            return HandoffAgent(policy.handoff, registry).run(in);
        };
        const auto plain = run({}, {}, false);
        const auto german = run({{"Hat Kontakt abgelehnt. Nicht anrufen.", {"lead#7"}}},
                                {{"Hat eine Demo angefragt.", {"event#3"}}}, false);
        const auto claims = run({{"Unsubscribed from email on 2026-11-01.", {"lead#7"}},
                                 {"Opted out of email: do not email.", {"lead#7"}}},
                                {{"Requested a demo on 2026-11-19.", {"event#3"}}}, false);
        QCOMPARE(german.brief["recommended_actions"].dump(), plain.brief["recommended_actions"].dump());
        QCOMPARE(claims.brief["recommended_actions"].dump(), plain.brief["recommended_actions"].dump());
        QCOMPARE(german.reasons, plain.reasons);
        QCOMPARE(claims.reasons, plain.reasons);

        const auto silent = run({}, {}, true);
        const auto cheerful = run({{"Keen to talk!", {"lead#7"}}},
                                  {{"Requested a demo on 2026-11-19.", {"event#3"}}}, true);
        QCOMPARE(actionsOf(silent.brief), std::vector<std::string>{"do_not_contact"});
        QCOMPARE(cheerful.brief["recommended_actions"].dump(), silent.brief["recommended_actions"].dump());
        QVERIFY(silent.escalated);
        QCOMPARE(cheerful.reasons, silent.reasons);
    }

    void consentDecidesTheChannels_data()
    {
        QTest::addColumn<std::vector<ConsentFact>>("facts");
        QTest::addColumn<QString>("persona");
        QTest::addColumn<bool>("qualifies");
        QTest::addColumn<QStringList>("expected");
        QTest::addColumn<bool>("consentEscalation");
        const QString buyer = QStringLiteral("technical_buyer"), user = QStringLiteral("end_user");
        using L = QStringList;
        QTest::newRow("no facts, buyer") << std::vector<ConsentFact>{} << buyer << true
                                         << L{"book_demo", "send_pricing", "call"} << false;
        QTest::newRow("no facts, not a buyer") << std::vector<ConsentFact>{} << user << true
                                               << L{"book_demo", "send_pricing", "email"} << false;
        QTest::newRow("no email, buyer") << std::vector{fact(Channel::Email, true, 5, "lead#7")} << buyer
                                         << true << L{"book_demo", "call"} << false;
        QTest::newRow("no email, not a buyer: a call instead")
            << std::vector{fact(Channel::Email, true, 5, "event#9")} << user << true
            << L{"book_demo", "call"} << false;
        QTest::newRow("do not call, buyer: an email instead")
            << std::vector{fact(Channel::Phone, true, 5, "lead#7")} << buyer << true
            << L{"book_demo", "send_pricing", "email"} << false;
        QTest::newRow("no email and do not call")
            << std::vector{fact(Channel::Email, true, 5, "event#9"), fact(Channel::Phone, true, 9, "lead#7")}
            << buyer << true << L{"do_not_contact"} << true;
        QTest::newRow("do not contact") << std::vector{fact(Channel::Any, true, 40, "lead#7")} << user << true
                                        << L{"do_not_contact"} << true;
        QTest::newRow("unsubscribed, then back in")
            << std::vector{fact(Channel::Email, true, 20, "event#8"), fact(Channel::Email, false, 2, "event#9")}
            << user << true << L{"book_demo", "send_pricing", "email"} << false;
        QTest::newRow("back in, then unsubscribed")
            << std::vector{fact(Channel::Email, false, 20, "event#8"), fact(Channel::Email, true, 2, "event#9")}
            << user << true << L{"book_demo", "call"} << false;
        QTest::newRow("not qualified: nurture") << std::vector<ConsentFact>{} << user << false
                                                << L{"book_demo", "send_pricing", "nurture"} << false;
        QTest::newRow("not qualified, no email: no nurture")
            << std::vector{fact(Channel::Email, true, 5, "lead#7")} << user << false << L{"book_demo"} << false;
    }
    void consentDecidesTheChannels()
    {
        QFETCH(std::vector<ConsentFact>, facts);
        QFETCH(QString, persona);
        QFETCH(bool, qualifies);
        QFETCH(QStringList, expected);
        QFETCH(bool, consentEscalation);
        auto in = input("US", "201-1000", "A1", qualifies);
        in.profile.fields["persona"].value = persona.toStdString();
        const auto events = askedForADemo();
        in.events = &events;
        in.consent = Consent(facts);
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(r.contractErrors.empty());
        QStringList actions;
        for (const auto &a : actionsOf(r.brief))
            actions << QString::fromStdString(a);
        QCOMPARE(actions, expected);
        const bool consentReason = std::any_of(r.reasons.begin(), r.reasons.end(), [](const auto &s) {
            return s.rfind("consent problem: ", 0) == 0;
        });
        QCOMPARE(consentReason, consentEscalation);
        // Every standing fact is cited in the profile, with its record.
        for (const ConsentFact *f : in.consent.standing()) {
            const auto &field = r.brief["profile"]["consent_" + std::string(channelName(f->channel))];
            QCOMPARE(field["evidence"].dump(), nlohmann::json({f->evidence}).dump());
            QCOMPARE(field["value"].get<std::string>(), std::string(f->optedOut ? "opted_out" : "opted_in"));
        }
        // A closed channel's action names the fact that closed it.
        if (!consentEscalation && !facts.empty() && in.consent.closedBy(Channel::Email) && qualifies &&
            persona.toStdString() != "technical_buyer") {
            const auto &call = r.brief["recommended_actions"].back();
            QVERIFY2(call["reason"].get<std::string>().find("not by email: ") != std::string::npos,
                     call["reason"].dump().c_str());
        }
    }

    void incompleteDataEscalates()
    {
        auto in = input("US", "201-1000", "B2", false);
        in.profile.fields.erase("industry");
        in.profile.fields.erase("employees");
        in.profile.fields.erase("job_title");
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(r.escalated);
        QVERIFY2(r.reasons.front().find("data quality 50% is below 70% (missing: job_title, industry, employees)") !=
                     std::string::npos,
                 r.reasons.front().c_str());
        QVERIFY(hasAction(r.brief, "nurture"));
        QCOMPARE(r.brief["data_quality"]["completeness"].get<double>(), 0.5);
    }

    void upstreamEscalationsAreCarried()
    {
        auto in = input("US", "201-1000", "A1", true);
        in.upstreamEscalations = {"conflicting industry: harbor_data says Retail"};
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(r.escalated);
        QCOMPARE(r.brief["escalation"]["reasons"][0].get<std::string>(), in.upstreamEscalations[0]);
    }

    // The inputs list stays strings until the brief is written; what is written is the JSON
    // the complete brief would dump, escaping included, and it satisfies the contract.
    void theBriefsTextIsTheCompleteBrief()
    {
        auto in = input("US", "201-1000", "A1", true);
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(r.contractErrors.empty());
        QVERIFY(r.inputsConsidered.has_value());
        QVERIFY(r.brief["inputs_considered"].is_null());
        const auto complete = r.completeBrief();
        QCOMPARE(complete["inputs_considered"].size(), in.inputHashes.size());
        QCOMPARE(r.briefText(), complete.dump());
        std::vector<baton::contracts::ValidationError> errors;
        QVERIFY(registry.validate("brief", 1, complete, errors));

        HandoffResult odd;
        odd.brief = {{"a", "\"inputs_considered\":null"}, {"inputs_considered", nullptr}};
        odd.inputsConsidered = {{"lead#\"1", "\\"}, {"caf\xc3\xa9", std::string(1, '\x01')}};
        QCOMPARE(odd.briefText(), odd.completeBrief().dump());
    }

    void aBriefThatBreaksItsContractIsEscalated()
    {
        auto in = input("US", "201-1000", "A1", true);
        in.inputHashes = {{"lead#7", "not-a-hash"}};
        const auto r = HandoffAgent(policy.handoff, registry).run(in);
        QVERIFY(!r.contractErrors.empty());
        QVERIFY(r.escalated);
        QVERIFY(r.reasons.back().find("brief contract: /inputs_considered/0/sha256") != std::string::npos);
        // Written whole: the list is in the brief the reviewer reads.
        QCOMPARE(r.brief["inputs_considered"][0]["sha256"].get<std::string>(), std::string("not-a-hash"));
    }

    // The store keeps a brief's inputs list packed; what it gives back is byte for byte what
    // briefText() writes.
    void packedInputsReadBackExactly()
    {
        HandoffResult r;
        // A reason quoting the member sorts before it: only the member itself is replaced.
        r.brief = {{"escalation", {{"reasons", {"say \"inputs_considered\":null"}}}},
                   {"inputs_considered", nullptr},
                   {"lead", {{"name", "Ada"}}}};
        std::array<std::uint8_t, 32> a{}, b{};
        a.fill(0xaa);
        for (std::size_t i = 0; i < b.size(); ++i)
            b[i] = static_cast<std::uint8_t>(i * 8 + 1);
        const std::string shaA(64, 'a'), shaB = "0109111921293139414951596169717981899199a1a9b1b9c1"
                                                "c9d1d9e1e9f1f9";
        r.inputsConsidered = InputRefs{{"lead#0", shaA},
                                       {"account#8784", shaB},
                                       {"enrichment#127", shaA},
                                       {"event#128", shaB},
                                       {"event#1099511627776", shaA},
                                       {"event#9223372036854775807", shaB}};
        auto packed = packedInputsStart(6);
        appendPackedInput(packed, 'l', 0, a);
        appendPackedInput(packed, 'a', 8784, b);
        appendPackedInput(packed, 'n', 127, a);
        appendPackedInput(packed, 'e', 128, b);
        appendPackedInput(packed, 'e', 1099511627776, a);
        appendPackedInput(packed, 'e', 9223372036854775807, b);
        QVERIFY(packed.size() < 6 * 45);
        QCOMPARE(unpackInputsJson(packed), inputsJson(*r.inputsConsidered));
        QCOMPARE(storedBrief(r.brief.dump(), std::span<const std::uint8_t>(packed)),
                 r.briefText());
        QCOMPARE(storedBrief(r.briefText(), std::nullopt), r.briefText());
    }

    void damagedPackedInputsAreRefused()
    {
        std::array<std::uint8_t, 32> digest{};
        digest.fill(0xcc);
        auto packed = packedInputsStart(1);
        appendPackedInput(packed, 'e', 300, digest);
        const auto refuses = [](std::vector<std::uint8_t> bytes) {
            try {
                unpackInputsJson(bytes);
                return false;
            } catch (const std::runtime_error &) {
                return true;
            }
        };
        QVERIFY(!refuses(packed));
        QVERIFY(refuses({}));
        auto wrongFormat = packed;
        wrongFormat[0] = 2;
        QVERIFY(refuses(wrongFormat));
        auto wrongKind = packed;
        wrongKind[1] = 'x';
        QVERIFY(refuses(wrongKind));
        QVERIFY(refuses({packed.begin(), packed.end() - 1}));
        QVERIFY(refuses({packed.begin(), packed.begin() + 3})); // inside the varint
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 storedBrief(R"({"lead":{}})", std::span<const std::uint8_t>(packed)));
    }
};

QTEST_GUILESS_MAIN(TestHandoffAgent)
#include "test_handoff_agent.moc"
