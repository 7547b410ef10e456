// The additive scoring model on a history whose truth is known: leads drawn from a stated
// additive log-odds over a lead source, minutes on site, an email opt-out and page views,
// with noise, an id, a field sales sets afterwards and a field that leaks the outcome under a
// name no rule knows. The fit must find the shapes, leave the leaks out, rank the newest
// leads nearly as well as the truth does, and explain each score as a sum.
#include "scoring/AdditiveFit.h"
#include "scoring/ScoringTable.h"
#include "util/Decimal.h"

#include <QTest>
#include <cmath>
#include <cstdio>
#include <random>

using namespace baton::scoring;

namespace {

struct History
{
    std::vector<Example> examples;
    std::vector<double> truth; // each lead's true log-odds
};

Fact text(const std::string &value, const std::string &evidence = {})
{
    return Fact{value, std::nullopt, evidence};
}

Fact number(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    return Fact{buffer, value, {}};
}

History history(int leads, std::uint32_t seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> unit(0, 1);
    const std::vector<std::pair<std::string, double>> sources{
        {"Reference", 1.6}, {"Google", 0.0}, {"Direct Traffic", -0.3}, {"Olark Chat", -1.0}};
    History h;
    for (int i = 0; i < leads; ++i) {
        Example e;
        char at[32];
        std::snprintf(at, sizeof at, "2026-%02d-%02dT00:00:00Z", 1 + i * 11 / leads, 1 + i % 28);
        e.at = at;
        const auto &[source, sourceEffect] = sources[random() % sources.size()];
        const double minutes = 60 * unit(random);
        const bool noEmail = unit(random) < 0.2;
        const int views = static_cast<int>(random() % 12);
        double z = -1.2 + sourceEffect + 0.05 * (minutes - 30) - (noEmail ? 1.3 : 0) +
                   (views >= 6 ? 0.6 : 0);
        e.label = unit(random) < 1 / (1 + std::exp(-z)) ? 1 : 0;
        const std::string lead = "lead#" + std::to_string(i + 1);
        e.facts["lead.Lead Source"] = text(source, lead);
        if (unit(random) < 0.9) // a tenth never measured: missing is a value too
            e.facts["lead.Time on site"] = number(minutes);
        e.facts["lead.Do Not Email"] = text(noEmail ? "Yes" : "No", lead);
        e.facts["events.page_view.count"] = number(views);
        e.facts["lead.City"] = text(random() % 2 ? "Mumbai" : "Pune");
        e.facts["lead.Email"] = text("person" + std::to_string(i) + "@example.com");
        e.facts["lead.Lead Status"] = text(e.label ? "Closed Won" : "Working");
        e.facts["lead.Tags"] = text((e.label ? unit(random) < 0.97 : unit(random) < 0.02)
                                        ? "Will revert after reading the email"
                                        : "Ringing");
        h.truth.push_back(z);
        h.examples.push_back(std::move(e));
    }
    return h;
}

const Feature *featureNamed(const AdditiveModel &m, const std::string &name, std::size_t &index)
{
    for (index = 0; index < m.features.size(); ++index)
        if (m.features[index].name == name)
            return &m.features[index];
    return nullptr;
}

double shapeAt(const AdditiveModel &m, const std::string &name, const Fact &fact)
{
    std::size_t j = 0;
    const Feature *f = featureNamed(m, name, j);
    return f ? m.shapes[j][static_cast<std::size_t>(f->binOf(&fact))] : NAN;
}

} // namespace

class TestAdditiveModel : public QObject
{
    Q_OBJECT

    History m_history = history(8000, 7);
    AdditiveFit m_fit = fitAdditive(m_history.examples);

private slots:
    void leaksAndIdsAreLeftOut()
    {
        const auto excludedFor = [&](const std::string &name) {
            for (const auto &x : m_fit.excluded)
                if (x.name == name)
                    return x.why;
            return std::string();
        };
        QVERIFY2(excludedFor("lead.Lead Status").find("after the handoff") != std::string::npos,
                 excludedFor("lead.Lead Status").c_str());
        QVERIFY2(excludedFor("lead.Tags").find("suspected leakage") != std::string::npos,
                 excludedFor("lead.Tags").c_str());
        QCOMPARE(m_fit.suspectedLeaks, std::vector<std::string>{"lead.Tags"});
        QVERIFY(excludedFor("lead.Email").find("value of its own") != std::string::npos);
        std::size_t j = 0;
        QVERIFY(featureNamed(m_fit.model, "lead.Lead Source", j));
        QCOMPARE(m_fit.model.features[j].kind, FeatureKind::Categorical);
        QVERIFY(featureNamed(m_fit.model, "lead.Time on site", j));
        QCOMPARE(m_fit.model.features[j].kind, FeatureKind::Numeric);
        QVERIFY(featureNamed(m_fit.model, "lead.Do Not Email", j));
        QCOMPARE(m_fit.model.features[j].kind, FeatureKind::Boolean);
    }

    // Held out, the newest leads are ranked nearly as well as their true log-odds rank them.
    void ranksTheNewestLeadsNearlyAsWellAsTheTruth()
    {
        const auto &examples = m_history.examples;
        std::vector<double> truth;
        std::vector<int> labels;
        for (std::size_t i = examples.size() - m_fit.testCount; i < examples.size(); ++i) {
            truth.push_back(m_history.truth[i]);
            labels.push_back(examples[i].label);
        }
        const double ceiling = rocAuc(truth, labels);
        QVERIFY2(m_fit.test.auc > ceiling - 0.02,
                 qPrintable(QStringLiteral("AUC %1, truth %2").arg(m_fit.test.auc).arg(ceiling)));
        QCOMPARE(m_fit.testCount, std::size_t(1600));
        // Calibrated: on average it predicts the share that converted.
        double predicted = 0;
        for (const auto &bin : m_fit.test.calibration)
            predicted += bin.predicted * bin.count;
        predicted /= static_cast<double>(m_fit.test.count);
        QVERIFY2(
            std::abs(predicted - m_fit.test.positiveRate) < 0.03,
            qPrintable(QStringLiteral("%1 vs %2").arg(predicted).arg(m_fit.test.positiveRate)));
        const double base = m_fit.test.positiveRate;
        QVERIFY(m_fit.test.brier < base * (1 - base)); // better than the base rate for all
    }

    void learnsTheShapes()
    {
        const auto &m = m_fit.model;
        QVERIFY(shapeAt(m, "lead.Lead Source", text("Reference")) >
                shapeAt(m, "lead.Lead Source", text("Google")) + 0.8);
        QVERIFY(shapeAt(m, "lead.Lead Source", text("Google")) >
                shapeAt(m, "lead.Lead Source", text("Olark Chat")) + 0.5);
        QVERIFY(shapeAt(m, "lead.Time on site", number(55)) >
                shapeAt(m, "lead.Time on site", number(5)) + 1.5);
        QVERIFY(shapeAt(m, "lead.Do Not Email", text("No")) >
                shapeAt(m, "lead.Do Not Email", text("Yes")) + 0.8);
        QVERIFY(m_fit.features.front().name == "lead.Time on site" ||
                m_fit.features.front().name == "lead.Lead Source");
    }

    void aScoreIsTheSumOfItsParts()
    {
        for (std::size_t i = 0; i < 200; ++i) {
            const auto &facts = m_history.examples[i].facts;
            const Explanation e = m_fit.model.explain(facts);
            double sum = e.base;
            for (const auto &part : e.parts)
                sum += part.points;
            QVERIFY(std::abs(sum - e.score) < 1e-9);
            const double p =
                1 /
                (1 + std::exp(-(e.score - kEvenOddsPoints) * std::log(2.0) / kPointsPerDoubling));
            QVERIFY(std::abs(p - e.probability) < 1e-9);
            QVERIFY(std::abs(e.probability - m_fit.model.probability(facts)) < 1e-12);
            for (std::size_t k = 1; k < e.parts.size(); ++k)
                QVERIFY(std::abs(e.parts[k - 1].points) >= std::abs(e.parts[k].points));
        }
        const Explanation first = m_fit.model.explain(m_history.examples[0].facts);
        bool cited = false;
        for (const auto &part : first.parts)
            cited = cited || (part.feature == "lead.Lead Source" && part.evidence == "lead#1");
        QVERIFY(cited);
    }

    // A brief lists the largest parts and sums the rest, so its sum still holds.
    void aShortExplanationListsTheLargestParts()
    {
        for (std::size_t i = 0; i < 50; ++i) {
            const auto &facts = m_history.examples[i].facts;
            const Explanation all = m_fit.model.explain(facts);
            const Explanation two = m_fit.model.explain(facts, 2);
            QVERIFY(all.parts.size() > 2);
            QCOMPARE(two.parts.size(), std::size_t(2));
            QCOMPARE(two.restCount, all.parts.size() - 2);
            QCOMPARE(all.restCount, std::size_t(0));
            double rest = 0;
            for (std::size_t k = 0; k < all.parts.size(); ++k) {
                if (k < 2) {
                    QCOMPARE(two.parts[k].feature, all.parts[k].feature);
                    QCOMPARE(two.parts[k].bin, all.parts[k].bin);
                    QCOMPARE(two.parts[k].points, all.parts[k].points);
                } else {
                    rest += all.parts[k].points;
                }
            }
            QVERIFY(std::abs(two.rest - rest) < 1e-9);
            QVERIFY(std::abs(two.base + two.parts[0].points + two.parts[1].points + two.rest -
                             two.score) < 1e-9);
            QCOMPARE(two.score, all.score);
        }
    }

    void theSameHistoryGivesTheSameModel()
    {
        const auto again = fitAdditive(m_history.examples);
        QCOMPARE(again.model.toJson().dump(), m_fit.model.toJson().dump());
        const auto loaded = AdditiveModel::fromJson(m_fit.model.toJson());
        for (std::size_t i = 0; i < 50; ++i)
            QCOMPARE(loaded.probability(m_history.examples[i].facts),
                     m_fit.model.probability(m_history.examples[i].facts));
        auto broken = m_fit.model.toJson();
        broken["features"][0]["shape"].erase(0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, AdditiveModel::fromJson(broken));
    }

    // A plan that pays off only with heavy use: no single shape can say it, a pair can.
    void aPairIsKeptWhereItEarnsItsKeep()
    {
        std::mt19937 random(11);
        std::uniform_real_distribution<double> unit(0, 1);
        std::vector<Example> examples;
        for (int i = 0; i < 6000; ++i) {
            Example e;
            e.at = "2026-01-01T00:00:" + std::to_string(10 + i % 50) + "Z#" + std::to_string(i);
            const bool plan = unit(random) < 0.5;
            const double minutes = 60 * unit(random);
            const double z = -1.5 + ((plan == (minutes > 30)) ? 1.6 : -1.6);
            e.label = unit(random) < 1 / (1 + std::exp(-z)) ? 1 : 0;
            e.facts["lead.Plan"] = text(plan ? "yes" : "no");
            e.facts["lead.Minutes"] = number(minutes);
            e.facts["lead.Region"] = text(random() % 2 ? "north" : "south");
            examples.push_back(std::move(e));
        }
        FitOptions single;
        single.maxInteractions = 0;
        const auto alone = fitAdditive(examples, single);
        const auto paired = fitAdditive(examples);
        QVERIFY2(paired.test.auc > alone.test.auc + 0.1,
                 qPrintable(QStringLiteral("%1 vs %2").arg(paired.test.auc).arg(alone.test.auc)));
        QVERIFY(!paired.model.interactions.empty());
        const auto &top = paired.model.interactions.front();
        QCOMPARE(paired.model.features[top.first].name + " & " +
                     paired.model.features[top.second].name,
                 std::string("lead.Minutes & lead.Plan"));
        // Its part is in the explanation, and the parts still sum to the score.
        const Explanation e = paired.model.explain(examples.front().facts);
        double sum = e.base;
        bool named = false;
        for (const auto &part : e.parts) {
            sum += part.points;
            named = named || part.feature == "lead.Minutes & lead.Plan";
        }
        QVERIFY(named);
        QVERIFY(std::abs(sum - e.score) < 1e-9);
        const auto loaded = AdditiveModel::fromJson(paired.model.toJson());
        QCOMPARE(loaded.probability(examples[5].facts),
                 paired.model.probability(examples[5].facts));
        // A run scores with the model laid out in one table: the same probability, to the
        // last bit, pairs and all.
        const ScoringTable table(paired.model);
        for (const auto &example : examples) {
            const BinRow row = paired.model.binRowOf(example.facts);
            QVERIFY(table.probability(row) == paired.model.probability(example.facts));
        }
        BinRow shorter = paired.model.binRowOf(examples.front().facts);
        shorter.bins.pop_back();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, table.probability(shorter));
    }

    void tooLittleHistoryIsSaid()
    {
        auto few = history(60, 3).examples;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, fitAdditive(few));
    }

    // Bounds and points are written without printf, digit for digit as printf wrote them:
    // briefs and bin labels read as they always have.
    void numbersReadAsPrintfWroteThem()
    {
        std::mt19937_64 rng(7);
        std::uniform_real_distribution<double> any(-5000, 5000);
        std::vector<double> values{0.05,   0.15, 0.25,   -0.25,   2.5,   0.0005,
                                   0.0015, -0.0, 1e-300, -1e-300, 1e300, 123456789.125};
        for (int i = -2000; i <= 2000; ++i)
            values.insert(values.end(), {i / 20.0, i / 8000.0, i / 3.0});
        for (int i = 0; i < 20000; ++i)
            values.push_back(any(rng));
        for (const double v : values)
            for (const int decimals : {0, 1, 3, 6}) {
                char printed[512];
                std::snprintf(printed, sizeof printed, "%.*f", decimals, v);
                QCOMPARE(baton::util::fixedDecimals(v, decimals), std::string(printed));
            }
    }
};

QTEST_GUILESS_MAIN(TestAdditiveModel)
#include "test_additive_model.moc"
