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
#include <map>

namespace baton::app {

namespace {

// Record ID -> the demo's hidden propensity, from its ground_truth.csv.
std::map<std::string, double> groundTruth(const std::filesystem::path &file)
{
    std::map<std::string, double> out;
    QFile f(QString::fromStdString(file.string()));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    f.readLine(); // header
    while (!f.atEnd()) {
        const QList<QByteArray> cells = f.readLine().trimmed().split(',');
        if (cells.size() == 2)
            out[cells[0].toStdString()] = cells[1].toDouble();
    }
    return out;
}

// How well the hidden propensity itself ranks the held-out leads: no model can do better.
double ceilingAuc(store::Database &db, const scoring::AdditiveFit &fit,
                  const std::vector<scoring::Example> &history,
                  const std::map<std::string, double> &truth)
{
    std::map<std::int64_t, std::string> recordIds;
    auto st = db.prepare("SELECT id, source_id FROM leads WHERE source_system = 'hubspot'");
    while (st.step())
        recordIds[st.int64At(0)] = st.textAt(1);
    std::map<std::int64_t, int> labels;
    for (const auto &e : history)
        labels[e.leadId] = e.label;
    std::vector<double> scores;
    std::vector<int> outcomes;
    for (const auto id : fit.testLeads) {
        const auto truthIt = truth.find(recordIds[id]);
        if (truthIt == truth.end())
            continue;
        scores.push_back(truthIt->second);
        outcomes.push_back(labels[id]);
    }
    return scoring::rocAuc(scores, outcomes);
}

} // namespace

int benchModel(const QCommandLineParser &parser, CommandContext &context)
{
    const auto leads = integerOption(parser, QStringLiteral("leads"), 1000, 2000000, context);
    if (!leads)
        return 2;
    QTemporaryDir temporary;
    const QString dir = benchDirectory(parser, temporary);
    QElapsedTimer timer;
    timer.start();
    demo::DemoOptions options;
    options.leads = static_cast<int>(*leads);
    options.now = context.clock.now();
    options.groundTruth = true;
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), options);
    const auto storePath = QDir(dir).filePath(QStringLiteral("model.sqlite")).toStdString();
    QFile::remove(QString::fromStdString(storePath));
    auto db = store::openStore(storePath);
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::Importer importer(db, registry, context.clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        importer.importFile(file);
    context.out << "bench model: demo store of " << *leads << " leads, "
                << files.activityCount + files.eventCount << " events, built in "
                << QString::number(timer.restart() / 1000.0, 'f', 1) << " s\n";
    scoring::HistoryOptions historyOptions;
    historyOptions.windowDays = 0; // the demo's events are its last 90 days, not aligned
    const auto history = scoring::readHistory(db, context.clock.now(), historyOptions);
    context.out << "  read " << history.size() << " leads with an outcome in "
                << QString::number(timer.restart() / 1000.0, 'f', 1) << " s\n";
    const auto fit = scoring::fitAdditive(history);
    printAdditiveFit(context.out, fit, timer.restart() / 1000.0);
    const double ceiling = ceilingAuc(db, fit, history, groundTruth(files.groundTruth));
    const auto policy = agents::defaultPolicy(registry);
    const auto logistic = pipeline::ModelFitter(db, policy).fit(context.clock.now(), 60, 0);
    context.out << QStringLiteral("  held-out AUC: additive %1; the hidden propensity on the "
                                  "same leads %2 (ceiling); logistic on the policy's features "
                                  "%3 and the policy's points %4 (their split: 30% by id)\n")
                       .arg(fit.test.auc, 0, 'f', 3)
                       .arg(ceiling, 0, 'f', 3)
                       .arg(logistic.model.auc, 0, 'f', 3)
                       .arg(logistic.model.baselineAuc, 0, 'f', 3);
    // Above what the hidden propensity allows, the fit has read what came after the outcome.
    if (fit.test.auc > ceiling + 0.01)
        context.out << "  above the ceiling: facts from after the conversions leak into the fit "
                       "(the demo's events are its last 90 days, after its old leads "
                       "converted)\n";
    return 0;
}

} // namespace baton::app
