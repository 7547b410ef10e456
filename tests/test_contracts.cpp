#include "contracts/ContractRegistry.h"
#include "contracts/RecordListCheck.h"
#include "contracts/SchemaValidator.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <QTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <thread>

using namespace baton::contracts;
using nlohmann::json;
using std::chrono::system_clock;

// JSON is built with nlohmann::json, not raw string literals: moc misreads those.
namespace {

system_clock::time_point at(const char *rfc3339)
{
    return *baton::util::parseRfc3339(rfc3339);
}

json goodLead()
{
    return {{"source_system", "hubspot"},          {"source_id", "101"},
            {"email", "ada@example.com"},          {"first_name", "Ada"},
            {"company_domain", "example.com"},     {"lifecycle_stage", "lead"},
            {"created_at", "2026-03-01T09:00:00Z"}};
}

json goodEvent()
{
    return {{"source_system", "marketo"},
            {"source_id", "ev-9"},
            {"lead", {{"source_system", "marketo"}, {"source_id", "L-1"}}},
            {"type", "form_submit"},
            {"occurred_at", "2026-03-02T10:15:00.250+01:00"},
            {"campaign_id", "spring"},
            {"asset", "https://example.com/demo"},
            {"attributes", {{"form", "demo"}}},
            {"activity_type_id", 2}};
}

json goodAccount()
{
    return {{"source_system", "hubspot"},
            {"source_id", "c-1"},
            {"name", "Example Ltd"},
            {"domain", "example.com"},
            {"employees", 250},
            {"annual_revenue", 1.5e7},
            {"country", "GB"},
            {"strategic", false},
            {"properties", {{"tier", 2}}}};
}

json goodEnrichment()
{
    return {
        {"source_system", "clearbit"},
        {"source_id", "e-1"},
        {"subject", {{"kind", "lead"}, {"key", "ada@example.com"}}},
        {"observed_at", "2026-03-03T00:00:00Z"},
        {"confidence", 0.8},
        {"fields", {{"seniority", "vp"}, {"employee_range", "51-200"}, {"technologies", {"c++"}}}}};
}

// Runs name@version and returns its errors, failing the test if the record passed.
std::vector<ValidationError> rejected(const ContractRegistry &registry, const char *name,
                                      int version, const json &record)
{
    std::vector<ValidationError> errors;
    const bool valid = registry.validate(name, version, record, errors);
    if (valid || errors.empty())
        qWarning("%s@%d accepted %s", name, version, record.dump().c_str());
    return valid ? std::vector<ValidationError>{} : errors;
}

QString describe(const std::vector<ValidationError> &errors)
{
    QString out;
    for (const auto &e : errors)
        out += QString::fromStdString("  [" + e.pointer + "] " + e.message + "\n");
    return out;
}

// The single error a record is expected to produce.
#define EXPECT_ONE_ERROR(errors, expectedPointer, expectedMessage)                                 \
    do {                                                                                           \
        const auto &errs_ = (errors);                                                              \
        QVERIFY2(errs_.size() == 1, qPrintable(describe(errs_)));                                  \
        QCOMPARE(QString::fromStdString(errs_[0].pointer), QStringLiteral(expectedPointer));       \
        QCOMPARE(QString::fromStdString(errs_[0].message), QString::fromUtf8(expectedMessage));    \
    } while (false)

} // namespace

class TestContracts : public QObject
{
    Q_OBJECT

    ContractRegistry m_registry = ContractRegistry::builtIn();

private slots:
    void builtInHasEveryContract()
    {
        const std::vector<std::string> names{
            "account", "brief",  "engagement_event", "enrichment_record",
            "lead",    "policy", "summary"};
        QVERIFY(m_registry.names() == names);
        QCOMPARE(m_registry.versions().size(), size_t(12)); // policy@3 added scoring.model
        for (const ContractVersion *v : m_registry.versions()) {
            QCOMPARE(v->schemaSha256.size(), size_t(64));
            QCOMPARE(v->schemaSha256, baton::util::sha256Hex(v->schemaText));
            QVERIFY(m_registry.validator(v->name, v->version) != nullptr);
        }
        QVERIFY(m_registry.find("lead", 4) == nullptr);
        QVERIFY(m_registry.find("lea", 1) == nullptr);
    }

    void goodRecordsValidate_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("version");
        QTest::addColumn<QByteArray>("record");
        json leadV1 = goodLead();
        json eventV1 = goodEvent();
        eventV1.erase("activity_type_id");
        json other = goodEvent();
        other["type"] = "other";
        json leadV2 = goodLead();
        leadV2["identities"] = {{{"source_system", "salesforce"}, {"source_id", "003"}}};
        leadV2["converted_at"] = nullptr;
        leadV2["opted_out"] = false;
        const auto add = [](const char *tag, const char *name, int version, const json &record) {
            QTest::newRow(tag) << QString::fromLatin1(name) << version
                               << QByteArray::fromStdString(record.dump());
        };
        add("lead v1", "lead", 1, leadV1);
        add("lead v2", "lead", 2, leadV2);
        add("account v1", "account", 1, goodAccount());
        add("engagement_event v1", "engagement_event", 1, eventV1);
        add("engagement_event v2", "engagement_event", 2, goodEvent());
        add("engagement_event v2 other", "engagement_event", 2, other);
        add("enrichment_record v1", "enrichment_record", 1, goodEnrichment());
        json accountKey = goodEnrichment();
        accountKey["subject"] = {{"kind", "account"}, {"key", "example.com"}};
        add("enrichment_record v1 account", "enrichment_record", 1, accountKey);
    }

    void goodRecordsValidate()
    {
        QFETCH(QString, name);
        QFETCH(int, version);
        QFETCH(QByteArray, record);
        std::vector<ValidationError> errors;
        const bool valid = m_registry.validate(name.toStdString(), version,
                                               json::parse(record.toStdString()), errors);
        QVERIFY2(valid, qPrintable(describe(errors)));
        QVERIFY(errors.empty());
    }

    void missingRequired()
    {
        json lead = goodLead();
        lead.erase("email");
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 2, lead), "/email",
                         "required property 'email' is missing");
        json event = goodEvent();
        event["lead"].erase("source_id");
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 2, event), "/lead/source_id",
                         "required property 'source_id' is missing");
    }

    void wrongType()
    {
        json account = goodAccount();
        account["employees"] = "250";
        EXPECT_ONE_ERROR(rejected(m_registry, "account", 1, account), "/employees",
                         "expected integer or null, got string \"250\"");
        account = goodAccount();
        account["strategic"] = 1;
        EXPECT_ONE_ERROR(rejected(m_registry, "account", 1, account), "/strategic",
                         "expected boolean, got integer 1");
        // Draft 7: a number with a zero fraction is an integer.
        account = goodAccount();
        account["employees"] = 250.0;
        std::vector<ValidationError> errors;
        QVERIFY(m_registry.validate("account", 1, account, errors));
        QVERIFY(!m_registry.validate("account", 1, json::array(), errors));
        QCOMPARE(errors.back().message, std::string("expected object, got an array"));
    }

    void badEmail()
    {
        json lead = goodLead();
        lead["email"] = "ada.example.com";
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 1, lead), "/email",
                         "expected a valid email address (RFC 5321), got \"ada.example.com\"");
        // The format only applies under `if kind is lead`.
        json enrichment = goodEnrichment();
        enrichment["subject"]["key"] = "example.com";
        EXPECT_ONE_ERROR(rejected(m_registry, "enrichment_record", 1, enrichment), "/subject/key",
                         "expected a valid email address (RFC 5321), got \"example.com\"");
    }

    void badDateTime()
    {
        json event = goodEvent();
        event["occurred_at"] = "2026-02-30T10:00:00Z";
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 2, event), "/occurred_at",
                         "expected a valid date-time (RFC 3339), got \"2026-02-30T10:00:00Z\"");
        json lead = goodLead();
        lead["converted_at"] = "yesterday";
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 2, lead), "/converted_at",
                         "expected a valid date-time (RFC 3339), got \"yesterday\"");
        lead["converted_at"] = nullptr; // null passes `format`: only strings are checked
        std::vector<ValidationError> errors;
        QVERIFY(m_registry.validate("lead", 2, lead, errors));
    }

    void additionalProperties()
    {
        json lead = goodLead();
        lead["utm_source"] = "ads";
        lead["a/b~c"] = 1;
        const auto errors = rejected(m_registry, "lead", 2, lead);
        QVERIFY2(errors.size() == 2, qPrintable(describe(errors)));
        QCOMPARE(errors[0].pointer, std::string("/a~1b~0c"));
        QCOMPARE(errors[0].message,
                 std::string("unexpected property 'a/b~c' (not defined by the schema)"));
        QCOMPARE(errors[1].pointer, std::string("/utm_source"));
        json event = goodEvent();
        event["lead"]["email"] = "x@example.com";
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 2, event), "/lead/email",
                         "unexpected property 'email' (not defined by the schema)");
        // v1 has no activity_type_id: the field is what v2 added.
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 1, goodEvent()),
                         "/activity_type_id",
                         "unexpected property 'activity_type_id' (not defined by the schema)");
    }

    void enumViolation()
    {
        json event = goodEvent();
        event["type"] = "tweet";
        const auto errors = rejected(m_registry, "engagement_event", 2, event);
        QVERIFY2(errors.size() == 1, qPrintable(describe(errors)));
        QCOMPARE(errors[0].pointer, std::string("/type"));
        QVERIFY2(errors[0].message.starts_with("expected one of \"form_submit\", \"email_open\", "),
                 errors[0].message.c_str());
        QVERIFY2(errors[0].message.ends_with(" and 8 more, got \"tweet\""),
                 errors[0].message.c_str());
        json enrichment = goodEnrichment();
        enrichment["fields"]["seniority"] = "intern";
        EXPECT_ONE_ERROR(rejected(m_registry, "enrichment_record", 1, enrichment),
                         "/fields/seniority",
                         "expected one of \"entry\", \"manager\", \"director\", \"vp\", \"cxo\", "
                         "\"owner\", null, got \"intern\"");
    }

    void otherNeedsActivityTypeId()
    {
        json event = goodEvent();
        event["type"] = "other";
        event.erase("activity_type_id");
        // One error, at the missing field: valijson's if/then wrapper is dropped.
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 2, event), "/activity_type_id",
                         "required property 'activity_type_id' is missing");
        event["activity_type_id"] = -1;
        EXPECT_ONE_ERROR(rejected(m_registry, "engagement_event", 2, event), "/activity_type_id",
                         "expected a number >= 0, got -1");
    }

    void otherConstraints()
    {
        json lead = goodLead();
        lead["source_system"] = "HubSpot";
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 2, lead), "/source_system",
                         "expected a string matching ^[a-z][a-z0-9_]*$, got \"HubSpot\"");
        lead = goodLead();
        lead["source_id"] = "";
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 2, lead), "/source_id",
                         "expected at least 1 character, got 0");
        lead = goodLead();
        lead["identities"] = {{{"source_system", "sf"}}};
        EXPECT_ONE_ERROR(rejected(m_registry, "lead", 2, lead), "/identities/0/source_id",
                         "required property 'source_id' is missing");
        json enrichment = goodEnrichment();
        enrichment["fields"] = json::object();
        enrichment["confidence"] = 1.5;
        const auto errors = rejected(m_registry, "enrichment_record", 1, enrichment);
        QVERIFY2(errors.size() == 2, qPrintable(describe(errors)));
        QCOMPARE(errors[0].pointer, std::string("/confidence"));
        QCOMPARE(errors[0].message, std::string("expected a number <= 1, got 1.5"));
        QCOMPARE(errors[1].pointer, std::string("/fields"));
        QCOMPARE(errors[1].message, std::string("expected at least 1 property, got 0"));
    }

    void everyErrorIsReported()
    {
        const json record = {{"source_system", 7}, {"email", "nope"}, {"extra", true}};
        const auto errors = rejected(m_registry, "lead", 2, record);
        QVERIFY2(errors.size() == 4, qPrintable(describe(errors)));
    }

    void statusFollowsTheManifest()
    {
        const ContractVersion *v1 = m_registry.find("lead", 1);
        QVERIFY(v1 && v1->deprecatedSince && v1->sunsetAt);
        QCOMPARE(v1->statusAt(at("2026-08-31T23:59:59Z")), ContractStatus::Active);
        QCOMPARE(v1->statusAt(at("2026-09-01T00:00:00Z")), ContractStatus::Deprecated);
        QCOMPARE(v1->statusAt(at("2027-08-31T12:00:00Z")), ContractStatus::Deprecated);
        QCOMPARE(v1->statusAt(at("2027-09-01T00:00:00Z")), ContractStatus::Sunset);
        const ContractVersion *v2 = m_registry.find("lead", 2);
        QCOMPARE(v2->statusAt(at("2099-01-01T00:00:00Z")), ContractStatus::Active);
        QCOMPARE(std::string(toString(ContractStatus::Active)), std::string("active"));
        QCOMPARE(std::string(toString(ContractStatus::Deprecated)), std::string("deprecated"));
        QCOMPARE(std::string(toString(ContractStatus::Sunset)), std::string("sunset"));
        QCOMPARE(v1->key(), std::string("lead@1"));
    }

    void currentPicksNewestNotSunset()
    {
        QCOMPARE(m_registry.current("lead", at("2026-01-01T00:00:00Z"))->version, 3);
        QCOMPARE(m_registry.current("account", at("2030-01-01T00:00:00Z"))->version, 1);
        QVERIFY(m_registry.current("opportunity", at("2026-01-01T00:00:00Z")) == nullptr);

        ContractRegistry registry;
        const std::string schema = json{{"type", "object"}}.dump();
        registry.add({"x", 1, schema, "", std::nullopt, std::nullopt});
        registry.add({"x", 2, schema, "", at("2026-01-01T00:00:00Z"), at("2026-06-01T00:00:00Z")});
        registry.add({"x", 3, schema, "", std::nullopt, at("2026-03-01T00:00:00Z")});
        QCOMPARE(registry.current("x", at("2026-02-01T00:00:00Z"))->version, 3);
        QCOMPARE(registry.current("x", at("2026-04-01T00:00:00Z"))->version, 2);
        QCOMPARE(registry.current("x", at("2026-07-01T00:00:00Z"))->version, 1);
        ContractRegistry gone;
        gone.add({"y", 1, schema, "", std::nullopt, at("2026-01-01T00:00:00Z")});
        QVERIFY(gone.current("y", at("2026-02-01T00:00:00Z")) == nullptr);
    }

    void rejectsBrokenSchemas_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::newRow("not json") << "{\"type\": ";
        QTest::newRow("not an object") << "[1, 2]";
        QTest::newRow("unknown type") << QString::fromStdString(json{{"type", "strnig"}}.dump());
        QTest::newRow("required not an array")
            << QString::fromStdString(json{{"required", "email"}}.dump());
        QTest::newRow("bad pattern")
            << QString::fromStdString(json{{"properties", {{"a", {{"pattern", "(["}}}}}}.dump());
        QTest::newRow("another draft") << QString::fromStdString(
            json{{"$schema", "https://json-schema.org/draft/2020-12/schema"}}.dump());
        QTest::newRow("dangling ref")
            << QString::fromStdString(json{{"$ref", "#/definitions/missing"}}.dump());
    }

    void rejectsBrokenSchemas()
    {
        QFETCH(QString, schema);
        ContractRegistry registry;
        try {
            registry.add({"broken", 1, schema.toStdString(), "", std::nullopt, std::nullopt});
            QFAIL("accepted a broken schema");
        } catch (const std::invalid_argument &e) {
            QVERIFY2(std::string(e.what()).starts_with("contract broken@1: "), e.what());
        }
        QVERIFY(registry.find("broken", 1) == nullptr);
    }

    void rejectsInconsistentFiles()
    {
        const std::string manifest = json{{"contracts", {{{"name", "a"}, {"version", 1}}}}}.dump();
        const std::string schema = json{{"type", "object"}}.dump();
        const auto throws = [](const std::vector<EmbeddedFile> &files) {
            try {
                ContractRegistry::fromFiles(files);
            } catch (const std::invalid_argument &) {
                return true;
            }
            return false;
        };
        QVERIFY(!throws({{"registry.json", manifest}, {"a/v1.schema.json", schema}}));
        QVERIFY(throws({{"a/v1.schema.json", schema}}));                           // no manifest
        QVERIFY(throws({{"registry.json", manifest}}));                            // no schema
        QVERIFY(throws({{"registry.json", manifest}, {"a/v1.schema.json", "{"}})); // broken
        QVERIFY(throws({{"registry.json", manifest},
                        {"a/v1.schema.json", schema},
                        {"a/v2.schema.json", schema}}));                               // unlisted
        QVERIFY(throws({{"registry.json", manifest}, {"a/one.schema.json", schema}})); // bad name
        QVERIFY(throws(
            {{"registry.json",
              json{{"contracts", {{{"name", "a"}, {"version", 1}, {"sunset_at", "soon"}}}}}.dump()},
             {"a/v1.schema.json", schema}}));
        QVERIFY(throws({{"registry.json", manifest},
                        {"a/v1.schema.json", schema},
                        {"a/v1.schema.json", schema}})); // twice
    }

    void duplicateVersionIsRejected()
    {
        ContractRegistry registry;
        registry.add({"x", 1, "{}", "", std::nullopt, std::nullopt});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 registry.add({"x", 1, "{}", "", std::nullopt, std::nullopt}));
    }

    void unknownContractNamesTheKnownOnes()
    {
        std::vector<ValidationError> errors;
        QVERIFY(!m_registry.validate("opportunity", 1, goodLead(), errors));
        QCOMPARE(errors.size(), size_t(1));
        QCOMPARE(errors[0].pointer, std::string());
        QCOMPARE(errors[0].message,
                 std::string(
                     "unknown contract \"opportunity\" (known: account, brief, engagement_event, "
                     "enrichment_record, lead, policy, summary)"));
        errors.clear();
        QVERIFY(!m_registry.validate("lead", 9, goodLead(), errors));
        QCOMPARE(errors[0].message,
                 std::string("unknown contract version lead@9 (known: lead@1, lead@2, lead@3)"));
    }

    // Import workers share one registry; validation must not share mutable state.
    // The brief's inputs list is checked from its strings; it must say exactly what the
    // schema validator says of the same list as JSON, valid or not, error for error.
    void recordListCheckAgreesWithTheValidator()
    {
        const auto registry = ContractRegistry::builtIn();
        const json brief = json::parse(registry.find("brief", 1)->schemaText);
        const auto check = RecordListCheck::compile(brief, "inputs_considered", "ref", "sha256");
        QVERIFY(check.has_value());
        const json only = {{"type", "object"},
                           {"properties",
                            {{"inputs_considered", brief["properties"]["inputs_considered"]}}}};
        const SchemaValidator full(only);
        const std::string hex(64, 'a');
        using Rows = std::vector<RecordListCheck::Row>;
        const std::vector<Rows> cases = {
            {{"lead#7", hex}, {"event#12", std::string(64, '0')}},
            {},
            {{"lead#7", "not-a-hash"}},
            {{"lead#x", hex}, {"event#3", hex + "a"}, {"contact#1", std::string(64, 'A')}},
            {{"event#1", std::string(63, 'f') + "\xc3\xa9"}, {"lead#\"1", hex}},
            {{"", ""}}};
        for (const auto &rows : cases) {
            json list = json::array();
            for (const auto &[ref, sha] : rows)
                list.push_back({{"ref", ref}, {"sha256", sha}});
            std::vector<ValidationError> expected, got;
            const bool fullValid = full.validate({{"inputs_considered", list}}, &expected);
            QCOMPARE(check->check(rows, &got), fullValid);
            QCOMPARE(check->check(rows, nullptr), fullValid);
            QCOMPARE(got.size(), expected.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                QCOMPARE(got[i].pointer, expected[i].pointer);
                QCOMPARE(got[i].message, expected[i].message);
            }
        }
        // The rest of the schema no longer looks at the list, and still at everything else.
        const SchemaValidator rest(check->schemaForTheRest(brief));
        std::vector<ValidationError> errors;
        QVERIFY(!rest.validate(json{{"inputs_considered", nullptr}}, &errors));
        QVERIFY(std::none_of(errors.begin(), errors.end(), [](const ValidationError &e) {
            return e.pointer.rfind("/inputs_considered", 0) == 0;
        }));
        QVERIFY(std::any_of(errors.begin(), errors.end(),
                            [](const ValidationError &e) { return e.pointer == "/lead"; }));
    }

    // Only the shape it checks exactly: anything more is left to the validator.
    void recordListCheckRefusesOtherShapes()
    {
        const json item = {{"type", "object"},
                           {"required", json::array({"ref", "sha256"})},
                           {"additionalProperties", false},
                           {"properties",
                            {{"ref", {{"type", "string"}, {"pattern", "^a+$"}}},
                             {"sha256", {{"type", "string"}}}}}};
        const auto schemaWith = [](const json &list) {
            return json{{"type", "object"}, {"properties", {{"list", list}}}};
        };
        const json good = {{"type", "array"}, {"minItems", 1}, {"items", item}};
        QVERIFY(RecordListCheck::compile(schemaWith(good), "list", "ref", "sha256"));
        QVERIFY(!RecordListCheck::compile(schemaWith(good), "other", "ref", "sha256"));
        QVERIFY(!RecordListCheck::compile(schemaWith(good), "list", "ref", "hash"));
        json open = good;
        open["items"]["additionalProperties"] = true;
        QVERIFY(!RecordListCheck::compile(schemaWith(open), "list", "ref", "sha256"));
        json format = good;
        format["items"]["properties"]["sha256"]["format"] = "email";
        QVERIFY(!RecordListCheck::compile(schemaWith(format), "list", "ref", "sha256"));
        json regex = good;
        regex["items"]["properties"]["ref"]["pattern"] = "^\\d+$"; // beyond SimplePattern
        QVERIFY(!RecordListCheck::compile(schemaWith(regex), "list", "ref", "sha256"));
        json unique = good;
        unique["uniqueItems"] = true;
        QVERIFY(!RecordListCheck::compile(schemaWith(unique), "list", "ref", "sha256"));
        json third = good;
        third["items"]["required"].push_back("kind");
        QVERIFY(!RecordListCheck::compile(schemaWith(third), "list", "ref", "sha256"));
    }

    void concurrentValidation()
    {
        json bad = goodEvent();
        bad["occurred_at"] = "2026-13-01T00:00:00Z";
        std::atomic<int> wrong{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&, t] {
                for (int i = 0; i < 500; ++i) {
                    std::vector<ValidationError> errors;
                    const bool expectValid = (i + t) % 2 == 0;
                    const bool valid = m_registry.validate("engagement_event", 2,
                                                           expectValid ? goodEvent() : bad, errors);
                    if (valid != expectValid || errors.size() != (expectValid ? 0u : 1u))
                        ++wrong;
                }
            });
        }
        for (auto &thread : threads)
            thread.join();
        QCOMPARE(wrong.load(), 0);
    }

    // Not asserted (machines differ); the figure goes into the test log.
    void throughput()
    {
        const json record = goodEvent();
        const SchemaValidator *validator = m_registry.validator("engagement_event", 2);
        QVERIFY(validator);
        constexpr int Rounds = 20000;
        for (const bool detailed : {true, false}) {
            int valid = 0;
            const auto start = std::chrono::steady_clock::now();
            for (int i = 0; i < Rounds; ++i) {
                std::vector<ValidationError> errors;
                valid += validator->validate(record, detailed ? &errors : nullptr);
            }
            const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
            std::printf("engagement_event@2 (%s): %.0f validations/s\n",
                        detailed ? "collecting errors" : "yes/no", Rounds / elapsed.count());
            QCOMPARE(valid, Rounds);
        }
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "test_contracts.moc"
