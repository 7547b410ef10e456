#include "TestStoreLocation.h"
#include "KpiFixture.h"
#include "contracts/ContractRegistry.h"
#include "contracts/SchemaValidator.h"
#include "store/OpenStore.h"
#include "telemetry/ContractReport.h"
#include "telemetry/Exports.h"
#include "telemetry/Kpis.h"
#include "util/Time.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace baton;
using nlohmann::json;

// KPIs against values worked out by hand on a small fixed store, and the OpenLineage and
// OTLP exports checked against the published specs' rules (tests/data/telemetry).
class TestTelemetry : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;

    static contracts::SchemaValidator validator(const char *file)
    {
        QFile f(QStringLiteral(BATON_TEST_DATA "/telemetry/") + QLatin1String(file));
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("missing schema");
        return contracts::SchemaValidator(json::parse(f.readAll().toStdString()));
    }

    static std::string errorsOf(const contracts::SchemaValidator &v, const json &doc)
    {
        std::vector<contracts::ValidationError> errors;
        v.validate(doc, &errors);
        std::string out;
        for (const auto &e : errors)
            out += e.pointer + ": " + e.message + "; ";
        return out;
    }

private slots:
    // The store, by hand (period 2026-11-01 .. 2026-11-03, "now" 2026-11-05T00:00Z):
    //   brief 1, day 1: signal 2 h before, 4 steps 100 ms, completeness 0.95, score 85; edited
    //     at 13:00, approved at 14:00 (4 h; SLA 18:00 kept); its lead an opportunity 19 days on
    //   brief 2, day 1: signal 6 h before, 10 ms, 0.55, escalated at creation and again in
    //     review 36 h later (SLA was 24 h: a breach)
    //   brief 3, day 2: signal 24 h before, 300 ms, 0.72, never decided, SLA passed: a breach
    //   brief 4, 2026-10-31: outside the period
    //   outbox: 2 done and 1 failed on day 2, one done before the period
    //   quarantine: 2 hubspot lead@2 "email" on day 1; on day 3 one hubspot lead@2 "Create
    //     Date" and one marketo engagement_event@2 "record/occurred_at"
    //   hubspot last synced 12 h before now (fine), marketo 96 h (72 h late), enrichment never
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("kpi.sqlite")).toStdString();
        auto db = store::openStore(testStoreLocation(m_path));
        loadKpiFixture(db);
    }

    void kpisMatchTheHandComputedValues()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        const auto r =
            telemetry::computeKpis(db, "2026-11-01", "2026-11-03", "2026-11-05T00:00:00.000Z");
        QCOMPARE(r.days.size(), std::size_t(3));
        const auto &d1 = r.days[0];
        QCOMPARE(d1.day, std::string("2026-11-01"));
        QCOMPARE(d1.briefs, std::int64_t(2));
        QCOMPARE(d1.escalatedAtCreation, std::int64_t(1));
        QCOMPARE(d1.handoffHours.p50, 2.0);
        QCOMPARE(d1.handoffHours.p95, 6.0);
        QCOMPARE(d1.pipelineMs.p50, 10.0);
        QCOMPARE(d1.pipelineMs.p95, 100.0);
        QCOMPARE(d1.approved, std::int64_t(1));
        QCOMPARE(d1.edited, std::int64_t(1));
        QCOMPARE(d1.escalated, std::int64_t(1)); // at creation and in review: one brief
        QCOMPARE(d1.reviewHours.p50, 4.0);
        QCOMPARE(d1.reviewHours.p95, 36.0);
        QCOMPARE(d1.slaBreaches, std::int64_t(1));
        QCOMPARE(d1.pushDone + d1.pushFailed, std::int64_t(0));
        QCOMPARE(d1.violations, std::int64_t(2));
        const auto &d2 = r.days[1];
        QCOMPARE(d2.briefs, std::int64_t(1));
        QCOMPARE(d2.handoffHours.p50, 24.0);
        QCOMPARE(d2.pipelineMs.p95, 300.0);
        QCOMPARE(d2.reviewHours.count, std::int64_t(0));
        QCOMPARE(d2.slaBreaches, std::int64_t(1)); // undecided, due before now
        QCOMPARE(d2.pushDone, std::int64_t(2));
        QCOMPARE(d2.pushFailed, std::int64_t(1));
        const auto &d3 = r.days[2];
        QCOMPARE(d3.briefs, std::int64_t(0));
        QCOMPARE(d3.violations, std::int64_t(2));

        QCOMPARE(r.dataQuality.size(), std::size_t(3));
        QCOMPARE(r.dataQuality.at("0.9-1.0"), std::int64_t(1));
        QCOMPARE(r.dataQuality.at("0.5-0.6"), std::int64_t(1));
        QCOMPARE(r.dataQuality.at("0.7-0.8"), std::int64_t(1));
        QCOMPARE(r.violations.size(), std::size_t(3));
        QCOMPARE(r.violations[0].source, std::string("hubspot"));
        QCOMPARE(r.violations[0].contract, std::string("lead@2"));
        QCOMPARE(r.violations[0].field, std::string("email"));
        QCOMPARE(r.violations[0].records, std::int64_t(2));
        QCOMPARE(r.accuracy.size(), std::size_t(5));
        const auto top = r.accuracy.back(); // bands in order: 0-20 .. 80-100
        QCOMPARE(top.band, std::string("80-100"));
        QCOMPARE(top.approved, std::int64_t(1));
        QCOMPARE(top.opportunities, std::int64_t(1));
        QCOMPARE(top.meanScore, 85.0);
        // By the version its scoring step recorded: the one approval, scored by 1.0.0.
        QCOMPARE(r.accuracyByVersion.size(), std::size_t(1));
        QCOMPARE(r.accuracyByVersion[0].version, std::string("1.0.0"));
        QCOMPARE(r.accuracyByVersion[0].approved, std::int64_t(1));
        QCOMPARE(r.accuracyByVersion[0].opportunities, std::int64_t(1));
        QCOMPARE(r.accuracyByVersion[0].meanScore, 85.0);
        QVERIFY(json::parse(telemetry::kpisJson(r))["post_handoff_by_scoring_version"][0]
                    ["scoring_version"] == "1.0.0");
        QCOMPARE(r.heartbeats.size(), std::size_t(2));
        QCOMPARE(r.heartbeats[0].what, std::string("marketo sync"));
        QCOMPARE(r.heartbeats[0].hoursLate, 72.0);
        QCOMPARE(r.heartbeats[1].what, std::string("enrichment"));
        QCOMPARE(r.heartbeats[1].lastSeen, std::string());
        // The CSV has a row per day, and says what the JSON says.
        const auto csv = telemetry::kpisCsv(r);
        QCOMPARE(std::count(csv.begin(), csv.end(), '\n'), 4L);
        QVERIFY(csv.find("2026-11-02,1,0,24.000,24.000,300.0,300.0,0,0,0,0.000,0.000,1,2,1,0") !=
                std::string::npos);
        const auto parsed = json::parse(telemetry::kpisJson(r));
        QVERIFY(parsed["days"][0]["review_hours"]["p95"] == json(36.0));
    }

    // Versions with their status and what arrived under them; violations per field and day
    // as a share of everything that arrived under the contract that day.
    void theContractReportCountsWhatArrived()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        db.exec("INSERT INTO contract_drift (batch_id, contract, version, field, records) VALUES "
                "(1, 'lead', 2, 'properties/Industry', 7)");
        const auto registry = contracts::ContractRegistry::builtIn();
        const auto r =
            telemetry::contractReport(db, registry, *util::parseRfc3339("2026-11-05T00:00:00Z"));
        QCOMPARE(r.versions.size(), registry.versions().size());
        const auto lead = std::find_if(r.versions.begin(), r.versions.end(), [](const auto &v) {
            return v.name == "lead" && v.version == 2;
        });
        QVERIFY(lead != r.versions.end());
        QCOMPARE(lead->records, std::int64_t(40));
        QCOMPARE(lead->quarantined, std::int64_t(3));
        QCOMPARE(lead->status, std::string("active"));
        QCOMPARE(r.drift.size(), std::size_t(1));
        QCOMPARE(r.drift[0].field, std::string("properties/Industry"));
        QCOMPARE(r.drift[0].lastSeen, std::string("2026-11-04T11:59:00.000Z"));
        const auto email = std::find_if(r.violations.begin(), r.violations.end(),
                                        [](const auto &v) { return v.field == "email"; });
        QVERIFY(email != r.violations.end());
        QCOMPARE(email->day, std::string("2026-11-04"));
        QCOMPARE(email->violations, std::int64_t(2));
        QCOMPARE(email->records, std::int64_t(43)); // 40 accepted, 3 quarantined
        db.exec("DELETE FROM contract_drift");
    }

    // A record a vendor file refused before its version was known (Marketo's unknown
    // activity type, HubSpot's unreadable opt-out) names the contract alone: its rate is over
    // every record checked under that contract that day, not over the refused ones alone
    // (the console showed 37 of 37, 100 %).
    void anUnversionedViolationCountsEveryRecordChecked()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        db.exec("INSERT INTO quarantine (batch_id, file_name, line, contract, field, message, "
                "errors, created_at) VALUES (1, 'contacts.csv', 9, 'lead', 'opted_out', 'm', "
                "'[]', '2026-11-04T12:00:00.000Z')");
        const auto r = telemetry::contractReport(db, contracts::ContractRegistry::builtIn(),
                                                 *util::parseRfc3339("2026-11-05T00:00:00Z"));
        db.exec("DELETE FROM quarantine WHERE field = 'opted_out'");
        const auto optedOut = std::find_if(r.violations.begin(), r.violations.end(),
                                           [](const auto &v) { return v.field == "opted_out"; });
        QVERIFY(optedOut != r.violations.end());
        QCOMPARE(optedOut->contract, std::string("lead"));
        QCOMPARE(optedOut->violations, std::int64_t(1));
        QCOMPARE(optedOut->records, std::int64_t(44)); // 40 accepted, 3 + 1 quarantined
        QVERIFY(optedOut->rate() < 0.05);
    }

    void percentilesAreNearestRank()
    {
        const auto p = telemetry::percentiles({4, 1, 3, 2});
        QCOMPARE(p.p50, 2.0);
        QCOMPARE(p.p95, 4.0);
        QCOMPARE(telemetry::percentiles({}).count, std::int64_t(0));
    }

    void openLineageEventsFollowTheSpec()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        telemetry::ExportOptions options;
        options.since = "2026-10-01";
        const auto lines =
            telemetry::openLineageEvents(db, contracts::ContractRegistry::builtIn(), options);
        QCOMPARE(lines.size(), std::size_t(6)); // START and COMPLETE for a run and two batches
        const auto v = validator("openlineage_run_event.schema.json");
        std::map<std::string, std::vector<std::string>> byRun;
        for (const auto &line : lines) {
            const auto e = json::parse(line);
            QVERIFY2(errorsOf(v, e).empty(), (errorsOf(v, e) + line.substr(0, 300)).c_str());
            byRun[e["run"]["runId"]].push_back(e["eventType"]);
        }
        QCOMPARE(byRun.size(), std::size_t(3));
        for (const auto &[run, types] : byRun)
            QVERIFY(types == (std::vector<std::string>{"START", "COMPLETE"}));
        // The pipeline run: the four input tables and the briefs out, with the brief
        // contract's fields and the row count written.
        json complete;
        for (const auto &line : lines) {
            const auto e = json::parse(line);
            if (e["job"]["name"] == "pipeline.run" && e["eventType"] == "COMPLETE")
                complete = e;
        }
        QVERIFY(complete["job"]["name"] == json("pipeline.run"));
        QCOMPARE(complete["inputs"].size(), std::size_t(4));
        QVERIFY(complete["outputs"][0]["name"] == json("briefs"));
        QVERIFY(complete["outputs"][0]["outputFacets"]["outputStatistics"]["rowCount"] == json(3));
        bool hasProfile = false;
        for (const auto &f : complete["outputs"][0]["facets"]["schema"]["fields"])
            hasProfile = hasProfile || f["name"] == "profile";
        QVERIFY(hasProfile);
        // An ingest batch's run id is derived, the same on every export.
        const auto again =
            telemetry::openLineageEvents(db, contracts::ContractRegistry::builtIn(), options);
        QCOMPARE(again, lines);
    }

    void tracesFollowTheOtlpJsonMapping()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        telemetry::ExportOptions options;
        options.since = "2026-10-01";
        const auto requests = telemetry::otlpTraces(db, options);
        QCOMPARE(requests.size(), std::size_t(1)); // one run
        const auto r = json::parse(requests[0]);
        const auto v = validator("otlp_traces.schema.json");
        QVERIFY2(errorsOf(v, r).empty(), errorsOf(v, r).c_str());
        const auto &spans = r["resourceSpans"][0]["scopeSpans"][0]["spans"];
        QCOMPARE(spans.size(), std::size_t(7 + 3)); // a span per step, one per lead
        // Lead 1's steps: children of its span, end to end, 100 ms in all.
        std::string parent;
        std::int64_t start = 0, end = 0;
        int children = 0;
        for (const auto &s : spans) {
            if (s["name"] == "baton.evaluate_lead" &&
                s["traceId"] == json("0123456789abcdef0123456789abcdef")) {
                parent = s["spanId"];
                start = std::stoll(s["startTimeUnixNano"].get<std::string>());
                end = std::stoll(s["endTimeUnixNano"].get<std::string>());
            }
        }
        for (const auto &s : spans)
            children += s.contains("parentSpanId") && s["parentSpanId"] == json(parent);
        QCOMPARE(children, 4);
        QCOMPARE(end - start, std::int64_t(100'000'000));
    }

    void derivedUuidsAreVersion8()
    {
        const auto id = telemetry::derivedUuid("x");
        QCOMPARE(id.size(), std::size_t(36));
        QCOMPARE(id[14], '8');
        QVERIFY(std::string("89ab").find(id[19]) != std::string::npos);
        QCOMPARE(telemetry::derivedUuid("x"), id);
        QVERIFY(telemetry::derivedUuid("y") != id);
    }
};

QTEST_GUILESS_MAIN(TestTelemetry)
#include "test_telemetry.moc"
