#include "crm/SalesforceConnector.h"
#include "crm/WebhookConnector.h"
#include "util/Hmac.h"
#include "util/Url.h"

#include <QTest>
#include <nlohmann/json.hpp>

using namespace baton;
using nlohmann::json;
using Outcome = crm::DeliveryResult::Outcome;

// The requests Baton sends to Salesforce, checked against its REST reference: sObject
// Collections upsert (PATCH .../composite/sobjects/Lead/<external id field>, records with
// attributes.type and no Id, allOrNone), create (POST .../composite/sobjects) and update
// (PATCH with ids); Note's ParentId and Title, Task's WhoId and date-only ActivityDate; SOQL
// with escaped literals; the OAuth refresh-token grant. Answers read as the reference shows
// them: per-record {statusCode, message, fields}, request-level [{message, errorCode}]. And
// the webhook's signature, against RFC 4231's HMAC-SHA256 test vectors.
class TestSalesforceConnector : public QObject
{
    Q_OBJECT

    static crm::SalesforceConnector connector()
    {
        crm::SalesforceConnector::Config config;
        config.instanceUrl = "https://acme.my.salesforce.com";
        config.accessToken = "00Dxx!secret";
        config.refreshToken = "5Aep-refresh";
        config.clientId = "3MVG-client";
        config.clientSecret = "s3cret";
        config.ownerIds = {{"lena.fischer@baton.example", "005000000000001AAA"}};
        config.dailyLimitWait = std::chrono::minutes(42);
        return crm::SalesforceConnector(config);
    }

    static crm::Delivery person(std::int64_t id, const std::string &last, const std::string &email)
    {
        return {id, "upsert_person",
                json{{"external_id", "baton-lead-" + std::to_string(id)},
                     {"email", email},
                     {"first_name", "Ada"},
                     {"last_name", last},
                     {"company", ""}},
                ""};
    }

    static HttpResponse answer(int status, const std::string &body)
    {
        HttpResponse r;
        r.status = status;
        r.body = body;
        return r;
    }

private slots:
    void leadsAreUpsertedByBatonsExternalIdField()
    {
        const auto sf = connector();
        const auto r = sf.build("upsert_person",
                                {person(1, "Lovelace", "ada@example.com"), person(2, "", "")});
        QCOMPARE(r.method, std::string("PATCH"));
        QCOMPARE(r.url, std::string("https://acme.my.salesforce.com/services/data/v60.0/composite/"
                                    "sobjects/Lead/Baton_Lead_Id__c"));
        const auto body = json::parse(r.body);
        QVERIFY(body["allOrNone"] == json(false));
        const auto &a = body["records"][0];
        QVERIFY(a["attributes"]["type"] == json("Lead"));
        QVERIFY(a["Baton_Lead_Id__c"] == json("baton-lead-1"));
        QVERIFY(a["LastName"] == json("Lovelace"));
        QVERIFY(a["FirstName"] == json("Ada"));
        QVERIFY(a["Email"] == json("ada@example.com"));
        QVERIFY(a["Company"] == json("[not provided]")); // required: said so, not refused
        QVERIFY(!a.contains("Id") && !a.contains("id")); // upserts name no record id
        // No last name: the first name stands in (LastName is required); no email sent empty.
        const auto &b = body["records"][1];
        QVERIFY(b["LastName"] == json("Ada"));
        QVERIFY(!b.contains("FirstName") && !b.contains("Email"));
        QVERIFY(sf.idempotent("upsert_person"));
        QCOMPARE(sf.batchLimit("upsert_person"), std::size_t(200));
    }

    void notesAndTasksHangOnTheLead()
    {
        const auto sf = connector();
        const crm::Delivery note{5, "create_note",
                                 json{{"external_id", "baton-brief-9-note"},
                                      {"brief_id", 9},
                                      {"body", "Baton score 80"}},
                                 "00Q000000000001AAA"};
        const auto n = json::parse(sf.build("create_note", {note}).body)["records"][0];
        QVERIFY(n["attributes"]["type"] == json("Note"));
        QVERIFY(n["ParentId"] == json("00Q000000000001AAA"));
        QVERIFY(n["Title"] == json("Baton brief #9 (baton-brief-9-note)"));
        QVERIFY(n["Title"].get<std::string>().size() <= 80); // Note.Title's length
        const crm::Delivery task{6, "create_task",
                                 json{{"external_id", "baton-brief-9-task"},
                                      {"subject", "Call: Ada"},
                                      {"body", "asked for a demo"},
                                      {"due", "2026-11-18T09:00:00Z"},
                                      {"owner", "Lena.Fischer@baton.example"}},
                                 "00Q000000000001AAA"};
        const auto request = sf.build("create_task", {task});
        QCOMPARE(request.method, std::string("POST"));
        QCOMPARE(request.url, std::string("https://acme.my.salesforce.com/services/data/v60.0/"
                                          "composite/sobjects"));
        const auto t = json::parse(request.body)["records"][0];
        QVERIFY(t["WhoId"] == json("00Q000000000001AAA"));
        QVERIFY(t["ActivityDate"] == json("2026-11-18"));
        QVERIFY(t["Status"] == json("Not Started"));
        QVERIFY(t["OwnerId"] == json("005000000000001AAA"));
        QVERIFY(t["Baton_External_Id__c"] == json("baton-brief-9-task"));
        const auto close =
            sf.build("close_task", {{7, "close_task", json::object(), "00T000000000001AAA"}});
        QCOMPARE(close.method, std::string("PATCH"));
        const auto c = json::parse(close.body)["records"][0];
        QVERIFY(c["id"] == json("00T000000000001AAA"));
        QVERIFY(c["Status"] == json("Completed"));
        // Nothing to hang on: refused before sending.
        QVERIFY(sf.refuse({8, "create_note", json::object(), ""}).has_value());
    }

    void recordResultsAreReadInOrder()
    {
        const auto sf = connector();
        const std::vector<crm::Delivery> batch = {
            person(1, "A", "a@x.io"), person(2, "B", "b@x.io"), person(3, "C", "c@x.io")};
        const auto results = sf.read(
            "upsert_person", batch,
            answer(200, "[{\"id\":\"00Q1\",\"success\":true,\"errors\":[],\"created\":true}, "
                        "{\"success\":false,\"errors\":[{\"statusCode\":\"REQUIRED_FIELD_MISSING\","
                        " \"message\":\"Required fields are missing: "
                        "[LastName]\",\"fields\":[\"LastName\"]}]}, "
                        "{\"success\":false,\"errors\":[{\"statusCode\":\"UNABLE_TO_LOCK_ROW\", "
                        "\"message\":\"unable to obtain exclusive access to this "
                        "record\",\"fields\":[]}]}]"));
        QCOMPARE(results[0].outcome, Outcome::Done);
        QCOMPARE(results[0].crmId, std::string("00Q1"));
        QCOMPARE(results[1].outcome, Outcome::Permanent);
        QCOMPARE(results[1].error, std::string("Salesforce REQUIRED_FIELD_MISSING: Required fields "
                                               "are missing: [LastName]"));
        QCOMPARE(results[2].outcome, Outcome::Retry);
        // An answer that does not list every record: a create is looked up, not resent.
        const crm::Delivery note{5, "create_note", json{{"brief_id", 1}}, "00Q1"};
        QCOMPARE(sf.read("create_note", {note}, answer(200, "[]"))[0].outcome, Outcome::Unknown);
    }

    void requestErrorsAreReadAsSalesforceWritesThem()
    {
        auto sf = connector();
        const std::vector<crm::Delivery> one = {person(1, "A", "a@x.io")};
        const auto expired = answer(
            401,
            "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        QVERIFY(sf.authExpired(expired));
        const auto auth = sf.read("upsert_person", one, expired)[0];
        QCOMPARE(auth.outcome, Outcome::Permanent);
        QCOMPARE(auth.error, std::string("Salesforce 401 INVALID_SESSION_ID: Session expired or "
                                         "invalid"));
        const auto daily =
            sf.read("upsert_person", one,
                    answer(403, "[{\"message\":\"TotalRequests Limit "
                                "exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))[0];
        QCOMPARE(daily.outcome, Outcome::Retry);
        QVERIFY(daily.retryAfter == std::chrono::milliseconds(std::chrono::minutes(42)));
        const auto concurrent =
            sf.read("upsert_person", one,
                    answer(403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit "
                                "exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]"))[0];
        QCOMPARE(concurrent.outcome, Outcome::Retry);
        QVERIFY(!concurrent.retryAfter); // the backoff decides
        const auto gateway = answer(503, "[{\"message\":\"Server temporarily "
                                         "unavailable\",\"errorCode\":\"SERVER_UNAVAILABLE\"}]");
        QCOMPARE(sf.read("upsert_person", one, gateway)[0].outcome, Outcome::Retry);
        const crm::Delivery note{5, "create_note", json{{"brief_id", 1}}, "00Q1"};
        QCOMPARE(sf.read("create_note", {note}, gateway)[0].outcome, Outcome::Unknown);
        QCOMPARE(sf.read("upsert_person", one,
                         answer(400, "[{\"message\":\"Json Deserialization "
                                     "failed\",\"errorCode\":\"JSON_PARSER_ERROR\"}]"))[0]
                     .outcome,
                 Outcome::Permanent);
    }

    void lookupsAreSoqlWithEscapedLiterals()
    {
        const auto sf = connector();
        const crm::Delivery task{6, "create_task", json{{"external_id", "it's\\x"}}, "00Q1"};
        const auto r = sf.lookup("create_task", {task});
        QCOMPARE(r.method, std::string("GET"));
        const std::string expected = "SELECT Id, Baton_External_Id__c FROM Task WHERE "
                                     "Baton_External_Id__c IN ('it\\'s\\\\x')";
        QCOMPARE(r.url, "https://acme.my.salesforce.com/services/data/v60.0/queryAll?q=" +
                            util::percentEncode(expected));
        const auto found = sf.readLookup(
            "create_task", {task},
            answer(200, "{\"totalSize\":1,\"done\":true,\"records\":[{\"attributes\":{\"type\":"
                        "\"Task\"}, \"Id\":\"00T9\",\"Baton_External_Id__c\":\"it's\\\\x\"}]}"));
        QCOMPARE(found[0].outcome, Outcome::Done);
        QCOMPARE(found[0].crmId, std::string("00T9"));
        const auto missing = sf.readLookup(
            "create_task", {task}, answer(200, "{\"totalSize\":0,\"done\":true,\"records\":[]}"));
        QCOMPARE(missing[0].outcome, Outcome::Retry);
    }

    void theRefreshGrantRenewsTokenAndInstance()
    {
        auto sf = connector();
        const auto r = sf.refreshRequest();
        QVERIFY(r.has_value());
        QCOMPARE(r->url, std::string("https://login.salesforce.com/services/oauth2/token"));
        QCOMPARE(r->body,
                 std::string("grant_type=refresh_token&client_id=3MVG-client&client_secret="
                             "s3cret&refresh_token=5Aep-refresh"));
        QCOMPARE(sf.acceptRefresh(answer(400, "{\"error\":\"invalid_grant\",\"error_description\":"
                                              "\"expired access/refresh token\"}")),
                 std::string("Salesforce refused the refresh token: invalid_grant: expired "
                             "access/refresh token"));
        QCOMPARE(
            sf.acceptRefresh(answer(200, "{\"access_token\":\"00Dxx!new\",\"instance_url\":\"https:"
                                         "//acme2.my.salesforce.com\",\"token_type\":\"Bearer\"}")),
            std::string());
        const auto next = sf.build("upsert_person", {person(1, "A", "a@x.io")});
        QVERIFY(next.url.rfind("https://acme2.my.salesforce.com/", 0) == 0);
        QVERIFY(std::find(next.headers.begin(), next.headers.end(),
                          std::pair<std::string, std::string>{
                              "Authorization", "Bearer 00Dxx!new"}) != next.headers.end());
        // The token never reaches the outbox's record of the request.
        QVERIFY(sf.describe(next).find("00Dxx!new") == std::string::npos);
        QVERIFY(r->carriesSecret); // the refresh token is in the body
    }

    // The token answer decides where every later request (and its token) goes: plain http
    // is refused unless it stays on this machine, as the tests' sandbox does.
    void aPlainHttpInstanceUrlIsRefused()
    {
        auto sf = connector();
        const auto refused = sf.acceptRefresh(answer(
            200, "{\"access_token\":\"00Dxx!new\",\"instance_url\":\"http://evil.example\"}"));
        QVERIFY2(refused.find("instance_url that is not https: http://evil.example") !=
                     std::string::npos,
                 refused.c_str());
        QVERIFY(sf.build("upsert_person", {person(1, "A", "a@x.io")}).url.rfind("https://", 0) == 0);
        QCOMPARE(sf.acceptRefresh(answer(200, "{\"access_token\":\"t\",\"instance_url\":"
                                              "\"http://127.0.0.1:8080\"}")),
                 std::string());
        QVERIFY(util::isSecureOrLoopback("http://[::1]:80/x"));
        QVERIFY(util::isSecureOrLoopback("http://localhost/"));
        QVERIFY(util::isSecureOrLoopback("HTTPS://Example.com"));
        QVERIFY(!util::isSecureOrLoopback("http://127.evil.com/"));
        QVERIFY(!util::isSecureOrLoopback("http://127.0.0.1.evil.com/"));
        QVERIFY(!util::isSecureOrLoopback("http://localhost@evil.com/"));
        QVERIFY(!util::isSecureOrLoopback("ftp://localhost/"));
    }

    void outcomesComeFromConvertedLeads()
    {
        const auto sf = connector();
        const auto outcomes = sf.readOutcomes(answer(
            200,
            "{\"totalSize\":2,\"done\":true,\"records\":[ {\"Id\":\"00Q1\",\"Status\":\"Closed - "
            "Converted\",\"IsConverted\":true,\"ConvertedOpportunityId\":\"006X\"}, "
            "{\"Id\":\"00Q2\",\"Status\":\"Working\",\"IsConverted\":false,"
            "\"ConvertedOpportunityId\":null}]}"));
        QCOMPARE(outcomes.size(), std::size_t(2));
        QVERIFY(outcomes[0].opportunity && outcomes[0].stage == "converted");
        QVERIFY(!outcomes[1].opportunity && outcomes[1].status == "Working");
    }

    // RFC 4231, test cases 1, 2 and 6 (a key longer than the block).
    void hmacSha256MatchesRfc4231()
    {
        QCOMPARE(util::toHex(util::hmacSha256(std::string(20, '\x0b'), "Hi There")),
                 std::string("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"));
        QCOMPARE(util::toHex(util::hmacSha256("Jefe", "what do ya want for nothing?")),
                 std::string("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        QCOMPARE(util::toHex(util::hmacSha256(std::string(131, '\xaa'),
                                              "Test Using Larger Than Block-Size Key - Hash Key "
                                              "First")),
                 std::string("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"));
    }

    void webhookDeliveriesAreSignedAndKeepTheirId()
    {
        const crm::WebhookConnector hook({"https://hooks.example.com/baton", "Jefe", 5000});
        const crm::Delivery d{1, "post_webhook",
                              json{{"event", "brief.approved"},
                                   {"delivery_id", "baton-brief-3-webhook-approved"},
                                   {"brief", {{"lead", {{"id", 4}}}}}},
                              ""};
        const auto r = hook.build("post_webhook", {d});
        const auto header = [&](const std::string &name) {
            for (const auto &[k, v] : r.headers)
                if (k == name)
                    return v;
            return std::string();
        };
        QCOMPARE(header("X-Baton-Signature-256"),
                 "sha256=" + util::toHex(util::hmacSha256("Jefe", r.body)));
        QCOMPARE(header("X-Baton-Delivery"), std::string("baton-brief-3-webhook-approved"));
        QCOMPARE(header("X-Baton-Event"), std::string("brief.approved"));
        QVERIFY(hook.describe(r).find(header("X-Baton-Signature-256")) == std::string::npos);
        QCOMPARE(hook.read("post_webhook", {d}, answer(204, ""))[0].outcome, Outcome::Done);
        QCOMPARE(hook.read("post_webhook", {d}, answer(503, ""))[0].outcome, Outcome::Retry);
        const auto gone = hook.read("post_webhook", {d}, answer(410, "gone"))[0];
        QCOMPARE(gone.outcome, Outcome::Permanent);
        QCOMPARE(gone.error, std::string("webhook 410: gone"));
    }

    void percentEncodingLeavesOnlyUnreserved()
    {
        QCOMPARE(util::percentEncode("a b&c=d/é~"), std::string("a%20b%26c%3Dd%2F%C3%A9~"));
        QCOMPARE(util::formEncode({{"a", "1 2"}, {"b", "+"}}), std::string("a=1%202&b=%2B"));
    }
};

QTEST_GUILESS_MAIN(TestSalesforceConnector)
#include "test_salesforce_connector.moc"
