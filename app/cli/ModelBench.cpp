#include "agents/Policy.h"
#include "cli/AdditiveReport.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "demo/Model.h"
#include "demo/Random.h"
#include "ingest/Importer.h"
#include "pipeline/ModelFitter.h"
#include "ports/Clock.h"
#include "scoring/LeadFacts.h"
#include "store/OpenStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace baton::app {

namespace {

struct Truth
{
    double propensity = 0;
    double luck = 0; // the part no record reflects
    double fit = 0;  // the part a lead's and its account's records tell
    bool quiet = false;
    double logIntensity = 0; // how engaged the lead is, which its events show only in part
};

// Record ID -> the demo's hidden propensity and its parts, from its ground_truth.csv.
std::map<std::string, Truth> groundTruth(const std::filesystem::path &file)
{
    std::map<std::string, Truth> out;
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() == 6)
            out[cells[0].toStdString()] = {cells[1].toDouble(), cells[2].toDouble(),
                                           cells[3].toDouble(), cells[4] == "1",
                                           cells[5].toDouble()};
    }
    return out;
}

// Lead id -> its truth, for the leads the demo wrote one for.
std::map<std::int64_t, Truth> truthByLead(store::Database &db,
                                          const std::map<std::string, Truth> &byRecord)
{
    std::map<std::int64_t, Truth> out;
    auto st = db.prepare("SELECT id, source_id FROM leads WHERE source_system = 'hubspot'");
    while (st.step()) {
        const auto it = byRecord.find(st.textAt(1));
        if (it != byRecord.end())
            out[st.int64At(0)] = it->second;
    }
    return out;
}

struct Ceilings
{
    double drawn = 0;    // the propensity the outcomes were drawn from: no model can do better
    double knowable = 0; // without its luck: what the records give if they tell it exactly
    double profile = 0;  // the chance given only the fit and whether the lead is quiet
};

// How well the hidden propensity, and the part of it a profile tells, rank the held-out leads.
Ceilings ceilingAuc(const scoring::AdditiveFit &fit, const std::vector<scoring::Example> &history,
                    const std::map<std::int64_t, Truth> &truth)
{
    std::map<std::int64_t, int> labels;
    for (const auto &e : history)
        labels[e.leadId] = e.label;
    std::vector<double> drawn, knowable, profile;
    std::vector<int> outcomes;
    for (const auto id : fit.testLeads) {
        const auto truthIt = truth.find(id);
        if (truthIt == truth.end())
            continue;
        const Truth &t = truthIt->second;
        drawn.push_back(t.propensity);
        knowable.push_back(t.propensity - t.luck);
        profile.push_back(demo::conversionChanceGiven(t.fit, t.quiet));
        outcomes.push_back(labels[id]);
    }
    return {scoring::rocAuc(drawn, outcomes), scoring::rocAuc(knowable, outcomes),
            scoring::rocAuc(profile, outcomes)};
}

// The same fit with each lead's hidden fit given as one more fact, and with its intensity as
// well: how much of the gap to the ceiling is the profile the model did not learn, and whether
// the model reaches the ceiling when the facts hold what the propensity is made of. Throws if
// the fit leaves a given fact out, which would make the figure the plain fit's again.
double aucWithHidden(std::vector<scoring::Example> history,
                     const std::map<std::int64_t, Truth> &truth, bool withIntensity)
{
    std::vector<std::string> names{"demo.hidden_fit"};
    if (withIntensity)
        names.push_back("demo.hidden_log_intensity");
    for (auto &example : history) {
        const auto it = truth.find(example.leadId);
        if (it == truth.end())
            continue;
        const double values[] = {it->second.fit, it->second.logIntensity};
        for (std::size_t i = 0; i < names.size(); ++i)
            example.facts[names[i]] = {std::to_string(values[i]), values[i], {}};
    }
    const auto fit = scoring::fitAdditive(history);
    const auto &features = fit.model.features;
    for (const auto &name : names)
        if (std::none_of(features.begin(), features.end(),
                         [&](const scoring::Feature &f) { return f.name == name; }))
            throw std::logic_error("the fit left " + name + " out");
    return fit.test.auc;
}

// The same fit given, as one more fact, the web sessions each lead had in the `days` before it
// was created: the anonymous visits Marketo's Munchkin and HubSpot's tracking code join to a
// lead, with their dates, when it first fills in a form. Drawn from its hidden intensity at the
// demo's everyday web rate (no research bursts), by a hash of its id: how far the demo's leads
// would let a model read their intensity if they arrived with that history.
double aucWithAnonymousHistory(std::vector<scoring::Example> history,
                               const std::map<std::int64_t, Truth> &truth, int days, double scale)
{
    const double weekShare = (5 + 2 * demo::kWeekendWebShare) / 7;
    for (auto &example : history) {
        const auto it = truth.find(example.leadId);
        if (it == truth.end())
            continue;
        const double perDay =
            demo::webSessionsPerWeekday(it->second.quiet, std::exp(it->second.logIntensity));
        demo::Rng rng(demo::mix64(static_cast<std::uint64_t>(example.leadId),
                                  static_cast<std::uint64_t>(days)));
        const int sessions = rng.poisson(perDay * scale * weekShare * days);
        example.facts["demo.anonymous_web_sessions"] = {std::to_string(sessions), sessions, {}};
    }
    return scoring::fitAdditive(history).test.auc;
}

// The facts of each of the model's features, one lead a row, oldest first, and the outcome:
// what scripts/scoring/baselines.py fits logistic regression and gradient boosting on, with
// the same newest fifth held out.
void writeFacts(const QString &path, const scoring::AdditiveFit &fit,
                std::vector<scoring::Example> history)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        throw std::runtime_error("cannot write " + path.toStdString());
    const auto cell = [](const std::string &text) {
        return QString::fromStdString(text).replace(QLatin1Char('"'), QStringLiteral("\"\""));
    };
    QTextStream out(&f);
    for (const auto &feature : fit.model.features)
        out << '"' << cell(feature.name) << "\",";
    out << "converted\n";
    std::stable_sort(history.begin(), history.end(),
                     [](const auto &a, const auto &b) { return a.at < b.at; });
    for (const auto &example : history) {
        for (const auto &feature : fit.model.features) {
            const auto it = example.facts.find(feature.name);
            if (it != example.facts.end())
                out << (it->second.number ? QString::number(*it->second.number, 'g', 10)
                                          : '"' + cell(it->second.text) + '"');
            out << ',';
        }
        out << example.label << '\n';
    }
}

store::Database importDemo(const demo::DemoFiles &files, const QString &path,
                           CommandContext &context)
{
    QFile::remove(path);
    auto db = store::openStore(path.toStdString());
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::Importer importer(db, registry, context.clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        importer.importFile(file);
    return db;
}

} // namespace

int benchModel(const QCommandLineParser &parser, CommandContext &context)
{
    const auto leads = integerOption(parser, QStringLiteral("leads"), 1000, 2000000, context);
    const auto days = integerOption(parser, QStringLiteral("days"), 1, 3650, context);
    const auto window = integerOption(parser, QStringLiteral("window-days"), 0, 3650, context);
    if (!leads || !days || !window)
        return 2;
    QTemporaryDir temporary;
    const QString dir = benchDirectory(parser, temporary);
    QElapsedTimer timer;
    timer.start();
    demo::DemoOptions options;
    options.leads = static_cast<int>(*leads);
    options.now = context.clock.now();
    options.groundTruth = true;
    options.days = static_cast<int>(*days);
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), options);
    auto db = importDemo(files, QDir(dir).filePath(QStringLiteral("model.sqlite")), context);
    context.out << "bench model: demo store of " << *leads << " leads, "
                << files.activityCount + files.eventCount << " events, built in "
                << QString::number(timer.restart() / 1000.0, 'f', 1) << " s\n";
    scoring::HistoryOptions historyOptions;
    historyOptions.windowDays = static_cast<int>(*window);
    const auto read = scoring::readHistory(db, context.clock.now(), historyOptions);
    const auto &history = read.examples;
    printHistory(context.out, read, timer.restart() / 1000.0);
    const auto fit = scoring::fitAdditive(history);
    printAdditiveFit(context.out, fit, timer.restart() / 1000.0);
    const auto truth = truthByLead(db, groundTruth(files.groundTruth));
    const auto ceiling = ceilingAuc(fit, history, truth);
    const double withHiddenFit = aucWithHidden(history, truth, false);
    const double withIntensity = aucWithHidden(history, truth, true);
    constexpr int kHistoryDays[] = {30, 90, 365};
    double withHistory[std::size(kHistoryDays)];
    for (std::size_t i = 0; i < std::size(kHistoryDays); ++i)
        withHistory[i] = aucWithAnonymousHistory(history, truth, kHistoryDays[i], files.scale);
    if (parser.isSet(QStringLiteral("facts")))
        writeFacts(parser.value(QStringLiteral("facts")), fit, history);
    const auto policy = agents::defaultPolicy(contracts::ContractRegistry::builtIn());
    const auto logistic =
        pipeline::ModelFitter(db, policy).fit(context.clock.now(), 60, historyOptions.windowDays);
    context.out
        << QStringLiteral(
               "  held-out AUC: additive %1; the hidden propensity on the "
               "same leads %2 without its luck (if the records told fit and "
               "intensity exactly), %3 with it (what the outcomes were drawn from); logistic on "
               "the policy's features %4 and the policy's points %5 (their "
               "split: 30% by id)\n")
               .arg(fit.test.auc, 0, 'f', 3)
               .arg(ceiling.knowable, 0, 'f', 3)
               .arg(ceiling.drawn, 0, 'f', 3)
               .arg(logistic.model.auc, 0, 'f', 3)
               .arg(logistic.model.baselineAuc, 0, 'f', 3)
        << QStringLiteral("  what the profile tells: the chance given each lead's hidden fit and "
                          "whether it is quiet %1; the additive fit given the hidden fit as one "
                          "more fact %2, and given its intensity too %3 (what the events leave "
                          "of the intensity is the rest of the gap)\n")
               .arg(ceiling.profile, 0, 'f', 3)
               .arg(withHiddenFit, 0, 'f', 3)
               .arg(withIntensity, 0, 'f', 3)
        << QStringLiteral(
               "  what anonymous history would tell (the web sessions of the days before "
               "each lead was created, drawn at its everyday rate, as one more fact): "
               "%1 days %2, %3 days %4, %5 days %6\n")
               .arg(kHistoryDays[0])
               .arg(withHistory[0], 0, 'f', 3)
               .arg(kHistoryDays[1])
               .arg(withHistory[1], 0, 'f', 3)
               .arg(kHistoryDays[2])
               .arg(withHistory[2], 0, 'f', 3);
    // Above what the propensity allows, the fit has read what came after the outcome.
    if (fit.test.auc > ceiling.drawn + 0.01)
        context.out << "  above the ceiling: facts from after the conversions leak into the fit "
                       "(with --days shorter than the leads' lives, old leads' events come after "
                       "their conversion; --window-days 0 reads everything up to now)\n";
    return 0;
}

} // namespace baton::app
