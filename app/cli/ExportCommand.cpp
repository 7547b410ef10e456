#include "adapters/OneShotHttpTransport.h"
#include "agents/Policy.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "governance/Permissions.h"
#include "ports/Clock.h"
#include "telemetry/Exports.h"
#include "telemetry/Kpis.h"
#include "util/Time.h"

#include <QFile>

namespace baton::app {

QString ExportCommand::name() const
{
    return QStringLiteral("export");
}

QString ExportCommand::summary() const
{
    return QStringLiteral("Export to the tools teams run: `export openlineage|traces|kpis --since "
                          "DAY` (JSONL to a file or stdout, or POSTed to an endpoint)");
}

void ExportCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("what"),
                                 QStringLiteral("openlineage, traces or kpis"));
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("From this day or RFC 3339 time (default: 30 days ago)."),
                      QStringLiteral("DAY")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("kpis: to this day, inclusive (default today)."),
                      QStringLiteral("DAY")});
    parser.addOption({QStringLiteral("out"),
                      QStringLiteral("Write to this file (default standard output)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("POST each event instead: Marquez's "
                                     "http://HOST:5000/api/v1/lineage, an OTLP/HTTP collector's "
                                     "http://HOST:4318/v1/traces."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("format"), QStringLiteral("kpis: json (default) or csv."),
                      QStringLiteral("F"), QStringLiteral("json")});
    addReaderOption(parser);
}

int ExportCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    const QString what = args.value(0);
    if (args.size() != 1 || (what != QLatin1String("openlineage") &&
                             what != QLatin1String("traces") && what != QLatin1String("kpis"))) {
        context.err << "baton export: use `export openlineage|traces|kpis [--since DAY]`\n";
        return 2;
    }
    const Clock &clock = context.clock;
    {
        auto db = openStoreFor(context);
        if (!db)
            return 1;
        int refused = 0; // exports cover every brief and run
        if (!readerGranted(parser, context, *db, QStringLiteral("export"),
                           governance::Action::ViewAllBriefs, QStringLiteral("exporting"), refused))
            return refused;
    }
    const auto now = clock.now();
    telemetry::ExportOptions options;
    options.since = parser.isSet(QStringLiteral("since"))
                        ? parser.value(QStringLiteral("since")).toStdString()
                        : util::formatUtc(now - std::chrono::hours(24 * 30)).substr(0, 10);
    const std::string until = parser.isSet(QStringLiteral("until"))
                                  ? parser.value(QStringLiteral("until")).toStdString()
                                  : util::formatUtc(now).substr(0, 10);
    if (!util::parseRfc3339(options.since.size() == 10 ? options.since + "T00:00:00Z"
                                                       : options.since) ||
        !util::parseRfc3339(until + "T00:00:00Z")) {
        context.err << "baton export: --since and --until take a day (2026-11-01) or an RFC 3339 "
                       "time\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    std::vector<std::string> lines;
    try {
        if (what == QLatin1String("openlineage")) {
            lines =
                telemetry::openLineageEvents(*db, contracts::ContractRegistry::builtIn(), options);
        } else if (what == QLatin1String("traces")) {
            lines = telemetry::otlpTraces(*db, options);
        } else {
            const auto policy = agents::defaultPolicy(contracts::ContractRegistry::builtIn());
            const auto report = telemetry::computeKpis(
                *db, options.since.substr(0, 10), until, util::formatUtcMillis(now),
                {policy.heartbeats.syncHours, policy.heartbeats.enrichmentHours});
            lines = {parser.value(QStringLiteral("format")) == QLatin1String("csv")
                         ? telemetry::kpisCsv(report)
                         : telemetry::kpisJson(report)};
        }
    } catch (const std::exception &e) {
        context.err << "baton export: " << e.what() << "\n";
        return 1;
    }
    if (parser.isSet(QStringLiteral("url"))) {
        OneShotHttpTransport transport;
        int failed = 0;
        for (const auto &line : lines) {
            HttpRequest request;
            request.url = parser.value(QStringLiteral("url")).toStdString();
            request.headers = {{"Content-Type", "application/json"}};
            request.body = line;
            request.timeoutMs = 10000;
            const auto response = transport.send(request);
            if (response.status < 200 || response.status >= 300) {
                if (failed++ == 0)
                    context.err << "baton export: " << request.url.c_str() << " answered "
                                << (response.status ? QString::number(response.status)
                                                    : QString::fromStdString(response.error))
                                << ": " << QString::fromStdString(response.body.substr(0, 300))
                                << "\n";
            }
        }
        context.out << what << ": " << lines.size() - static_cast<std::size_t>(failed) << " of "
                    << lines.size() << " posted\n";
        return failed ? 1 : 0;
    }
    QFile file;
    const bool toFile = parser.isSet(QStringLiteral("out"));
    if (toFile) {
        file.setFileName(parser.value(QStringLiteral("out")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            context.err << "baton export: cannot write " << file.fileName() << ": "
                        << file.errorString() << "\n";
            return 1;
        }
    }
    for (const auto &line : lines) {
        const QByteArray bytes = QByteArray::fromStdString(line) + '\n';
        if (toFile)
            file.write(bytes);
        else
            context.out << QString::fromUtf8(bytes);
    }
    if (toFile) {
        file.close();
        context.err << what << ": " << lines.size() << " written to " << file.fileName() << "\n";
    }
    return 0;
}

} // namespace baton::app
