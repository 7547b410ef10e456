#include "agents/Policy.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/DeployedScoring.h"
#include "ports/Clock.h"
#include "review/ReviewService.h"
#include "scoring/ScoringDeployment.h"

namespace baton::app {

void printDeployment(CommandContext &context, store::Database &db, const agents::Policy &policy)
{
    const auto d = scoring::ScoringDeployment(db).current();
    context.out << "live: "
                << QString::fromStdString(d.live.empty() ? policy.scoring.version : d.live);
    if (!d.canary.empty())
        context.out << "; canary " << QString::fromStdString(d.canary) << " on "
                    << QString::number(100 * d.canaryShare, 'g', 4) << "% of leads";
    context.out << "\n";
}

bool isDeploymentAction(const QString &action)
{
    return action == QLatin1String("canary") || action == QLatin1String("promote") ||
           action == QLatin1String("rollback");
}

int runDeployment(const QCommandLineParser &parser, CommandContext &context, store::Database &db,
                  const agents::Policy &policy)
{
    const QStringList args = parser.positionalArguments();
    const bool rollback = args[0] == QLatin1String("rollback");
    if (args.size() != (rollback ? 1 : 2)) {
        context.err << "baton model " << args[0]
                    << (rollback ? ": takes no version\n" : ": name the scoring version\n");
        return 2;
    }
    double share = 0;
    if (args[0] == QLatin1String("canary")) {
        bool ok = false;
        share = parser.value(QStringLiteral("share")).toDouble(&ok) / 100;
        if (!parser.isSet(QStringLiteral("share")) || !ok || share < 0 || share > 1) {
            context.err << "baton model canary: give --share as a percentage, 0 to 100\n";
            return 2;
        }
    }
    // The version must be one a run can score with, under this policy, before anyone is
    // told it is live.
    if (!rollback &&
        !scoringVariant(db, policy, args[1], context, QStringLiteral("baton model ") + args[0]))
        return 2;
    int refused = 0;
    const auto acts = acting(parser, context, db, QStringLiteral("model"), refused);
    if (!acts)
        return refused;
    const auto registry = contracts::ContractRegistry::builtIn();
    review::ReviewService review(db, registry, context.clock);
    scoring::ScoringDeployment deployment(db);
    try {
        const auto who = review.actAs(acts->name, acts->account);
        const auto now = context.clock.now();
        if (rollback)
            deployment.rollback(who, now);
        else if (args[0] == QLatin1String("promote"))
            deployment.promote(who, args[1].toStdString(), now);
        else
            deployment.setCanary(who, args[1].toStdString(), share, now);
    } catch (const review::ReviewError &e) {
        context.err << "baton model " << args[0] << ": " << e.what() << "\n";
        return e.kind() == review::ReviewError::Kind::Forbidden ? 3 : 2;
    }
    printDeployment(context, db, policy);
    return 0;
}

} // namespace baton::app
