#include "AuditTrail.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "ingest/ContractCatalog.h"
#include "ingest/DropFolderSync.h"
#include "ports/Clock.h"

namespace baton::app {

QString SyncCommand::name() const
{
    return QStringLiteral("sync");
}

QString SyncCommand::summary() const
{
    return QStringLiteral("Import every new file of a drop folder, in name order");
}

void SyncCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption(
        {QStringLiteral("from"), QStringLiteral("The drop folder."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("settle-ms"),
                      QStringLiteral("A file whose size changes within this many milliseconds is "
                                     "still being written and is left for the next sync. "
                                     "Default 1000."),
                      QStringLiteral("MS"), QStringLiteral("1000")});
}

int SyncCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    if (!parser.isSet(QStringLiteral("from"))) {
        context.err << "baton sync: --from DIR is required\n";
        return 2;
    }
    const auto settle = integerOption(parser, QStringLiteral("settle-ms"), 0, 600000, context);
    if (!settle)
        return 2;
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::recordContracts(*db, registry, clock.now());
    ingest::SyncOptions options;
    options.settle = std::chrono::milliseconds(*settle);
    options.onImported = [&](const std::filesystem::path &, const ingest::ImportResult &r) {
        auditImport(*db, clock, r, "sync");
        context.out << describeResult(r) << "\n";
        context.out.flush();
    };
    ingest::DropFolderSync sync(*db, registry, clock);
    ingest::SyncReport report;
    try {
        report = sync.sync(parser.value(QStringLiteral("from")).toStdString(), options);
    } catch (const std::exception &e) {
        context.err << "baton sync: " << e.what() << "\n";
        return 1;
    }
    for (const auto &name : report.alreadySeen)
        context.out << QString::fromStdString(name) << ": seen before, skipped\n";
    for (const auto &name : report.stillBeingWritten)
        context.out << QString::fromStdString(name)
                    << ": still being written, left for the next sync\n";
    for (const auto &name : report.ignored)
        context.out << QString::fromStdString(name) << ": not an import format, ignored\n";
    for (const auto &skipped : report.skipped)
        context.out << QString::fromStdString(skipped.file) << ": skipped, "
                    << QString::fromStdString(skipped.reason) << "\n";
    context.out << "sync: " << report.imported.size() << " imported, " << report.alreadySeen.size()
                << " already seen, " << report.stillBeingWritten.size() << " still being written, "
                << report.skipped.size() << " skipped, " << report.failed() << " failed\n";
    return report.failed() ? 1 : 0;
}

} // namespace baton::app
