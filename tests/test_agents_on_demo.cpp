#include "DemoStore.h"
#include "agents/EnrichmentAgent.h"
#include "agents/HandoffAgent.h"
#include "agents/ScoringAgent.h"
#include "agents/SummarizationAgent.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "pipeline/LeadInputReader.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QTemporaryDir>
#include <QTest>

using namespace baton;

// The enrichment and scoring agents over a whole demo store: every lead gets a profile and
// a score, every record they cite exists, and the scores rank the leads that converted
// (drawn from the demo's hidden propensity) above those that did not.
class TestAgentsOnDemo : public QObject
{
    Q_OBJECT

    bool exists(store::Database &db, const std::string &ref)
    {
        const auto hash = ref.find('#');
        const std::string kind = ref.substr(0, hash);
        const std::string table = kind == "lead" ? "leads" : kind == "account" ? "accounts"
                                  : kind == "event" ? "events" : kind == "enrichment" ? "enrichment" : "";
        if (table.empty())
            return false;
        auto st = db.prepare("SELECT count(*) FROM " + table + " WHERE id = ?");
        st.bind(1, std::stoll(ref.substr(hash + 1)));
        return st.step() && st.int64At(0) == 1;
    }

private slots:
    void scoresEveryLeadAndRanksConvertedOnesHigher()
    {
        QTemporaryDir dir;
        const auto now = *util::parseRfc3339("2026-11-16T12:00:00Z");
        buildDemoStore(dir.filePath("store.sqlite").toStdString(), dir.filePath("demo").toStdString(), 600, 5, now);
        auto db = store::openStore(testStoreLocation(dir.filePath("store.sqlite").toStdString()));
        const auto registry = contracts::ContractRegistry::builtIn();
        const auto policy = agents::defaultPolicy(registry);
        const agents::EnrichmentAgent enrichment(policy.enrichment);
        const agents::ScoringAgent scoring(policy.scoring);
        const agents::SummarizationAgent summarization;
        const agents::HandoffAgent handoff(policy.handoff, registry);
        int briefs = 0, invalid = 0, escalatedBriefs = 0;
        pipeline::LeadInputReader reader(db);
        double convertedScore = 0, otherScore = 0;
        int converted = 0, others = 0, withAccount = 0, withEvents = 0, checked = 0, escalated = 0;
        for (const auto id : reader.leadIds()) {
            const auto inputs = reader.read(id, now);
            QVERIFY(inputs.has_value());
            const auto profile = enrichment.run(inputs->enrichment);
            const auto score = scoring.run(profile, inputs->events, now);
            const auto summary = summarization.run(inputs->enrichment.lead, profile, inputs->events, now);
            agents::HandoffInput h;
            h.lead = inputs->enrichment.lead;
            h.profile = profile;
            h.score = score;
            h.summary = summary;
            h.inputHashes = inputs->refsAndHashes();
            h.upstreamEscalations = profile.escalations;
            h.upstreamEscalations.insert(h.upstreamEscalations.end(), score.escalations.begin(), score.escalations.end());
            h.steps = {{"enrichment", enrichment.version(), "profile", 0}, {"scoring", scoring.version(), score.grid, 0},
                       {"summarization", agents::SummarizationAgent::Version, "summary", 0}};
            h.policySha256 = policy.sha256;
            h.now = now;
            const auto brief = handoff.run(h);
            ++briefs;
            invalid += !brief.contractErrors.empty();
            escalatedBriefs += brief.escalated;
            if (!brief.contractErrors.empty())
                qWarning("lead %lld: %s %s", static_cast<long long>(id), brief.contractErrors[0].pointer.c_str(),
                         brief.contractErrors[0].message.c_str());
            QVERIFY(score.score >= 0 && score.score <= 100);
            withAccount += inputs->enrichment.account.has_value();
            withEvents += !inputs->events.empty();
            escalated += !profile.escalations.empty();
            if (checked < 60) { // every cited record exists (a sample keeps the test quick)
                for (const auto &ref : profile.inputs)
                    QVERIFY2(exists(db, ref), ref.c_str());
                for (const auto &f : score.factors)
                    for (const auto &ref : f.evidence)
                        QVERIFY2(exists(db, ref), ref.c_str());
                for (const auto *list : {&summary.intentSignals, &summary.talkingPoints, &summary.risks})
                    for (const auto &sentence : *list) {
                        QVERIFY2(!sentence.evidence.empty(), sentence.text.c_str());
                        for (const auto &ref : sentence.evidence)
                            QVERIFY2(exists(db, ref), ref.c_str());
                    }
                ++checked;
            }
            if (inputs->convertedAt) {
                convertedScore += score.score;
                ++converted;
            } else {
                otherScore += score.score;
                ++others;
            }
        }
        QVERIFY2(withAccount > 500, qPrintable(QString::number(withAccount)));
        QVERIFY2(withEvents > 400, qPrintable(QString::number(withEvents)));
        QVERIFY(escalated > 0); // the demo's providers disagree now and then
        QCOMPARE(invalid, 0);   // every brief satisfies brief@1
        QVERIFY(escalatedBriefs > 0 && escalatedBriefs < briefs);
        qInfo("%d briefs, %d escalated", briefs, escalatedBriefs);
        QVERIFY(converted > 20 && others > 20);
        const double c = convertedScore / converted, o = otherScore / others;
        qInfo("mean score: converted %.1f (%d leads), others %.1f (%d leads)", c, converted, o, others);
        QVERIFY2(c > o + 3, qPrintable(QStringLiteral("converted %1 vs others %2").arg(c).arg(o)));
    }
};

QTEST_GUILESS_MAIN(TestAgentsOnDemo)
#include "test_agents_on_demo.moc"
