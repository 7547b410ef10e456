#include "TestStoreLocation.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "demo/Model.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/OpenStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <map>
#include <string>

using namespace baton;
using baton::demo::DemoFiles;
using baton::demo::DemoOptions;

namespace {

QByteArray readAll(const std::filesystem::path &path)
{
    QFile f(QString::fromStdString(path.string()));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::filesystem::path sub(const QTemporaryDir &dir, const char *name)
{
    return std::filesystem::path(dir.path().toStdString()) / name;
}

// A store in a temporary directory with the built-in contracts and the demo's "now".
struct Store
{
    explicit Store(const QTemporaryDir &dir, std::chrono::system_clock::time_point now)
        : clock(now), registry(contracts::ContractRegistry::builtIn()),
          db(store::openStore(testStoreLocation(sub(dir, "store.sqlite"))))
    {
    }
    ingest::ImportResult import(const std::filesystem::path &file)
    {
        ingest::Importer importer(db, registry, clock);
        return importer.importFile(file);
    }
    std::int64_t scalar(const std::string &sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }
    FixedClock clock;
    contracts::ContractRegistry registry;
    store::Database db;
};

int dataLines(const QByteArray &bytes)
{
    return static_cast<int>(bytes.count('\n')) - 1; // minus the header
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
private slots:
    void sameSeedWritesTheSameBytes()
    {
        QTemporaryDir a, b, c;
        DemoOptions o;
        o.leads = 400;
        o.groundTruth = true;
        const DemoFiles fa = demo::generateDemo(a.path().toStdString(), o);
        const DemoFiles fb = demo::generateDemo(b.path().toStdString(), o);
        for (const auto &[x, y] : {std::pair{fa.accounts, fb.accounts}, {fa.contacts, fb.contacts},
                                   {fa.activities, fb.activities}, {fa.enrichment, fb.enrichment},
                                   {fa.events, fb.events}, {fa.groundTruth, fb.groundTruth}}) {
            const QByteArray bytes = readAll(x);
            QVERIFY2(bytes.size() > 1000, x.c_str());
            QVERIFY2(bytes == readAll(y), x.c_str());
        }
        QCOMPARE(fa.activityCount, fb.activityCount);

        o.seed = 43;
        const DemoFiles fc = demo::generateDemo(c.path().toStdString(), o);
        QVERIFY(readAll(fa.accounts) != readAll(fc.accounts));
        QVERIFY(readAll(fa.contacts) != readAll(fc.contacts));
        QVERIFY(readAll(fa.activities) != readAll(fc.activities));
        QVERIFY(readAll(fa.events) != readAll(fc.events));
    }

    void writesTheDocumentedShapes()
    {
        QTemporaryDir dir;
        DemoOptions o;
        o.leads = 300;
        const DemoFiles f = demo::generateDemo(dir.path().toStdString(), o);
        QVERIFY(f.groundTruth.empty());
        QVERIFY(!std::filesystem::exists(sub(dir, "ground_truth.csv")));

        const QByteArray contacts = readAll(f.contacts);
        QVERIFY(contacts.startsWith("\xEF\xBB\xBF\"Record ID\",\"First Name\",\"Last Name\",\"Email\""));
        QVERIFY(contacts.contains("\"Industry\"\r\n"));
        QCOMPARE(static_cast<int>(contacts.count("\r\n")), o.leads + 1);
        QCOMPARE(f.contactCount, o.leads);

        const QByteArray activities = readAll(f.activities);
        QVERIFY(activities.startsWith("marketoGUID,leadId,activityDate,activityTypeId,campaignId,"
                                      "primaryAttributeValueId,primaryAttributeValue,attributes\n"));
        QCOMPARE(dataLines(activities), f.activityCount);
        QVERIFY(activities.contains(",null,"));
        QVERIFY(activities.contains("\"{\"\"Client IP Address\"\":\"\""));
        // About 25 activities per lead by default.
        QVERIFY2(f.activityCount > o.leads * 18 && f.activityCount < o.leads * 32,
                 qPrintable(QString::number(f.activityCount)));

        QVERIFY(readAll(f.accounts).startsWith("{\"contract\":\"account\",\"version\":1,\"record\":{"));
        const QByteArray enrichment = readAll(f.enrichment);
        QVERIFY(enrichment.contains("\"source_system\":\"harbor_data\""));
        QVERIFY(enrichment.contains("\"source_system\":\"meridian_intel\""));
        QVERIFY(enrichment.contains("\"kind\":\"lead\""));
        const QByteArray events = readAll(f.events);
        QVERIFY(events.contains("\"source_system\":\"on24\""));
        QVERIFY(events.contains("\"source_system\":\"website\""));
        QVERIFY(events.contains("\"version\":1,"));
    }

    void importsThroughTheRealImporter()
    {
        QTemporaryDir dir;
        DemoOptions o; // 2,000 leads
        o.groundTruth = true;
        const DemoFiles f = demo::generateDemo(sub(dir, "demo"), o);
        QVERIFY(f.malformedAccounts > 0 && f.malformedContacts > 0 && f.malformedActivities > 0 &&
                f.malformedEnrichment > 0 && f.malformedEvents > 0);
        QVERIFY(f.deprecatedEvents > 0);

        Store s(dir, o.now);
        struct Expect
        {
            std::filesystem::path file;
            const char *format;
            std::int64_t records, malformed;
        };
        const Expect expected[] = {
            {f.accounts, "jsonl", f.accountCount, f.malformedAccounts},
            {f.contacts, "hubspot", f.contactCount, f.malformedContacts},
            {f.activities, "marketo", f.activityCount, f.malformedActivities},
            {f.enrichment, "jsonl", f.enrichmentCount, f.malformedEnrichment},
            {f.events, "jsonl", f.eventCount, f.malformedEvents},
        };
        for (const Expect &e : expected) {
            const ingest::ImportResult r = s.import(e.file);
            const QByteArray what = QByteArray::fromStdString(e.file.filename().string());
            QVERIFY2(!r.failed, (what + ": " + r.error.c_str()).constData());
            QVERIFY2(r.format == e.format, (what + ": " + r.format.c_str()).constData());
            QCOMPARE(r.counts.read, e.records);
            QCOMPARE(r.counts.quarantined, e.malformed);
            QCOMPARE(r.counts.accepted, e.records - e.malformed);
            QCOMPARE(r.counts.inserted, e.records - e.malformed); // every id is unique
            if (e.file == f.events)
                QCOMPARE(r.counts.deprecated, f.deprecatedEvents);
            else
                QCOMPARE(r.counts.deprecated, 0);
        }
        // The deliberate mistakes are quarantined with the field a person would look at.
        for (const char *field : {"Email", "Create Date", "Lifecycle Stage", "attributes"})
            QVERIFY2(s.scalar("SELECT count(*) FROM quarantine WHERE field = '" + std::string(field) + "'") > 0, field);
        QVERIFY(s.scalar("SELECT count(*) FROM quarantine WHERE message LIKE '%truncated%'") > 0);
        QVERIFY(s.scalar("SELECT count(*) FROM quarantine WHERE field LIKE '%occurred_at%'") > 0);

        // Every Marketo lead id of a well-formed contact resolves to a lead.
        QVERIFY(s.scalar("SELECT count(*) FROM lead_identities WHERE source_system = 'marketo'") ==
                f.contactCount - f.malformedContacts);
        QCOMPARE(s.scalar("SELECT count(*) FROM events e WHERE e.lead_system = 'marketo' AND NOT EXISTS "
                          "(SELECT 1 FROM lead_identities i WHERE i.source_system = 'marketo' AND "
                          "i.source_id = e.lead_ref)") < f.activityCount / 50, true);
        QCOMPARE(s.scalar("SELECT count(DISTINCT country) FROM accounts") >= 10, true);
        QCOMPARE(s.scalar("SELECT count(DISTINCT industry) FROM accounts") >= 10, true);

        // Outcomes: a plausible share of leads older than 60 days became opportunities.
        const std::string cutoff = "'2026-09-17T12:00:00Z'"; // 60 days before 2026-11-16T12:00:00Z
        const std::int64_t old = s.scalar("SELECT count(*) FROM leads WHERE created_at < " + cutoff);
        const std::int64_t converted = s.scalar("SELECT count(*) FROM leads WHERE created_at < " + cutoff +
                                                " AND converted_at IS NOT NULL");
        QVERIFY(old > 1000);
        const double rate = static_cast<double>(converted) / static_cast<double>(old);
        QVERIFY2(rate > 0.05 && rate < 0.40, qPrintable(QString::number(rate)));
        QCOMPARE(s.scalar("SELECT count(*) FROM leads WHERE created_at >= " + cutoff +
                          " AND converted_at IS NOT NULL"), 0);

        // Conversions follow the hidden propensity, of which luck is a small part.
        std::map<std::string, double> propensity, chance;
        double sumLuckSquared = 0;
        const QList<QByteArray> lines = readAll(f.groundTruth).split('\n');
        QCOMPARE(lines.first(), QByteArray("Record ID,propensity,luck,fit,quiet,log_intensity"));
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QList<QByteArray> cells = lines[i].split(',');
            if (cells.size() == 6) {
                propensity[cells[0].toStdString()] = cells[1].toDouble();
                sumLuckSquared += cells[2].toDouble() * cells[2].toDouble();
                chance[cells[0].toStdString()] =
                    demo::conversionChanceGiven(cells[3].toDouble(), cells[4] == "1");
            }
        }
        QCOMPARE(static_cast<int>(propensity.size()), o.leads);
        const double luckSd = std::sqrt(sumLuckSquared / o.leads);
        QVERIFY2(luckSd > 0.4 && luckSd < 0.6, qPrintable(QString::number(luckSd)));
        double sumConverted = 0, sumOther = 0, expectedConversions = 0, variance = 0;
        int nConverted = 0, nOther = 0;
        auto st = s.db.prepare("SELECT source_id, converted_at IS NOT NULL FROM leads WHERE created_at < " + cutoff);
        while (st.step()) {
            const auto it = propensity.find(st.textAt(0));
            QVERIFY(it != propensity.end());
            const double p = chance.at(st.textAt(0));
            expectedConversions += p;
            variance += p * (1 - p);
            if (st.int64At(1)) {
                sumConverted += it->second;
                ++nConverted;
            } else {
                sumOther += it->second;
                ++nOther;
            }
        }
        QVERIFY(nConverted > 0 && nOther > 0);
        // The chance given fit and quietness averages the rest of the propensity out: as many
        // conversions as it expects, within four standard deviations.
        QVERIFY2(
            std::abs(nConverted - expectedConversions) < 4 * std::sqrt(variance),
            qPrintable(QStringLiteral("%1 converted, %2 expected").arg(nConverted).arg(expectedConversions)));
        QVERIFY2(sumConverted / nConverted > sumOther / nOther + 0.5,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sumConverted / nConverted).arg(sumOther / nOther)));
        // ...and leave a trace in the engagement a scorer can see.
        const std::int64_t eventsOfConverted = s.scalar(
            "SELECT count(*) FROM events e JOIN lead_identities i ON i.source_system = e.lead_system AND "
            "i.source_id = e.lead_ref JOIN leads l ON l.id = i.lead_id WHERE l.converted_at IS NOT NULL");
        const std::int64_t convertedLeads = s.scalar("SELECT count(*) FROM leads WHERE converted_at IS NOT NULL");
        const std::int64_t allLeads = s.scalar("SELECT count(*) FROM leads");
        const std::int64_t allEvents = s.scalar(
            "SELECT count(*) FROM events e JOIN lead_identities i ON i.source_system = e.lead_system AND "
            "i.source_id = e.lead_ref");
        QVERIFY(static_cast<double>(eventsOfConverted) / convertedLeads >
                1.5 * static_cast<double>(allEvents) / allLeads);
    }

    void hitsAnExactEventTarget()
    {
        QTemporaryDir dir;
        for (std::int64_t target : {std::int64_t(9000), std::int64_t(1234)}) { // above and below the model's count
            DemoOptions o;
            o.leads = 200;
            o.targetEvents = target;
            const DemoFiles f = demo::generateDemo(sub(dir, ("t" + std::to_string(target)).c_str()), o);
            QCOMPARE(f.activityCount, target);
            QCOMPARE(dataLines(readAll(f.activities)), static_cast<int>(target));
        }
    }

    void benchmarkFilesImportToTheSameRows()
    {
        QTemporaryDir dir;
        const auto now = DemoOptions::defaultNow();
        const auto csv = sub(dir, "bench.csv");
        const auto jsonl = sub(dir, "bench.jsonl");
        demo::writeMarketoActivities(csv, 5000, 7, now);
        demo::writeEventsJsonl(jsonl, 5000, 7, now);
        QCOMPARE(dataLines(readAll(csv)), 5000);
        QCOMPARE(static_cast<int>(readAll(jsonl).count('\n')), 5000);

        QTemporaryDir da, db;
        Store a(da, now), b(db, now);
        const auto ra = a.import(csv);
        const auto rb = b.import(jsonl);
        QCOMPARE(ra.counts.accepted, 5000);
        QCOMPARE(rb.counts.accepted, 5000);
        QCOMPARE(ra.counts.quarantined, 0);
        // Same records, so the same content hashes and the same columns.
        const std::string rows = "SELECT source_id, " + hexSql("content_hash") +
                                 ", type, occurred_at, activity_type_id, "
                                 "coalesce(campaign_id, '-'), coalesce(asset, '-'), coalesce(attributes, '-') "
                                 "FROM events ORDER BY source_id";
        auto ha = a.db.prepare(rows), hb = b.db.prepare(rows);
        int compared = 0;
        while (ha.step()) {
            QVERIFY(hb.step());
            for (int c = 0; c < 8; ++c)
                QCOMPARE(ha.textAt(c), hb.textAt(c));
            ++compared;
        }
        QVERIFY(!hb.step());
        QCOMPARE(compared, 5000);
    }

    void reportsProgress()
    {
        QTemporaryDir dir;
        DemoOptions o;
        o.leads = 1000;
        double last = -1;
        bool monotonic = true;
        demo::generateDemo(dir.path().toStdString(), o, [&](double fraction) {
            monotonic = monotonic && fraction >= last;
            last = fraction;
        });
        QVERIFY(monotonic);
        QCOMPARE(last, 1.0);
    }
};

QTEST_GUILESS_MAIN(TestDemo)
#include "test_demo.moc"
