#include "DemoStore.h"
#include "pipeline/LeadInputReader.h"
#include "pipeline/PriorBriefs.h"
#include "store/Database.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>
#include <span>
#include <sstream>

using namespace baton;

namespace {

std::string text(const std::optional<std::string> &s)
{
    return s ? "'" + *s + "'" : "null";
}

long long ticks(agents::TimePoint t)
{
    return static_cast<long long>(t.time_since_epoch().count());
}

// Everything a lead's evaluation can see of its inputs, as text to compare.
std::string describe(const pipeline::LeadInputs &in)
{
    std::ostringstream o;
    const auto &l = in.enrichment.lead;
    o << l.id << text(l.email) << text(l.jobTitle) << text(l.company) << text(l.companyDomain)
      << text(l.country) << text(l.firstName) << text(l.lastName) << l.optedOut << "|"
      << ticks(in.enrichment.now) << text(in.convertedAt) << text(in.createdAt) << "|";
    if (const auto &a = in.enrichment.account)
        o << a->id << a->name << text(a->domain) << text(a->industry) << text(a->country)
          << a->employees.value_or(-1) << a->annualRevenue.value_or(-1) << a->strategic;
    o << "|";
    for (const auto &ob : in.enrichment.observations)
        o << ob.id << ob.provider << ob.subjectKind << ticks(ob.observedAt)
          << ob.confidence.value_or(-1) << ob.fields.dump() << ";";
    o << "|";
    for (const auto &e : in.events)
        o << e.id << e.type << e.asset << ticks(e.occurredAt) << e.detail << ";";
    o << "|";
    for (const auto &[ref, hash] : in.refsAndHashes())
        o << ref << hash << ";";
    const auto &c = in.consent;
    o << "|" << c.leadId << c.sourceSystem << c.emailOptOut << c.doNotCall << c.doNotContact
      << ticks(c.at);
    for (const auto &s : c.emailSubscriptionOptOuts)
        o << s << ",";
    return o.str();
}

} // namespace

// The pipeline reads a batch of leads at once (LeadInputReader::prefetch, PriorBriefs):
// what it hands out must be what reading each lead by itself gives.
class TestLeadInputBatch : public QObject
{
    Q_OBJECT

private slots:
    void batchReadsWhatEachLeadReads()
    {
        QTemporaryDir dir;
        const auto built = *util::parseRfc3339("2026-11-16T12:00:00Z");
        const auto store = dir.filePath("store.sqlite").toStdString();
        buildDemoStore(store, dir.filePath("demo").toStdString(), 400, 11, built);
        auto db = store::openStore(testStoreLocation(store));
        pipeline::LeadInputReader single(db), batched(db);
        auto ids = single.leadIds();
        QVERIFY2(ids.size() >= 200, std::to_string(ids.size()).c_str());
        ids.push_back(ids.back() + 1000); // no such lead: neither reads one
        // As of now, and as of a moment some events came after (a replayed run).
        for (const auto asOf : {built, built - std::chrono::hours(24 * 20)}) {
            int events = 0, accounts = 0, observations = 0;
            for (std::size_t first = 0; first < ids.size(); first += 64) {
                const auto batch =
                    std::span(ids).subspan(first, std::min<std::size_t>(64, ids.size() - first));
                batched.prefetch(batch, asOf);
                for (const auto id : batch) {
                    const auto expected = single.read(id, asOf);
                    const auto got = batched.read(id, asOf);
                    QCOMPARE(got.has_value(), expected.has_value());
                    if (!expected)
                        continue;
                    QCOMPARE(describe(*got), describe(*expected));
                    QCOMPARE(got->eventsDigest(), expected->eventsDigest());
                    events += static_cast<int>(got->events.size());
                    accounts += got->enrichment.account.has_value();
                    observations += static_cast<int>(got->enrichment.observations.size());
                }
            }
            // The comparison means something only if the demo gave leads all three.
            QVERIFY(events > 1000);
            QVERIFY(accounts > 100);
            QVERIFY(observations > 100);
        }
    }

    void priorBriefsAnswerAsTheStoreDoes()
    {
        QTemporaryDir dir;
        const auto store = dir.filePath("store.sqlite").toStdString();
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(store, dir.filePath("demo").toStdString(), 100, 3, now);
        auto db = store::openStore(testStoreLocation(store));
        auto leads = db.prepare("SELECT id FROM leads ORDER BY id LIMIT 3");
        std::vector<std::int64_t> ids;
        while (leads.step())
            ids.push_back(leads.int64At(0));
        QCOMPARE(ids.size(), std::size_t(3));
        db.exec("INSERT INTO pipeline_runs (id, trigger, as_of, config_hash, policy_sha256, "
                "agent_versions, status, started_at) VALUES ('r', 'test', '2026-11-16T12:00:00Z', "
                "'c', 'p', '{}', 'done', '2026-11-16T12:00:00Z')");
        const auto brief = [&](std::int64_t lead, const char *fingerprint, const char *at) {
            auto st = db.prepare(
                "INSERT INTO briefs (lead_id, run_id, fingerprint, status, owner, sla_due, score, "
                "grid, escalation_reasons, brief, created_at) VALUES (?, 'r', ?, 'superseded', "
                "'o', ?, 1, 'A1', '[]', '{}', ?) RETURNING id");
            st.bindAll(lead, fingerprint, at, at);
            st.step();
            return st.int64At(0);
        };
        const auto first = brief(ids[0], "f1", "2026-11-02T09:00:00Z");
        brief(ids[0], "f2", "2026-11-10T09:00:00Z");
        brief(ids[0], "f4", "2026-11-05T09:00:00Z");
        brief(ids[1], "f3", "2026-10-01T09:00:00Z");

        pipeline::PriorBriefs prior;
        prior.load(db, ids);
        for (const auto id : ids)
            QVERIFY(prior.holds(id));
        QVERIFY(!prior.holds(ids[2] + 1000));
        QCOMPARE(prior.withFingerprint(ids[0], "f1"), std::optional(first));
        QVERIFY(prior.withFingerprint(ids[0], "f3") == std::nullopt);
        QVERIFY(prior.withFingerprint(ids[1], "f3").has_value());
        QVERIFY(prior.withFingerprint(ids[2], "f1") == std::nullopt);
        for (const auto id : ids) {
            auto last = db.prepare("SELECT max(created_at) FROM briefs WHERE lead_id = ?");
            last.bind(1, id);
            QVERIFY(last.step());
            QCOMPARE(prior.lastTime(id), last.optionalTextAt(0));
        }
        QCOMPARE(prior.lastTime(ids[0]), std::optional<std::string>("2026-11-10T09:00:00Z"));
    }
};

QTEST_GUILESS_MAIN(TestLeadInputBatch)
#include "test_lead_input_batch.moc"
