// A lead's history for the scoring model is what the store knew at its handoff moment:
// created + the window, or just before it converted. Properties are discovered, dates become
// ages, and events or dates after that moment are not known yet.
#include "TempStore.h"
#include "agents/Policy.h"
#include "pipeline/ModelFitter.h"
#include "scoring/FactBuilder.h"
#include "scoring/LeadFacts.h"
#include "scoring/ModelVersions.h"

#include <QTest>
#include <cmath>
#include <nlohmann/json.hpp>

using namespace baton;

namespace {

const QByteArray kHistory = R"(
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"a","email":"a@acme.com","created_at":"2026-01-01T00:00:00Z","converted_at":"2026-01-10T00:00:00Z","lifecycle_stage":"customer","properties":{"Lead Source":"Reference","Trial Date":"2026-01-05","Renewal Date":"2026-06-01","Page Views":"12"}}}
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"b","email":"b@acme.com","created_at":"2026-02-01T00:00:00Z","properties":{"Lead Source":"Google"}}}
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"c","email":"c@acme.com","created_at":"2026-11-01T00:00:00Z"}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e1","lead":{"source_system":"web","source_id":"a"},"type":"webinar_attended","occurred_at":"2026-01-03T00:00:00Z","attributes":{"minutes":12}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e2","lead":{"source_system":"web","source_id":"a"},"type":"webinar_attended","occurred_at":"2026-01-12T00:00:00Z","attributes":{"minutes":50}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e3","lead":{"source_system":"web","source_id":"b"},"type":"webinar_attended","occurred_at":"2026-02-03T00:00:00Z","attributes":{"minutes":"7"}}}
{"contract":"engagement_event","version":2,"record":{"source_system":"web","source_id":"e4","lead":{"source_system":"web","source_id":"b"},"type":"webinar_attended","occurred_at":"2026-02-20T00:00:00Z"}}
)";

// Two leads that converted weeks after their handoff.
const QByteArray kLaterConversions = R"(
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"d","email":"d@initech.com","created_at":"2026-03-01T00:00:00Z","converted_at":"2026-04-20T00:00:00Z"}}
{"contract":"lead","version":3,"record":{"source_system":"web","source_id":"e","email":"e@initech.com","created_at":"2026-03-01T00:00:00Z","converted_at":"2026-04-20T00:00:00Z"}}
)";

const scoring::Fact *factOf(const scoring::Example &e, const std::string &name)
{
    const auto it = e.facts.find(name);
    return it == e.facts.end() ? nullptr : &it->second;
}

} // namespace

class TestLeadHistory : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatWasKnownAtTheHandoff()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("history.jsonl"), kHistory.trimmed());
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.counts.accepted, 7);
        const auto read = scoring::readHistory(s.db, s.clock.now());
        const auto &history = read.examples;
        QCOMPARE(history.size(), std::size_t(2)); // c is too young to have an outcome
        // a converted before its handoff, and is every conversion there is: it stays.
        QCOMPARE(read.convertedBeforeHandoff, 1);
        QVERIFY(read.keptConvertedBeforeHandoff);
        const auto &a = history[0].label ? history[0] : history[1];
        const auto &b = history[0].label ? history[1] : history[0];
        QCOMPARE(a.label, 1);
        QCOMPARE(b.label, 0);
        QCOMPARE(a.at, std::string("2026-01-01T00:00:00Z"));

        QCOMPARE(factOf(a, "lead.Lead Source")->text, std::string("Reference"));
        QVERIFY(factOf(a, "lead.Lead Source")->evidence.rfind("lead#", 0) == 0);
        QCOMPARE(factOf(a, "lead.Page Views")->number.value_or(-1), 12.0);
        // Known four days before the handoff (a converted on the 10th: its moment is just
        // before); the renewal date lies after it, so it was not known.
        QCOMPARE(factOf(a, "lead.Trial Date")->number.value_or(-1), 4.0);
        QVERIFY(!factOf(a, "lead.Renewal Date"));
        QVERIFY(!factOf(a, "lead.converted_at"));
        QVERIFY(!factOf(a, "lead.email"));
        QVERIFY(factOf(a, "lead.lifecycle_stage")); // read; discovery leaves it out

        // Only events by the handoff moment count: a's after converting, b's after 14 days.
        QCOMPARE(factOf(a, "events.webinar_attended.count")->number.value_or(-1), 1.0);
        QCOMPARE(factOf(a, "events.webinar_attended.minutes.sum")->number.value_or(-1), 12.0);
        QCOMPARE(factOf(b, "events.webinar_attended.count")->number.value_or(-1), 1.0);
        QCOMPARE(factOf(b, "events.webinar_attended.minutes.sum")->number.value_or(-1), 7.0);
        QCOMPARE(factOf(b, "events.webinar_attended.days_since_last")->number.value_or(-1), 12.0);
        QVERIFY(factOf(b, "events.webinar_attended.count")->evidence.rfind("event#", 0) == 0);
        // Figures read as std::to_string writes them, as they always have: a fit's levels.
        const auto *decayed = factOf(b, "events.webinar_attended.decayed");
        QVERIFY(decayed->number.value_or(0) > 0.5 && decayed->number.value_or(0) < 1);
        QCOMPARE(decayed->text, std::to_string(*decayed->number));
        QCOMPARE(factOf(b, "events.webinar_attended.days_since_last")->text,
                 std::string("12.000000"));
    }

    // Where most leads converted after their handoff, one that converted before it is left
    // out: its facts would end at its conversion and the others' at their handoff, and that
    // timing alone would tell the fit the outcome.
    void leavesOutLeadsDecidedBeforeTheirHandoff()
    {
        TempStore s;
        const auto r = s.import(QStringLiteral("history.jsonl"),
                                kHistory.trimmed() + '\n' + kLaterConversions.trimmed());
        QVERIFY2(!r.failed, r.error.c_str());
        QCOMPARE(r.counts.accepted, 9);
        const auto read = scoring::readHistory(s.db, s.clock.now());
        QCOMPARE(read.convertedBeforeHandoff, 1);
        QVERIFY(!read.keptConvertedBeforeHandoff);
        QCOMPARE(read.examples.size(), std::size_t(3)); // b, d and e; not a, not c
        for (const auto &example : read.examples)
            QVERIFY(!factOf(example, "lead.Lead Source") ||
                    factOf(example, "lead.Lead Source")->text != "Reference");
        // With everything up to now there is no handoff to convert before: a is back.
        scoring::HistoryOptions everything;
        everything.windowDays = 0;
        const auto all = scoring::readHistory(s.db, s.clock.now(), everything);
        QCOMPARE(all.convertedBeforeHandoff, 0);
        QCOMPARE(all.examples.size(), std::size_t(4));
    }

    // Events count per type and per Marketo activity type, whichever pairs they come in; a
    // model's filter puts the ones it reads at their positions, and nothing else.
    void countsEventsPerTypeAndActivityType()
    {
        const auto cutoff = util::parseRfc3339("2026-03-31T00:00:00Z").value();
        const auto day = std::chrono::hours(24);
        struct Event
        {
            const char *type;
            std::optional<std::int64_t> activity;
            int daysBefore;
        };
        const Event events[] = {{"web_visit", 1, 1},  {"form_submit", 2, 2}, {"web_visit", {}, 30},
                                {"web_visit", 1, 60}, {"web_visit", 13, 3},  {"web_visit", 1, -1}};
        const scoring::FactFilter filter =
            scoring::FactFilter::of({"events.web_visit.decayed", "events.activity_1.count",
                                     "events.activity_9.count", "events.activity_01.count"});
        scoring::FactBuilder all(cutoff), some(cutoff, scoring::kEngagementHalfLifeDays, &filter);
        std::int64_t id = 0;
        for (const auto &e : events)
            for (auto *builder : {&all, &some})
                builder->addEvent(++id, e.type, e.activity, cutoff - day * e.daysBefore, {});
        const auto facts = all.finish();
        const auto number = [&](const char *name) {
            const auto it = facts.find(name);
            return it == facts.end() ? -1.0 : it->second.number.value_or(-1);
        };
        QCOMPARE(number("events.web_visit.count"), 4.0); // not the one after the cutoff
        QCOMPARE(number("events.activity_1.count"), 2.0);
        QCOMPARE(number("events.activity_13.count"), 1.0);
        QCOMPARE(number("events.activity_2.count"), 1.0);
        QCOMPARE(number("events.form_submit.count"), 1.0);
        QCOMPARE(number("events.web_visit.days_since_last"), 1.0);
        QCOMPARE(facts.at("events.web_visit.days_since_last").evidence, std::string("event#1"));
        const double decayed = std::exp2(-1 / 30.0) + std::exp2(-1.0) + 0.25 + std::exp2(-0.1);
        QVERIFY(std::abs(number("events.web_visit.decayed") - decayed) < 1e-9);
        const auto row = some.finishRow();
        QCOMPARE(row.size(), std::size_t(4));
        QVERIFY(row[0] && std::abs(*row[0]->number - decayed) < 1e-9);
        QVERIFY(row[1] && *row[1]->number == 2.0);
        QVERIFY(!row[2]); // no activity of type 9
        QVERIFY(!row[3]); // facts name type 1 "activity_1", never "activity_01"
        QCOMPARE(row[1]->text, std::string("2"));

        // A model's filter: a numeric feature reads the number only, so no text is written.
        scoring::Feature decayedFeature, countFeature;
        decayedFeature.name = "events.web_visit.decayed";
        decayedFeature.kind = scoring::FeatureKind::Numeric;
        countFeature.name = "events.activity_1.count";
        countFeature.kind = scoring::FeatureKind::Categorical;
        const auto modelFilter = scoring::FactFilter::of({decayedFeature, countFeature});
        scoring::FactBuilder model(cutoff, scoring::kEngagementHalfLifeDays, &modelFilter);
        for (const auto &e : events)
            model.addEvent(++id, e.type, e.activity, cutoff - day * e.daysBefore, {});
        const auto modelRow = model.finishRow();
        QVERIFY(modelRow[0] && modelRow[0]->text.empty());
        QVERIFY(std::abs(*modelRow[0]->number - decayed) < 1e-9);
        QCOMPARE(modelRow[1]->text, std::string("2"));
    }

    // A record's facts are the same read from its text (as fits and runs read records) or
    // from its document (as enrichment fields are read): the same numbers, the same levels.
    void aRecordsTextGivesTheFactsItsDocumentGives_data()
    {
        QTest::addColumn<QString>("record");
        QTest::newRow("hubspot")
            << R"({"email":"a@acme.com","properties":{"Lead Source":"Reference",
            "Do Not Email":false,"Time on site":12.50,"Visits":7,"Huge":18446744073709551615,
            "Trial Date":"2026-01-05","Renewal Date":"2027-06-01","Notes":"","Gone":null,
            "Tags":["a","b"],"fields":{"Deep":"yes","name":"not a fact"}}})";
        QTest::newRow("exponent and escapes") << R"({"Score":1E2,"City":"Köln "Mitte"","id":-0})";
        QTest::newRow("past simdjson's integers")
            << R"({"Big":123456789012345678901234567890,"Lead Source":"Google"})";
        QTest::newRow("properties not an object")
            << R"({"properties":"x","fields":3,"Lead Source":"Google"})";
        QTest::newRow("not an object") << R"(["Lead Source"])";
        QTest::newRow("not json") << R"({"Lead Source": )";
    }
    void aRecordsTextGivesTheFactsItsDocumentGives()
    {
        QFETCH(QString, record);
        const std::string text = record.toStdString();
        const auto at = util::parseRfc3339("2026-03-01T00:00:00Z").value();
        scoring::FactBuilder fromText(at), fromDocument(at);
        fromText.addRecordText("lead.", text, "lead#1");
        fromDocument.addRecord("lead.", nlohmann::json::parse(text, nullptr, false), "lead#1");
        const auto a = fromText.finish(), b = fromDocument.finish();
        QCOMPARE(a.size(), b.size());
        for (const auto &[name, fact] : b) {
            const auto it = a.find(name);
            QVERIFY2(it != a.end(), name.c_str());
            QCOMPARE(it->second.text, fact.text);
            QCOMPARE(it->second.number.has_value(), fact.number.has_value());
            QCOMPARE(it->second.number.value_or(0), fact.number.value_or(0));
            QCOMPARE(it->second.evidence, fact.evidence);
        }
        // A model's filter finds the same fields by key, at their positions; who the lead is
        // stays out even when named.
        const auto filter = scoring::FactFilter::of(std::vector<std::string>{
            "lead.Lead Source", "lead.Deep", "lead.Time on site", "lead.email", "lead.Nope"});
        scoring::FactBuilder filtered(at, scoring::kEngagementHalfLifeDays, &filter);
        filtered.addRecordText("lead.", text, "lead#1");
        const auto row = filtered.finishRow();
        for (std::size_t i = 0; i < filter.names.size(); ++i) {
            const auto it = b.find(filter.names[i]);
            QCOMPARE(row[i].has_value(), it != b.end());
            if (row[i])
                QCOMPARE(row[i]->text, it->second.text);
        }
        if (record.contains(QLatin1String("Reference")))
            QCOMPARE(a.at("lead.Deep").text, std::string("yes"));
        if (record.contains(QLatin1String("Google")))
            QCOMPARE(a.at("lead.Lead Source").text, std::string("Google"));
    }

    // A fit is kept as a candidate version beside the logistic ones, with its report and the
    // threshold the policy's rule gave it; the logistic loader leaves it to loadCandidate.
    void aFitIsSavedAsACandidate()
    {
        TempStore s;
        scoring::AdditiveFit fit;
        scoring::Feature plan;
        plan.name = "lead.Plan";
        plan.kind = scoring::FeatureKind::Boolean;
        fit.model.features = {plan};
        fit.model.shapes = {{-0.5, 0.75, 0.0}};
        fit.model.intercept = -1;
        fit.test.auc = 0.71;
        fit.features = {{"lead.Plan", 4.2, 0.66}};
        fit.trainCount = 700;
        fit.testCount = 200;
        const auto version = scoring::saveCandidate(s.db, fit, {0.4, 0.2, "the top 20%"}, "1.0.0",
                                                    "sha", "2026-11-20T12:00:00Z");
        QCOMPARE(version, std::string("1.0.0+additive.1"));
        QVERIFY(scoring::isAdditiveVersion(version));
        const auto loaded = scoring::loadCandidate(s.db, version);
        QVERIFY(loaded.has_value());
        scoring::Facts yes{{"lead.Plan", scoring::Fact{"yes", std::nullopt, {}}}};
        QCOMPARE(loaded->model.probability(yes), fit.model.probability(yes));
        QCOMPARE(loaded->threshold.probability, 0.4);
        QCOMPARE(loaded->threshold.reason, std::string("the top 20%"));
        QCOMPARE(loaded->auc, 0.71);
        QCOMPARE(s.text("SELECT baseline_auc FROM scoring_models"), QStringLiteral("0.66"));
        QVERIFY(!scoring::loadCandidate(s.db, "1.0.0+fit.1"));
        const auto policy = agents::defaultPolicy(s.registry);
        pipeline::ModelFitter fitter(s.db, policy);
        QCOMPARE(fitter.models().size(), std::size_t(1));
        QVERIFY(!fitter.load(version));
    }
};

QTEST_GUILESS_MAIN(TestLeadHistory)
#include "test_lead_history.moc"
