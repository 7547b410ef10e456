#include "cli/ScoringCostBench.h"

#include "agents/Policy.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/DryRun.h"
#include "pipeline/Orchestrator.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "scoring/LeadFacts.h"
#include "scoring/ModelVersions.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/PairedRatio.h"
#include "util/Time.h"

#include <QLocale>
#include <QTextStream>
#include <algorithm>
#include <array>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <thread>

namespace baton::app {

namespace {

// Processor time of every thread of this process: the work a run does, which wanders less
// on a shared VM than its wall time does.
double processSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// `fit` saved as a candidate the way `baton model fit --additive` saves one, and loaded back
// the way `baton run --scoring` loads it.
pipeline::ScoringVariant savedCandidate(store::Database &db, const agents::Policy &policy,
                                        const scoring::AdditiveFit &fit, const std::string &now)
{
    const auto threshold = scoring::thresholdFor(
        policy.scoring.model.qualify, fit.testProbabilities, scoring::capacityAt(db, now));
    store::Transaction tx(db);
    const std::string version =
        scoring::saveCandidate(db, fit, threshold, policy.scoring.version, policy.sha256, now);
    tx.commit();
    auto candidate = scoring::loadCandidate(db, version);
    if (!candidate)
        throw std::runtime_error("the candidate just saved cannot be loaded: " + version);
    return {version, nullptr,
            std::make_shared<const scoring::ScoringCandidate>(std::move(*candidate))};
}

pipeline::ScoringVariant withThreshold(const pipeline::ScoringVariant &additive, double probability)
{
    auto candidate = std::make_shared<scoring::ScoringCandidate>(*additive.candidate);
    candidate->threshold.probability = probability;
    candidate->threshold.reason = "the bench's: as many briefs as the policy's points";
    return {additive.version, nullptr, std::move(candidate)};
}

// How many of `leads` (scored, each briefed or not for a trigger alone) get a brief when the
// `qualify` best-scored qualify, for each `qualify`: [0] none qualify.
std::vector<std::int64_t> briefsByQualifying(std::vector<pipeline::VariantTally::Lead> &leads)
{
    std::sort(leads.begin(), leads.end(),
              [](const auto &a, const auto &b) { return a.score > b.score; });
    std::int64_t triggered = 0;
    for (const auto &lead : leads)
        triggered += lead.briefed;
    std::vector<std::int64_t> briefs{triggered};
    for (const auto &lead : leads) // one more qualifies: briefed now, if not for a trigger
        briefs.push_back(briefs.back() + (lead.briefed ? 0 : 1));
    return briefs;
}

// The candidate with the threshold at which it briefs as many leads as the policy's points:
// the runs then write about as many briefs, so what differs between them is the scoring. A
// team's own rule may brief more or fewer. One dry run gives each lead's score and whether a
// trigger alone briefs it (the model qualifying none), and so the briefs at every threshold;
// a second checks the one chosen.
pipeline::ScoringVariant briefingAsManyAsThePoints(store::Database &db,
                                                   const contracts::ContractRegistry &registry,
                                                   const agents::Policy &policy,
                                                   const pipeline::ScoringVariant &additive,
                                                   CommandContext &context)
{
    const pipeline::ScoringVariant points{policy.scoring.version, nullptr, nullptr};
    const auto asOf = context.clock.now();
    clearPipelineOutput(db); // as the cold runs find it: no lead briefed before
    auto first = pipeline::dryRun(db, registry, policy, asOf,
                                  {points, withThreshold(additive, 2)}); // qualifies none
    const std::int64_t wanted = first.variants[0].briefed;
    auto &leads = first.variants[1].leads;
    const auto briefs = briefsByQualifying(leads);
    std::size_t qualify = 0;
    for (std::size_t k = 1; k < briefs.size(); ++k)
        if (std::abs(briefs[k] - wanted) < std::abs(briefs[qualify] - wanted))
            qualify = k;
    const double threshold = qualify == 0 ? 2 : leads[qualify - 1].score / 100;
    const auto chosen = withThreshold(additive, threshold);
    const auto check = pipeline::dryRun(db, registry, policy, asOf, {chosen});
    context.out << QStringLiteral("  its threshold set where it briefs about as many leads as "
                                  "the points (%1 and %2, by dry runs): a chance of %3\n")
                       .arg(wanted)
                       .arg(check.variants[0].briefed)
                       .arg(threshold, 0, 'f', 3);
    return chosen;
}

struct Runs
{
    std::vector<double> seconds, processorSeconds, readSeconds, agentSeconds, writeSeconds;
    std::int64_t briefed = 0;
};

double fastest(std::vector<double> values)
{
    return values.empty() ? 0 : *std::min_element(values.begin(), values.end());
}

void printComparison(const char *what, const std::vector<double> &points,
                     const std::vector<double> &model, CommandContext &context,
                     double (*statistic)(std::vector<double>) = util::median)
{
    const double a = statistic(points), b = statistic(model);
    context.out << QStringLiteral("    %1 %2 s with the points, %3 s with the model: %4%5%\n")
                       .arg(QLatin1String(what), -34)
                       .arg(a, 0, 'f', 2)
                       .arg(b, 0, 'f', 2)
                       .arg(b >= a ? QStringLiteral("+") : QString())
                       .arg(100 * (b - a) / a, 0, 'f', 1);
}

// Each pair's ratio: what the VM's wandering speed leaves of the model's cost.
void printPairedRatio(const char *what, const std::vector<double> &points,
                      const std::vector<double> &model, CommandContext &context)
{
    const auto r = util::pairedRatio(points, model);
    const auto percent = [](double x) {
        return (x >= 0 ? QStringLiteral("+") : QString()) + QString::number(100 * x, 'f', 1) +
               QLatin1Char('%');
    };
    context.out << QStringLiteral("    %1 %2 (90% bootstrap interval %3 to %4), the model "
                                  "slower in %5 of %6 pairs\n")
                       .arg(QLatin1String(what), -34)
                       .arg(percent(r.median), percent(r.low), percent(r.high))
                       .arg(r.slower)
                       .arg(r.pairs);
}

} // namespace

void benchScoringCost(store::Database &db, int runs, CommandContext &context)
{
    const auto registry = contracts::ContractRegistry::builtIn();
    const auto policy = agents::defaultPolicy(registry);
    // The demo's events are its last days, not aligned to each lead's creation: its history is
    // read up to now, as `baton model fit --additive --window-days 0` reads it.
    scoring::HistoryOptions history;
    history.windowDays = 0;
    const auto fit =
        scoring::fitAdditive(scoring::readHistory(db, context.clock.now(), history).examples, {});
    const auto saved = savedCandidate(db, policy, fit, util::formatUtc(context.clock.now()));
    context.out << QStringLiteral("  additive model %1: %2 features, fitted on %3 leads\n")
                       .arg(QString::fromStdString(saved.version))
                       .arg(fit.model.features.size())
                       .arg(fit.trainCount);
    const auto additive = briefingAsManyAsThePoints(db, registry, policy, saved, context);
    RandomIdGenerator ids;
    Runs points, model;
    context.out << QStringLiteral("  what scoring with the model adds to a cold run of every "
                                  "lead (%1 worker threads; the policy's points and the model "
                                  "alternately, each first in every other pair, %2 of each):\n")
                       .arg(std::max(1u, std::thread::hardware_concurrency()))
                       .arg(runs);
    for (int i = 0; i < runs; ++i) {
        // Each goes first in every other pair, so whatever a run leaves behind for the next
        // (dirty pages still being written back, the heap, the page cache) falls on both alike.
        const std::array<Runs *, 2> order =
            i % 2 ? std::array<Runs *, 2>{&model, &points} : std::array<Runs *, 2>{&points, &model};
        for (Runs *side : order) {
            clearPipelineOutput(db);
            db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); // each run starts from the same WAL
            pipeline::Orchestrator orchestrator(db, registry, policy, context.clock, ids);
            pipeline::RunOptions options;
            if (side == &model)
                options.scoring = additive;
            const double cpu0 = processSeconds();
            const auto run = orchestrator.run(options);
            side->processorSeconds.push_back(processSeconds() - cpu0);
            side->seconds.push_back(run.seconds);
            side->readSeconds.push_back(run.readSeconds);
            side->agentSeconds.push_back(run.agentSeconds);
            side->writeSeconds.push_back(run.writeSeconds);
            side->briefed = run.briefed;
        }
        context.out << QStringLiteral("    run %1: %2 s and %3 s (processor %4 s and %5 s)\n")
                           .arg(i + 1)
                           .arg(points.seconds.back(), 0, 'f', 2)
                           .arg(model.seconds.back(), 0, 'f', 2)
                           .arg(points.processorSeconds.back(), 0, 'f', 2)
                           .arg(model.processorSeconds.back(), 0, 'f', 2);
        context.out.flush();
    }
    printComparison("cold run (median)", points.seconds, model.seconds, context);
    printComparison("processor time, all threads", points.processorSeconds, model.processorSeconds,
                    context);
    // A shared VM only ever adds time: the fastest run of each is the least disturbed one.
    printComparison("cold run (fastest)", points.seconds, model.seconds, context, fastest);
    printComparison("processor time (least)", points.processorSeconds, model.processorSeconds,
                    context, fastest);
    printPairedRatio("each pair's ratio, wall (median)", points.seconds, model.seconds, context);
    printPairedRatio("each pair's ratio, processor", points.processorSeconds,
                     model.processorSeconds, context);
    printComparison("reading inputs, summed over threads", points.readSeconds, model.readSeconds,
                    context);
    printComparison("agents, summed over threads", points.agentSeconds, model.agentSeconds,
                    context);
    printComparison("writing", points.writeSeconds, model.writeSeconds, context);
    context.out << "    briefs: " << QLocale(QLocale::English).toString(points.briefed)
                << " with the points, " << QLocale(QLocale::English).toString(model.briefed)
                << " with the model (" << QString::fromStdString(additive.version) << ")\n";
}

} // namespace baton::app
