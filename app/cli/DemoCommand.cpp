#include "AuditTrail.h"
#include "OsAccount.h"
#include "StoreLocation.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/DemoHistory.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "governance/Identity.h"
#include "ingest/ContractCatalog.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "store/Engine.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QDir>
#include <QFileInfo>

namespace baton::app {

QString DemoCommand::name() const
{
    return QStringLiteral("demo");
}

QString DemoCommand::summary() const
{
    return QStringLiteral("Generate realistic demo exports and import them into the store");
}

void DemoCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("leads"), QStringLiteral("Number of leads (default 2000)."),
                      QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("events"),
                      QStringLiteral("Marketo activities in all (default: about 25 per lead)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 42)."),
                      QStringLiteral("S"), QStringLiteral("42")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Where to write the export files (default: demo-data/ "
                                     "beside the store)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("no-import"), QStringLiteral("Only write the files.")});
    parser.addOption({QStringLiteral("days"),
                      QStringLiteral("Days the demo has lived before now (default 28): the "
                                     "pipeline run each day, the team reviewing, pushes to a "
                                     "CRM sandbox, outcomes read back. 0: only the import."),
                      QStringLiteral("N"), QStringLiteral("28")});
}

namespace {

// The weeks before now, lived by the demo team through the product's services.
int liveHistory(store::Database &db, const contracts::ContractRegistry &registry, int days,
                std::uint64_t seed, CommandContext &context)
{
    DemoHistoryOptions options;
    options.days = days;
    options.seed = seed;
    options.now = context.clock.now();
    options.osAccount = osAccount();
    TerminalProgress progress(QStringLiteral("living %1 days").arg(days));
    try {
        const auto s = DemoHistory(db, registry, options).live([&](double fraction) {
            progress.update(fraction);
        });
        progress.finish();
        context.out << "demo: lived " << days << " days in " << QString::number(s.seconds, 'f', 1)
                    << " s: " << s.runs << " runs wrote " << s.briefs << " briefs; the team "
                    << "approved " << s.approved << " (" << s.edited << " edited), escalated "
                    << s.escalated << ", handed on " << s.reassigned << "; managers approved "
                    << s.resolvedApproved << ", returned " << s.returned << ", rejected "
                    << s.rejected << "; " << s.operationsDone << " CRM operations pushed to the "
                    << "sandbox, " << s.opportunities << " people became opportunities\n";
        return 0;
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton demo: " << e.what() << "\n";
        return 1;
    }
}

} // namespace

int DemoCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const auto leads = integerOption(parser, QStringLiteral("leads"), 1, 1000000, context);
    const auto seed = integerOption(parser, QStringLiteral("seed"), 0,
                                    std::numeric_limits<qint64>::max(), context);
    const auto events = integerOption(parser, QStringLiteral("events"), 0, 100000000, context);
    const auto days = integerOption(parser, QStringLiteral("days"), 0, 80, context);
    if (!leads || !seed || !events || !days)
        return 2;
    demo::DemoOptions options;
    options.leads = static_cast<int>(*leads);
    options.seed = static_cast<std::uint64_t>(*seed);
    options.targetEvents = *events;
    // The 90 days of engagement end now: the global --now for a reproducible demo.
    options.now = context.clock.now();
    const QString dir = parser.isSet(QStringLiteral("dir"))
                            ? parser.value(QStringLiteral("dir"))
                            : QFileInfo(store::isPostgresLocation(context.storePath.toStdString())
                                            ? defaultStorePath()
                                            : context.storePath)
                                  .absoluteDir()
                                  .filePath(QStringLiteral("demo-data"));
    QDir().mkpath(dir);

    TerminalProgress progress(QStringLiteral("generating"));
    demo::DemoFiles files;
    try {
        files = demo::generateDemo(dir.toStdString(), options,
                                   [&](double fraction) { progress.update(fraction); });
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton demo: " << e.what() << "\n";
        return 1;
    }
    progress.finish();
    context.out << "demo: wrote " << options.leads << " leads to " << dir << "\n";
    if (parser.isSet(QStringLiteral("no-import")))
        return 0;

    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::recordContracts(*db, registry, context.clock.now());
    // A demo store lets anyone act as anyone: never make one of a store a team already uses.
    if (governance::Identity identity(*db, context.clock);
        identity.hasProfiles() && !identity.isDemoStore()) {
        context.err << "baton demo: " << context.storePath
                    << " has profiles of its own; a demo store lets anyone act as any profile, "
                       "so the demo goes in a store of its own (--store NEW)\n";
        return 2;
    }
    {
        store::Transaction tx(*db);
        const int added = pipeline::saveUsers(*db, pipeline::demoTeam());
        governance::Identity(*db, context.clock).markDemoStore();
        tx.commit();
        context.out << "demo: team of " << pipeline::demoTeam().size() << " people (" << added
                    << " new)\n";
    }
    ingest::Importer importer(*db, registry, context.clock);
    int failures = 0;
    // Accounts before the people who work there; events after the leads they belong to.
    for (const auto &path :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities}) {
        const QString label = QString::fromStdString(path.filename().string());
        TerminalProgress importing(label);
        ingest::ImportOptions importOptions;
        importOptions.onProgress = [&](const ingest::ImportProgress &p) {
            importing.update(p.bytesTotal ? double(p.bytesDone) / double(p.bytesTotal) : 1.0);
        };
        const auto result = importer.importFile(path, importOptions);
        auditImport(*db, context.clock, result, "demo");
        importing.finish();
        context.out << describeResult(result) << "\n";
        context.out.flush();
        failures += result.failed;
    }
    if (*days > 0 && liveHistory(*db, registry, static_cast<int>(*days),
                                 static_cast<std::uint64_t>(*seed), context) != 0)
        return 1;
    context.out << "demo: store " << context.storePath << " is ready; run `baton --store "
                << context.storePath << "` to open it\n";
    return failures ? 1 : 0;
}

} // namespace baton::app
