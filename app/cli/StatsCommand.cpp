#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "governance/Identity.h"
#include "ingest/IngestQueries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace baton::app {

QString StatsCommand::name() const
{
    return QStringLiteral("stats");
}

QString StatsCommand::summary() const
{
    return QStringLiteral("Counts per table, quarantine summary and contract versions seen");
}

void StatsCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON instead of text.")});
}

int StatsCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    ingest::IngestQueries queries(*db);
    const auto tables = queries.tableCounts();
    const auto contracts = queries.contractsSeen();
    const auto quarantine = queries.quarantineByField(10);
    const bool demo = governance::Identity(*db, context.clock).isDemoStore();
    const QString kind = demo ? QStringLiteral("demo") : QStringLiteral("local");
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject root, counts;
        for (const auto &t : tables)
            counts[QString::fromStdString(t.table)] = double(t.rows);
        QJsonArray seen, fields;
        for (const auto &c : contracts)
            seen.append(QJsonObject{{"contract", QString::fromStdString(c.contract)},
                                    {"version", c.version},
                                    {"records", double(c.records)},
                                    {"batches", double(c.batches)}});
        for (const auto &q : quarantine)
            fields.append(QJsonObject{{"field", QString::fromStdString(q.field)},
                                      {"records", double(q.records)},
                                      {"example", QString::fromStdString(q.sampleMessage)}});
        root["store"] = context.storePath;
        root["kind"] = kind;
        root["tables"] = counts;
        root["contracts_seen"] = seen;
        root["quarantine_by_field"] = fields;
        context.out << QJsonDocument(root).toJson(QJsonDocument::Indented);
        return 0;
    }
    context.out << "store: " << context.storePath << "\n"
                << (demo ? "kind: demo (anyone may act as any demo profile; a real team binds "
                           "profiles to OS accounts)\n"
                         : "kind: local (each profile acts only from the OS account bound to "
                           "it: baton users list)\n")
                << "\ntables:\n";
    for (const auto &t : tables)
        context.out << QStringLiteral("  %1 %2\n")
                           .arg(QString::fromStdString(t.table), -22)
                           .arg(t.rows, 10);
    context.out << "\ncontract versions seen:\n";
    if (contracts.empty())
        context.out << "  (none yet)\n";
    for (const auto &c : contracts)
        context.out << QStringLiteral("  %1 %2 records in %3 batches\n")
                           .arg(QStringLiteral("%1@%2")
                                    .arg(QString::fromStdString(c.contract))
                                    .arg(c.version),
                                -22)
                           .arg(c.records, 10)
                           .arg(c.batches);
    context.out << "\nquarantine by field:\n";
    if (quarantine.empty())
        context.out << "  (empty)\n";
    for (const auto &q : quarantine)
        context.out << QStringLiteral("  %1 %2  e.g. %3\n")
                           .arg(QString::fromStdString(q.field), -22)
                           .arg(q.records, 6)
                           .arg(QString::fromStdString(q.sampleMessage).left(90));
    return 0;
}

} // namespace baton::app
