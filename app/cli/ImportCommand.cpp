#include "AuditTrail.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "ingest/ContractCatalog.h"
#include "ports/Clock.h"

namespace baton::app {

QString ImportCommand::name() const
{
    return QStringLiteral("import");
}

QString ImportCommand::summary() const
{
    return QStringLiteral(
        "Import HubSpot contact exports, Marketo activity exports or Baton JSONL");
}

void ImportCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("Files to import."),
                                 QStringLiteral("FILE..."));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("auto (default), hubspot, marketo or jsonl."),
                      QStringLiteral("FORMAT"), QStringLiteral("auto")});
    parser.addOption({QStringLiteral("force"),
                      QStringLiteral("Import even if the same content was imported before.")});
    parser.addOption({QStringLiteral("utc-offset"),
                      QStringLiteral("Minutes east of UTC of datetimes without an offset (HubSpot "
                                     "exports use the portal's time zone). Default 0."),
                      QStringLiteral("MINUTES"), QStringLiteral("0")});
}

int ImportCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        context.err << "baton import: name at least one file\n";
        return 2;
    }
    const auto format =
        ingest::sourceFormatFromString(parser.value(QStringLiteral("format")).toStdString());
    if (!format) {
        context.err << "baton import: unknown --format '" << parser.value(QStringLiteral("format"))
                    << "' (auto, hubspot, marketo, jsonl)\n";
        return 2;
    }
    const auto offset =
        integerOption(parser, QStringLiteral("utc-offset"), -14 * 60, 14 * 60, context);
    if (!offset)
        return 2;
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::recordContracts(*db, registry, clock.now());

    ingest::ImportOptions options;
    options.format = *format;
    options.force = parser.isSet(QStringLiteral("force"));
    options.source.utcOffsetMinutes = static_cast<int>(*offset);
    ingest::Importer importer(*db, registry, clock);
    int failures = 0;
    for (const QString &file : files) {
        TerminalProgress progress(file);
        options.onProgress = [&](const ingest::ImportProgress &p) {
            progress.update(p.bytesTotal ? double(p.bytesDone) / double(p.bytesTotal) : 1.0);
        };
        const auto result = importer.importFile(file.toStdString(), options);
        progress.finish();
        auditImport(*db, clock, result, "import");
        context.out << describeResult(result) << "\n";
        context.out.flush();
        failures += result.failed;
    }
    return failures ? 1 : 0;
}

} // namespace baton::app
