#include "crm/HubSpotConnector.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace baton;
using nlohmann::json;

// The requests Baton sends, checked against HubSpot's CRM v3 reference: the batch upsert of
// contacts by email (inputs[].idProperty, id, properties), batch creates of notes and tasks
// with their required hs_timestamp and the HUBSPOT_DEFINED association types 202 (note to
// contact) and 204 (task to contact), batch updates by id, and search filter groups. And
// HubSpot's answers read as its reference shows them: multi-status errors with
// context.ids, the 429 body with policyName, and the rate-limit headers.
class TestHubSpotConnector : public QObject
{
    Q_OBJECT

    static crm::HubSpotConnector connector()
    {
        crm::HubSpotConnector::Config config;
        config.baseUrl = "https://api.hubapi.com";
        config.accessToken = "pat-na1-secret";
        config.ownerIds = {{"lena.fischer@baton.example", "31"}};
        return crm::HubSpotConnector(config);
    }

    static crm::Delivery person(std::int64_t id, const std::string &email)
    {
        return {id, "upsert_person",
                json{{"external_id", "baton-lead-" + std::to_string(id)},
                     {"email", email},
                     {"first_name", "Ada"},
                     {"last_name", ""},
                     {"company", "Example"}},
                ""};
    }

private slots:
    void contactsAreUpsertedByEmail()
    {
        const auto r = connector().build("upsert_person", {person(1, "Ada@Example.com")});
        QCOMPARE(r.method, std::string("POST"));
        QCOMPARE(r.url, std::string("https://api.hubapi.com/crm/v3/objects/contacts/batch/upsert"));
        QVERIFY(std::find(r.headers.begin(), r.headers.end(),
                          std::pair<std::string, std::string>(
                              "Authorization", "Bearer pat-na1-secret")) != r.headers.end());
        const auto body = json::parse(r.body);
        const auto &in = body.at("inputs").at(0);
        QCOMPARE(in.at("idProperty").get<std::string>(), std::string("email"));
        QCOMPARE(in.at("id").get<std::string>(), std::string("Ada@Example.com"));
        QCOMPARE(in.at("properties").at("firstname").get<std::string>(), std::string("Ada"));
        QCOMPARE(in.at("properties").at("baton_lead_id").get<std::string>(),
                 std::string("baton-lead-1"));
        // An empty value would clear what HubSpot has: it is left out.
        QVERIFY(!in.at("properties").contains("lastname"));
        // The masked description never shows the token.
        const auto described = connector().describe(r);
        QVERIFY(described.find("pat-na1-secret") == std::string::npos);
        QVERIFY(described.find("Authorization: ***") != std::string::npos);
    }

    void notesAndTasksAreAssociatedAtCreation()
    {
        const crm::Delivery note{2, "create_note",
                                 json{{"external_id", "baton-brief-9-note"},
                                      {"body", "Viewed pricing 8 times"},
                                      {"timestamp", "2026-11-24T09:00:00.000Z"}},
                                 "1001"};
        const auto n =
            json::parse(connector().build("create_note", {note}).body).at("inputs").at(0);
        QCOMPARE(n.at("properties").at("hs_timestamp").get<std::string>(),
                 std::string("2026-11-24T09:00:00.000Z"));
        QCOMPARE(n.at("properties").at("hs_note_body").get<std::string>(),
                 std::string("Viewed pricing 8 times"));
        const auto &a = n.at("associations").at(0);
        QCOMPARE(a.at("to").at("id").get<std::string>(), std::string("1001"));
        QCOMPARE(a.at("types").at(0).at("associationCategory").get<std::string>(),
                 std::string("HUBSPOT_DEFINED"));
        QCOMPARE(a.at("types").at(0).at("associationTypeId").get<int>(), 202);

        const crm::Delivery task{3, "create_task",
                                 json{{"external_id", "baton-brief-9-task"},
                                      {"subject", "call: Ada"},
                                      {"body", "qualified at 85"},
                                      {"due", "2026-11-25T00:00:00.000Z"},
                                      {"owner", "Lena.Fischer@baton.example"}},
                                 "1001"};
        const auto request = connector().build("create_task", {task});
        QCOMPARE(request.url,
                 std::string("https://api.hubapi.com/crm/v3/objects/tasks/batch/create"));
        const auto t = json::parse(request.body).at("inputs").at(0);
        QCOMPARE(t.at("properties").at("hs_timestamp").get<std::string>(),
                 std::string("2026-11-25T00:00:00.000Z"));
        QCOMPARE(t.at("properties").at("hs_task_subject").get<std::string>(),
                 std::string("call: Ada"));
        QCOMPARE(t.at("properties").at("hs_task_status").get<std::string>(),
                 std::string("NOT_STARTED"));
        QCOMPARE(t.at("properties").at("hubspot_owner_id").get<std::string>(), std::string("31"));
        QCOMPARE(t.at("associations").at(0).at("types").at(0).at("associationTypeId").get<int>(),
                 204);
    }

    void multiStatusAnswersAreReadItemByItem()
    {
        const auto hubspot = connector();
        const std::vector<crm::Delivery> batch = {person(1, "ada@example.com"), person(2, "bad@"),
                                                  person(3, "grace@example.com")};
        baton::HttpResponse r;
        r.status = 207;
        r.body =
            json{{"status", "COMPLETE"},
                 {"results",
                  json::array({{{"id", "101"}, {"properties", {{"email", "ada@example.com"}}}}})},
                 {"numErrors", 1},
                 {"errors", json::array({{{"status", "error"},
                                          {"category", "VALIDATION_ERROR"},
                                          {"message", "Property values were not valid"},
                                          {"context", {{"ids", json::array({"bad@"})}}}}})}}
                .dump();
        const auto results = hubspot.read("upsert_person", batch, r);
        QCOMPARE(results[0].outcome, crm::DeliveryResult::Outcome::Done);
        QCOMPARE(results[0].crmId, std::string("101"));
        QCOMPARE(results[1].outcome, crm::DeliveryResult::Outcome::Permanent);
        QVERIFY(results[1].error.find("VALIDATION_ERROR") != std::string::npos);
        // Not mentioned at all: find out before sending again.
        QCOMPARE(results[2].outcome, crm::DeliveryResult::Outcome::Unknown);
    }

    void rateLimitsAndErrorsAreClassified()
    {
        using Outcome = crm::DeliveryResult::Outcome;
        baton::HttpResponse daily;
        daily.status = 429;
        daily.body = json{
            {"status", "error"},
            {"message", "You have reached your daily limit."},
            {"errorType", "RATE_LIMIT"},
            {"policyName",
             "DAILY"}}.dump();
        auto c = crm::HubSpotConnector::classify(daily, true);
        QCOMPARE(c->outcome, Outcome::Retry);
        QVERIFY(c->retryAfter >= std::chrono::milliseconds(std::chrono::hours(1)));

        baton::HttpResponse burst;
        burst.status = 429;
        burst.headers = {{"X-HubSpot-RateLimit-Interval-Milliseconds", "10000"},
                         {"X-HubSpot-RateLimit-Remaining", "0"}};
        burst.body = json{{"policyName", "TEN_SECONDLY_ROLLING"}}.dump();
        c = crm::HubSpotConnector::classify(burst, true);
        QCOMPARE(c->outcome, Outcome::Retry);
        QCOMPARE(c->retryAfter, std::optional(std::chrono::milliseconds(1000)));

        baton::HttpResponse told = burst;
        told.headers.emplace_back("Retry-After", "7");
        QCOMPARE(crm::HubSpotConnector::classify(told, true)->retryAfter,
                 std::optional(std::chrono::milliseconds(7000)));

        baton::HttpResponse gateway;
        gateway.status = 502;
        QCOMPARE(crm::HubSpotConnector::classify(gateway, true)->outcome,
                 Outcome::Unknown); // a create
        QCOMPARE(crm::HubSpotConnector::classify(gateway, false)->outcome,
                 Outcome::Retry); // an upsert

        baton::HttpResponse auth;
        auth.status = 401;
        auth.body = json{{"status", "error"},
                         {"message", "Authentication credentials not found."},
                         {"category", "INVALID_AUTHENTICATION"}}
                        .dump();
        c = crm::HubSpotConnector::classify(auth, false);
        QCOMPARE(c->outcome, Outcome::Permanent);
        QVERIFY(c->error.find("HubSpot 401 INVALID_AUTHENTICATION: Authentication credentials") !=
                std::string::npos);

        baton::HttpResponse refused;
        refused.error = "connection refused: Connection refused";
        QCOMPARE(crm::HubSpotConnector::classify(refused, true)->outcome, Outcome::Retry);
        baton::HttpResponse lost;
        lost.error = "the connection closed without an answer";
        QCOMPARE(crm::HubSpotConnector::classify(lost, true)->outcome, Outcome::Unknown);
    }

    void lostAnswersAreLookedUpByBatonsIds()
    {
        const crm::Delivery note{2, "create_note", json{{"external_id", "baton-brief-9-note"}},
                                 "1001"};
        const auto r = connector().lookup("create_note", {note});
        QCOMPARE(r.url, std::string("https://api.hubapi.com/crm/v3/objects/notes/search"));
        const auto f = json::parse(r.body).at("filterGroups").at(0).at("filters").at(0);
        QCOMPARE(f.at("propertyName").get<std::string>(), std::string("baton_external_id"));
        QCOMPARE(f.at("operator").get<std::string>(), std::string("IN"));
        QCOMPARE(f.at("values").at(0).get<std::string>(), std::string("baton-brief-9-note"));
    }

    // An OAuth app: a 401 is answered by trading the refresh token at /oauth/v1/token for a
    // new access token (HubSpot may rotate the refresh token too); a private app has none.
    void anOAuthAppRefreshesItsToken()
    {
        QVERIFY(!connector().refreshRequest().has_value());
        crm::HubSpotConnector::Config config;
        config.refreshToken = "na1-refresh";
        config.clientId = "app-id";
        config.clientSecret = "app-secret";
        crm::HubSpotConnector hubspot(config);
        QVERIFY(!hubspot.hasAccessToken());
        const auto r = hubspot.refreshRequest();
        QVERIFY(r.has_value());
        QCOMPARE(r->url, std::string("https://api.hubapi.com/oauth/v1/token"));
        QCOMPARE(r->body, std::string("grant_type=refresh_token&client_id=app-id&client_secret="
                                      "app-secret&refresh_token=na1-refresh"));
        HttpResponse refused;
        refused.status = 400;
        refused.body = "{\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"missing or unknown "
                       "refresh token\"}";
        QVERIFY(hubspot.acceptRefresh(refused).find("missing or unknown refresh token") !=
                std::string::npos);
        HttpResponse granted;
        granted.status = 200;
        granted.body = "{\"token_type\":\"bearer\",\"refresh_token\":\"na1-rotated\","
                       "\"access_token\":\"CJ-new\",\"expires_in\":1800}";
        QCOMPARE(hubspot.acceptRefresh(granted), std::string());
        QVERIFY(hubspot.hasAccessToken());
        const auto next = hubspot.build("upsert_person", {person(1, "a@x.io")});
        QVERIFY(std::find(next.headers.begin(), next.headers.end(),
                          std::pair<std::string, std::string>{"Authorization", "Bearer CJ-new"}) !=
                next.headers.end());
        QVERIFY(hubspot.refreshRequest()->body.find("refresh_token=na1-rotated") !=
                std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestHubSpotConnector)
#include "test_hubspot_connector.moc"
