#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "telemetry/Lineage.h"

#include <QElapsedTimer>
#include <nlohmann/json.hpp>

namespace baton::app {

QString LineageCommand::name() const
{
    return QStringLiteral("lineage");
}

QString LineageCommand::summary() const
{
    return QStringLiteral("Where a brief came from: `lineage BRIEF` or `lineage --lead ID` "
                          "(files, batches, records, steps, fields, CRM), as text or --json");
}

void LineageCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("brief"), QStringLiteral("The brief's id."),
                                 QStringLiteral("[BRIEF]"));
    parser.addOption({QStringLiteral("lead"), QStringLiteral("The lead's newest brief instead."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("field"),
                      QStringLiteral("Only what this brief field rests on (profile, score, "
                                     "summary, ...)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Nodes and edges as JSON.")});
    addReaderOption(parser);
}

int LineageCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    bool ok = false;
    qint64 id = args.size() == 1 ? args[0].toLongLong(&ok) : 0;
    const bool byLead = parser.isSet(QStringLiteral("lead"));
    if (byLead)
        id = parser.value(QStringLiteral("lead")).toLongLong(&ok);
    if (!ok || id <= 0 || (byLead && !args.isEmpty())) {
        context.err << "baton lineage: use `lineage BRIEF` or `lineage --lead ID`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    QElapsedTimer timer;
    timer.start();
    telemetry::LineageGraph graph;
    try {
        std::int64_t brief = id;
        if (byLead) {
            const auto newest = telemetry::newestBriefOfLead(*db, id);
            if (!newest) {
                context.err << "baton lineage: lead #" << id << " has no brief\n";
                return 1;
            }
            brief = *newest;
        }
        const auto registry = contracts::ContractRegistry::builtIn();
        review::ReviewService service(*db, registry, context.clock);
        int refused = 0;
        const auto reader = whoReads(parser, context, service, QStringLiteral("lineage"), refused);
        if (!reader)
            return refused;
        if (!mayReadBrief(service, *reader, brief, QStringLiteral("lineage"), context))
            return 3;
        graph = telemetry::briefLineage(*db, brief);
    } catch (const std::exception &e) {
        context.err << "baton lineage: " << e.what() << "\n";
        return 1;
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    std::vector<std::string> keep;
    if (parser.isSet(QStringLiteral("field"))) {
        const std::string field = "field:/" + parser.value(QStringLiteral("field")).toStdString();
        if (!graph.node(field)) {
            context.err << "baton lineage: the brief has no field "
                        << QString::fromStdString(field.substr(6)) << "\n";
            return 2;
        }
        keep = graph.upstream(field);
    }
    const auto kept = [&](const std::string &node) {
        return keep.empty() || std::find(keep.begin(), keep.end(), node) != keep.end();
    };
    if (parser.isSet(QStringLiteral("json"))) {
        nlohmann::json nodes = nlohmann::json::array(), edges = nlohmann::json::array();
        for (const auto &n : graph.nodes)
            if (kept(n.id))
                nodes.push_back({{"id", n.id},
                                 {"layer", n.layer()},
                                 {"label", n.label},
                                 {"version", n.version},
                                 {"time", n.time},
                                 {"count", n.count}});
        for (const auto &e : graph.edges)
            if (kept(e.from) && kept(e.to))
                edges.push_back({{"from", e.from}, {"to", e.to}});
        context.out << QString::fromStdString(
                           nlohmann::json(
                               {{"brief", graph.briefId}, {"nodes", nodes}, {"edges", edges}})
                               .dump(2))
                    << "\n";
        return 0;
    }
    static const char *layers[] = {"files",  "batches",    "records",    "steps",
                                   "fields", "operations", "CRM objects"};
    context.out << "brief #" << graph.briefId << ": " << graph.inputRefs.size() << " inputs, "
                << graph.nodes.size() << " nodes, " << graph.edges.size() << " edges ("
                << QString::number(ms, 'f', 1) << " ms)\n";
    for (int layer = 0; layer < 7; ++layer) {
        context.out << layers[layer] << ":\n";
        for (const auto &n : graph.nodes)
            if (n.layer() == layer && kept(n.id))
                context.out << "  " << QString::fromStdString(n.label)
                            << (n.version.empty() ? QString()
                                                  : "  " + QString::fromStdString(n.version))
                            << (n.count > 1 ? QStringLiteral("  (%1)").arg(n.count) : QString())
                            << "\n";
    }
    return 0;
}

} // namespace baton::app
