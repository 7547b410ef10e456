#include "AuditTrail.h"
#include "agents/Policy.h"
#include "cli/AdditiveReport.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/ModelFitter.h"
#include "ports/Clock.h"
#include "scoring/LeadFacts.h"
#include "scoring/ModelVersions.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QElapsedTimer>
#include <stdexcept>

namespace baton::app {

QString ModelCommand::name() const
{
    return QStringLiteral("model");
}

QString ModelCommand::summary() const
{
    return QStringLiteral("Fit, list, canary, promote or roll back scoring models: `model "
                          "fit|list|canary VERSION --share P|promote VERSION|rollback`");
}

void ModelCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("fit, list, canary, promote or rollback"));
    parser.addPositionalArgument(QStringLiteral("version"),
                                 QStringLiteral("The scoring version to canary or promote."));
    parser.addOption({QStringLiteral("share"),
                      QStringLiteral("canary: the percentage of leads the candidate scores "
                                     "(0 ends the canary)."),
                      QStringLiteral("PERCENT")});
    parser.addOption({QStringLiteral("as"),
                      QStringLiteral("Who canaries, promotes or rolls back (marketing ops, "
                                     "admin)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("window-days"),
         QStringLiteral("Read each lead's features this many days after it was created "
                        "(default 0: as of now)."),
         QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("additive"),
         QStringLiteral("Fit the additive model on every property, engagement and enrichment "
                        "fact as of each lead's handoff (created + --window-days, default the "
                        "policy's scoring.model.handoff_window_days or 14), print its report and "
                        "save it as a candidate version with the threshold the policy's "
                        "scoring.model.qualify states (--window-days 0: everything up to now).")});
    parser.addOption({QStringLiteral("policy"),
                      QStringLiteral("Policy file (default: the built-in one)."),
                      QStringLiteral("FILE")});
}

namespace {

int fitAdditive(store::Database &db, const agents::Policy &policy, CommandContext &context,
                int windowDays)
{
    scoring::HistoryOptions history;
    history.windowDays = windowDays;
    scoring::FitOptions options;
    options.discovery.exclude = policy.scoring.model.excludeFeatures;
    options.discovery.pin = policy.scoring.model.pinFeatures;
    QElapsedTimer timer;
    timer.start();
    try {
        const auto read = scoring::readHistory(db, context.clock.now(), history);
        printHistory(context.out, read, static_cast<double>(timer.restart()) / 1000.0);
        const auto fit = scoring::fitAdditive(read.examples, options);
        printAdditiveFit(context.out, fit, static_cast<double>(timer.elapsed()) / 1000.0);
        const std::string now = util::formatUtc(context.clock.now());
        const auto threshold = scoring::thresholdFor(
            policy.scoring.model.qualify, fit.testProbabilities, scoring::capacityAt(db, now));
        context.out << "qualifies " << QString::fromStdString(threshold.reason) << "\n";
        store::Transaction tx(db);
        const auto version =
            scoring::saveCandidate(db, fit, threshold, policy.scoring.version, policy.sha256, now);
        auditInvocation(db, context.clock, "model_fit", "scoring#" + version,
                        {{"auc", fit.test.auc},
                         {"log_loss", fit.test.logLoss},
                         {"train", fit.trainCount},
                         {"test", fit.testCount},
                         {"qualify_probability", threshold.probability}});
        tx.commit();
        context.out << "saved as candidate " << QString::fromStdString(version)
                    << ": compare it with `baton run --dry-run --compare scoring@"
                    << QString::fromStdString(policy.scoring.version) << ",scoring@"
                    << QString::fromStdString(version) << "`, then `baton model canary "
                    << QString::fromStdString(version) << " --share 10` or `baton model promote "
                    << QString::fromStdString(version) << "`\n";
    } catch (const std::invalid_argument &e) {
        context.err << "baton model: " << e.what() << "\n";
        return 1;
    }
    return 0;
}

} // namespace

int ModelCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    const bool deploy = !args.isEmpty() && isDeploymentAction(args[0]);
    if (!deploy && args != QStringList{QStringLiteral("fit")} &&
        args != QStringList{QStringLiteral("list")}) {
        context.err << "baton model: use `model fit`, `list`, `canary VERSION --share P`, "
                       "`promote VERSION` or `rollback`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const auto registry = contracts::ContractRegistry::builtIn();
    std::optional<agents::Policy> policy;
    try {
        policy = parser.isSet(QStringLiteral("policy"))
                     ? agents::loadPolicyFile(parser.value(QStringLiteral("policy")).toStdString(),
                                              registry)
                     : agents::defaultPolicy(registry);
    } catch (const agents::PolicyError &e) {
        context.err << "baton model: " << e.what() << "\n";
        return 2;
    }
    if (deploy)
        return runDeployment(parser, context, *db, *policy);
    pipeline::ModelFitter fitter(*db, *policy);
    if (args[0] == QLatin1String("list")) {
        printDeployment(context, *db, *policy);
        for (const auto &m : fitter.models())
            context.out << QStringLiteral("%1  %2  AUC %3 (%4 %5), %6 train / %7 held out\n")
                               .arg(QString::fromStdString(m.version), -18)
                               .arg(QString::fromStdString(m.createdAt))
                               .arg(m.auc, 0, 'f', 3)
                               .arg(scoring::isAdditiveVersion(m.version)
                                        ? QStringLiteral("best single feature")
                                        : QStringLiteral("points-only"))
                               .arg(m.baselineAuc, 0, 'f', 3)
                               .arg(m.train)
                               .arg(m.test);
        return 0;
    }
    const auto window = integerOption(parser, QStringLiteral("window-days"), 0, 3650, context);
    if (!window)
        return 2;
    if (parser.isSet(QStringLiteral("additive")))
        return fitAdditive(*db, *policy, context,
                           parser.isSet(QStringLiteral("window-days"))
                               ? static_cast<int>(*window)
                               : policy->scoring.model.handoffWindowDays);
    const Clock &clock = context.clock;
    const auto result = fitter.fit(clock.now(), 60, static_cast<int>(*window));
    if (result.model.testCount == 0 || result.positives == 0) {
        context.err << "baton model: no historical outcomes to fit on (leads older than 60 days, "
                       "some converted)\n";
        return 1;
    }
    {
        store::Transaction tx(*db);
        fitter.save(result, util::formatUtc(clock.now()));
        // A new scoring version anyone can run with: on the record with what it was fitted on.
        auditInvocation(*db, clock, "model_fit", "scoring#" + result.version,
                        {{"auc", result.model.auc},
                         {"baseline_auc", result.model.baselineAuc},
                         {"train", result.model.trainCount},
                         {"test", result.model.testCount}});
        tx.commit();
    }
    const auto &m = result.model;
    context.out << "model " << QString::fromStdString(result.version) << ": " << m.trainCount
                << " leads to fit, " << m.testCount << " held out, " << result.positives
                << " converted in all\n";
    context.out << QStringLiteral("  held-out AUC %1, points-only baseline %2\n")
                       .arg(m.auc, 0, 'f', 3)
                       .arg(m.baselineAuc, 0, 'f', 3);
    context.out << "  calibration (held out): predicted  observed  leads\n";
    for (std::size_t i = 0; i < m.calibration.size(); ++i) {
        const auto &bin = m.calibration[i];
        if (bin.count == 0)
            continue;
        context.out << QStringLiteral("    %1-%2%   %3     %4   %5\n")
                           .arg(i * 10, 2)
                           .arg(i * 10 + 10, 3)
                           .arg(bin.predicted, 6, 'f', 3)
                           .arg(bin.observed, 6, 'f', 3)
                           .arg(bin.count, 5);
    }
    return 0;
}

} // namespace baton::app
