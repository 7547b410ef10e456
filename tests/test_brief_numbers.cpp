#include "DemoStore.h"
#include "agents/EnrichmentAgent.h"
#include "agents/Policy.h"
#include "agents/ScoringAgent.h"
#include "agents/SummarizationAgent.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/LeadInputReader.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/OpenStore.h"
#include "telemetry/Lineage.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace baton;

// The same fact reads the same in a brief's score, sentences and lineage: on a demo store the
// pipeline briefed, the pricing views and demo requests the score's factor counts, the
// summary's sentence counts and the lineage's group counts are the same events over the same
// stated window (the 30 days up to the brief), compared as the agents' structured counts, and
// what the brief says is what those counts render to.
class TestBriefNumbers : public QObject
{
    Q_OBJECT

private slots:
    void scoreSentenceAndLineageCountTheSameEvents()
    {
        QTemporaryDir dir;
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        const auto path = dir.filePath(QStringLiteral("store.sqlite")).toStdString();
        buildDemoStore(path, dir.filePath(QStringLiteral("demo")).toStdString(), 400, 21, now);
        auto db = store::openStore(testStoreLocation(path));
        pipeline::saveUsers(db, pipeline::demoTeam());
        const auto registry = contracts::ContractRegistry::builtIn();
        const auto policy = agents::defaultPolicy(registry);
        const FixedClock clock(now);
        RandomIdGenerator ids(3);
        pipeline::Orchestrator(db, registry, policy, clock, ids).run({});

        const agents::EnrichmentAgent enrichment(policy.enrichment);
        const agents::ScoringAgent scoring(policy.scoring);
        const agents::SummarizationAgent summarization;
        pipeline::LeadInputReader reader(db);
        pipeline::RunStore runs(db);
        int checked = 0, withEarlier = 0, demoBriefs = 0;
        auto st = db.prepare("SELECT id, lead_id FROM briefs WHERE status <> 'superseded'");
        while (st.step()) {
            const std::int64_t briefId = st.int64At(0);
            const auto inputs = reader.read(st.int64At(1), now);
            QVERIFY(inputs.has_value());
            const auto profile = enrichment.run(inputs->enrichment);
            const auto score = scoring.run(profile, inputs->events, now);
            const auto summary =
                summarization.run(inputs->enrichment.lead, profile, inputs->events, now);
            const auto brief = nlohmann::json::parse(*runs.briefJson(briefId));
            const auto lineage = telemetry::briefLineage(db, briefId);
            for (const std::string kind : {"pricing_page_view", "demo_request"}) {
                const auto counted = score.eventCounts.find(kind);
                if (counted == score.eventCounts.end())
                    continue;
                const agents::EventCount c = counted->second;
                // The summary counts the same events in the window.
                const auto said = summary.windowCounts.find(kind);
                QCOMPARE(said == summary.windowCounts.end() ? 0 : said->second, c.inWindow);
                // The lineage's group: the same events, split the same way.
                const auto *group = lineage.node("events:" + kind);
                QVERIFY2(group, kind.c_str());
                const auto detail = nlohmann::json::parse(group->detail);
                QCOMPARE(detail.value("in_window", -1), c.inWindow);
                QCOMPARE(detail.value("earlier", -1), c.earlier);
                QCOMPARE(detail.value("window_days", 0), agents::kSignalWindowDays);
                QCOMPARE(group->count, std::int64_t(c.inWindow + c.earlier));
                // And the brief says what they count, in the same words.
                const std::string name = agents::countedFactorName(kind, c);
                QCOMPARE(group->label, name);
                bool inFactors = false;
                for (const auto &f : brief["score"]["factors"])
                    inFactors = inFactors || f.value("name", "") == name;
                QVERIFY2(inFactors, name.c_str());
                if (kind == "pricing_page_view" && c.inWindow > 0) {
                    const std::string sentence = "Viewed pricing " + std::to_string(c.inWindow) +
                                                 (c.inWindow == 1 ? " time" : " times") +
                                                 " in the last 30 days, last on ";
                    bool found = false;
                    for (const auto &s : brief["summary"]["intent_signals"])
                        found = found || s.value("text", "").rfind(sentence, 0) == 0;
                    QVERIFY2(found, sentence.c_str());
                }
                demoBriefs += kind == "demo_request" && c.inWindow > 0;
                withEarlier += c.earlier > 0;
                ++checked;
            }
        }
        QVERIFY2(checked > 20, "the demo has too few briefs with pricing views or demo requests");
        QVERIFY2(demoBriefs > 0, "no brief with a demo request in the window");
        QVERIFY2(withEarlier > 0,
                 "no brief counts events before the window: the split is untested");
    }
};

QTEST_GUILESS_MAIN(TestBriefNumbers)
#include "test_brief_numbers.moc"
