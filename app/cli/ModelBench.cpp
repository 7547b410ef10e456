#include "agents/Policy.h"
#include "cli/AdditiveReport.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
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
#include <map>

namespace baton::app {

namespace {

struct Truth
{
    double propensity = 0;
    double luck = 0; // the part no record reflects
};

// Record ID -> the demo's hidden propensity and its luck, from its ground_truth.csv.
std::map<std::string, Truth> groundTruth(const std::filesystem::path &file)
{
    std::map<std::string, Truth> out;
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() == 3)
            out[cells[0].toStdString()] = {cells[1].toDouble(), cells[2].toDouble()};
    }
    return out;
}

struct Ceilings
{
    double drawn = 0;    // the propensity the outcomes were drawn from: no model can do better
    double knowable = 0; // without its luck: what the records give if they tell it exactly
};

// How well the hidden propensity itself ranks the held-out leads.
Ceilings ceilingAuc(store::Database &db, const scoring::AdditiveFit &fit,
                    const std::vector<scoring::Example> &history,
                    const std::map<std::string, Truth> &truth)
{
    std::map<std::int64_t, std::string> recordIds;
    auto st = db.prepare("SELECT id, source_id FROM leads WHERE source_system = 'hubspot'");
    while (st.step())
        recordIds[st.int64At(0)] = st.textAt(1);
    std::map<std::int64_t, int> labels;
    for (const auto &e : history)
        labels[e.leadId] = e.label;
    std::vector<double> drawn, knowable;
    std::vector<int> outcomes;
    for (const auto id : fit.testLeads) {
        const auto truthIt = truth.find(recordIds[id]);
        if (truthIt == truth.end())
            continue;
        drawn.push_back(truthIt->second.propensity);
        knowable.push_back(truthIt->second.propensity - truthIt->second.luck);
        outcomes.push_back(labels[id]);
    }
    return {scoring::rocAuc(drawn, outcomes), scoring::rocAuc(knowable, outcomes)};
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
    const auto ceiling = ceilingAuc(db, fit, history, groundTruth(files.groundTruth));
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
               .arg(logistic.model.baselineAuc, 0, 'f', 3);
    // Above what the propensity allows, the fit has read what came after the outcome.
    if (fit.test.auc > ceiling.drawn + 0.01)
        context.out << "  above the ceiling: facts from after the conversions leak into the fit "
                       "(with --days shorter than the leads' lives, old leads' events come after "
                       "their conversion; --window-days 0 reads everything up to now)\n";
    return 0;
}

} // namespace baton::app
