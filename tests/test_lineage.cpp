#include "ApprovedStore.h"
#include "pipeline/RunStore.h"
#include "telemetry/Lineage.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>
#include <set>

using namespace baton;
using Kind = telemetry::LineageNode::Kind;

// A brief's lineage on a demo store: exactly the records in its inputs, each back to its
// batch and file, on through the steps to the fields and the CRM; a field's upstream holds
// only what it rests on; a group of events opens into its events.
class TestLineage : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string m_path;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();

    static std::set<std::string> inputsOf(store::Database &db, std::int64_t brief)
    {
        // As any reader gets the brief: the store keeps the list packed beside it.
        const auto doc = nlohmann::json::parse(*pipeline::RunStore(db).briefJson(brief));
        std::set<std::string> out;
        for (const auto &item : doc.at("inputs_considered"))
            out.insert(item.at("ref").get<std::string>());
        return out;
    }

private slots:
    void initTestCase()
    {
        m_path = m_dir.filePath(QStringLiteral("lineage.sqlite")).toStdString();
        buildBriefedStore(m_path, m_dir.filePath(QStringLiteral("demo")).toStdString(), 600, 3,
                          m_registry);
        auto db = store::openStore(testStoreLocation(m_path));
        approveAll(db, m_registry);
    }

    void aBriefsLineageNamesExactlyItsInputs()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        auto briefs = db.prepare("SELECT id FROM briefs ORDER BY id LIMIT 10");
        int checked = 0;
        while (briefs.step()) {
            const auto id = briefs.int64At(0);
            const auto g = telemetry::briefLineage(db, id);
            std::set<std::string> records;
            std::int64_t events = 0;
            for (const auto &n : g.nodes) {
                if (n.kind == Kind::Record)
                    records.insert(n.id);
                if (n.kind == Kind::EventGroup)
                    events += n.count;
            }
            std::set<std::string> expected, expectedEvents;
            for (const auto &ref : inputsOf(db, id))
                (ref.rfind("event#", 0) == 0 ? expectedEvents : expected).insert(ref);
            QCOMPARE(records, expected);
            QCOMPARE(events, std::int64_t(expectedEvents.size()));
            // Every record and group comes from a batch, every batch from a file.
            for (const auto &n : g.nodes) {
                if (n.kind != Kind::Record && n.kind != Kind::EventGroup && n.kind != Kind::Batch)
                    continue;
                bool fed = false;
                for (const auto &e : g.edges)
                    if (e.to == n.id) {
                        const auto *from = g.node(e.from);
                        fed = fed || (from && from->kind == (n.kind == Kind::Batch ? Kind::File
                                                                                   : Kind::Batch));
                    }
                QVERIFY2(fed, n.id.c_str());
            }
            // The profile rests on the lead, account and enrichment records, no event; the
            // score on events too.
            const auto profile = g.upstream("field:/profile");
            for (const auto &up : profile)
                QVERIFY2(up.rfind("events:", 0) != 0, up.c_str());
            for (const auto &r : expected)
                QVERIFY2(std::find(profile.begin(), profile.end(), r) != profile.end(), r.c_str());
            if (!expectedEvents.empty()) {
                const auto score = g.upstream("field:/score");
                QVERIFY(std::any_of(score.begin(), score.end(), [](const std::string &s) {
                    return s.rfind("events:", 0) == 0;
                }));
            }
            // Approved: its operations and the steps' versions are there.
            QVERIFY(g.node("step:handoff") && g.node("step:handoff")->version == "handoff@1.0.0");
            // A step's rationale and escalations are stored once, in its row: its output points
            // into the brief for the rest, and the step's detail shows the rationale.
            for (const char *step : {"step:enrichment", "step:scoring"}) {
                const auto detail = nlohmann::json::parse(g.node(step)->detail);
                QVERIFY2(detail.contains("rationale"), step);
                QVERIFY(!detail.at("output").contains("rationale"));
                QVERIFY(!detail.at("output").contains("escalations"));
                QVERIFY(detail.at("output").contains("in_brief"));
            }
            QVERIFY(!nlohmann::json::parse(g.node("step:scoring")->detail).at("rationale").empty());
            ++checked;
        }
        QCOMPARE(checked, 10);
    }

    void aGroupOpensIntoItsEvents()
    {
        auto db = store::openStore(testStoreLocation(m_path));
        // The most inputs: the longest packed list.
        auto st = db.prepare("SELECT id FROM briefs ORDER BY length(inputs) DESC LIMIT 1");
        QVERIFY(st.step());
        const auto g = telemetry::briefLineage(db, st.int64At(0));
        const telemetry::LineageNode *group = nullptr;
        for (const auto &n : g.nodes)
            if (n.kind == Kind::EventGroup && (!group || n.count > group->count))
                group = &n;
        QVERIFY(group);
        // A type opens into days, which add up to it; a day opens into its events.
        const auto days = telemetry::expandEventGroup(db, g, group->id);
        QVERIFY(!days.node(group->id));
        std::int64_t inDays = 0;
        const telemetry::LineageNode *day = nullptr;
        for (const auto &n : days.nodes)
            if (n.kind == Kind::EventGroup && n.id.rfind(group->id + ":", 0) == 0) {
                inDays += n.count;
                day = &n;
            }
        QCOMPARE(inDays, group->count);
        QVERIFY(day);
        const auto open = telemetry::expandEventGroup(db, days, day->id);
        std::int64_t events = 0;
        for (const auto &n : open.nodes)
            events += n.kind == Kind::Event;
        QCOMPARE(events, day->count);
        // Each event feeds the steps its group fed.
        const auto score = open.upstream("field:/score");
        QVERIFY(std::any_of(score.begin(), score.end(),
                            [](const std::string &s) { return s.rfind("event#", 0) == 0; }));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, telemetry::briefLineage(db, 999999));
    }
};

QTEST_GUILESS_MAIN(TestLineage)
#include "test_lineage.moc"
