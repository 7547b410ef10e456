#include "agents/Policy.h"
#include "agents/ScoringModel.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "pipeline/DeployedScoring.h"
#include "ports/Clock.h"

namespace baton::app {

std::optional<pipeline::ScoringVariant>
scoringVariant(store::Database &db, const agents::Policy &policy, const QString &version,
               CommandContext &context, const QString &command)
{
    try {
        return pipeline::loadScoringVariant(db, policy, version.toStdString());
    } catch (const std::exception &e) {
        context.err << command << ": " << e.what() << "\n";
        return std::nullopt;
    }
}

int runDryRun(const QCommandLineParser &parser, CommandContext &context, store::Database &db,
              const contracts::ContractRegistry &registry, const agents::Policy &policy,
              const std::vector<std::int64_t> &leadIds)
{
    QStringList specs;
    if (parser.isSet(QStringLiteral("compare"))) {
        specs = parser.value(QStringLiteral("compare")).split(QLatin1Char(','));
        if (specs.size() != 2 || !specs[0].startsWith(QLatin1String("scoring@")) ||
            !specs[1].startsWith(QLatin1String("scoring@"))) {
            context.err << "baton run: --compare takes scoring@A,scoring@B, got '"
                        << parser.value(QStringLiteral("compare")) << "'\n";
            return 2;
        }
        for (QString &spec : specs)
            spec = spec.mid(8);
    } else {
        specs << (parser.isSet(QStringLiteral("scoring"))
                      ? parser.value(QStringLiteral("scoring"))
                      : QString::fromStdString(policy.scoring.version));
    }
    std::vector<pipeline::ScoringVariant> variants;
    for (const QString &spec : specs) {
        auto variant = scoringVariant(db, policy, spec, context, QStringLiteral("baton run"));
        if (!variant)
            return 2;
        variants.push_back(std::move(*variant));
    }
    const Clock &clock = context.clock;
    TerminalProgress progress(QStringLiteral("evaluating leads (dry run)"));
    pipeline::DryRunReport report;
    try {
        report = pipeline::dryRun(db, registry, policy, clock.now(), variants, leadIds, 0,
                                  [&](std::int64_t done, std::int64_t total) {
                                      progress.update(total ? double(done) / double(total) : 1);
                                  });
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton run: " << e.what() << "\n";
        return 1;
    }
    progress.finish();
    context.out << "dry run over " << report.leads << " leads in "
                << QString::number(report.seconds, 'f', 2) << " s; nothing was written\n";
    for (const auto &v : report.variants) {
        context.out << "  scoring@" << QString::fromStdString(v.version) << ": " << v.qualified
                    << " qualify, " << v.briefed << " would be briefed, " << v.escalated
                    << " escalated; by band:";
        for (const auto &[cell, count] : v.grid)
            context.out << " " << QString::fromStdString(cell) << " " << count;
        context.out << "\n";
    }
    if (report.variants.size() == 2)
        context.out << "  from " << specs[0] << " to " << specs[1] << ": " << report.bandChanged
                    << " leads change band, " << report.qualifyGained << " newly qualify, "
                    << report.qualifyLost << " no longer qualify, " << report.escalationChanged
                    << " change escalation\n";
    return 0;
}

} // namespace baton::app
