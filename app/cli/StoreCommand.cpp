#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "governance/AuditLog.h"
#include "store/Engine.h"
#include "store/OpenStore.h"
#include "store/StorePort.h"

#include <QElapsedTimer>
#include <QLocale>

namespace baton::app {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

int report(const store::StorePort::Result &result, store::Database &to, qint64 ms,
           CommandContext &context)
{
    const QLocale en(QLocale::English);
    for (const auto &c : result.checks)
        context.out
            << QStringLiteral("  %1 %2 rows  %3\n")
                   .arg(q(c.table), -18)
                   .arg(en.toString(c.targetRows), 12)
                   .arg(
                       c.matches()
                           ? QStringLiteral("same rows, hash %1").arg(q(c.sourceHash.substr(0, 12)))
                           : QStringLiteral("DIFFERS: %1 rows in the store, hash %2 against %3")
                                 .arg(en.toString(c.sourceRows), q(c.sourceHash.substr(0, 12)),
                                      q(c.targetHash.substr(0, 12))));
    const auto audit = governance::AuditLog(to).verify();
    context.out << (audit.ok ? QStringLiteral("audit log on the copy: verified, %1 rows\n")
                                   .arg(en.toString(audit.rows))
                             : QStringLiteral("audit log on the copy: BROKEN at row %1: %2\n")
                                   .arg(*audit.firstBroken)
                                   .arg(q(audit.problem)));
    const double seconds = double(ms) / 1000.0;
    context.out << "copied " << en.toString(result.rowsCopied) << " rows in "
                << en.toString(seconds, 'f', 1) << " s ("
                << en.toString(seconds > 0 ? double(result.rowsCopied) / seconds : 0.0, 'f', 0)
                << " rows/s)" << (result.resumed ? ", resuming an earlier port" : "") << "\n";
    return result.ok() && audit.ok ? 0 : 1;
}

} // namespace

QString StoreCommand::name() const
{
    return QStringLiteral("store");
}

QString StoreCommand::summary() const
{
    return QStringLiteral("Move a local store into a team database: `store port --from FILE --to "
                          "postgresql://...` (resumable; checks every table)");
}

void StoreCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("port"));
    parser.addOption({QStringLiteral("from"), QStringLiteral("The local store (a SQLite file)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("The team database (a new one): postgresql://..."),
                      QStringLiteral("URI")});
}

int StoreCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const std::string from = parser.value(QStringLiteral("from")).toStdString();
    const std::string to = parser.value(QStringLiteral("to")).toStdString();
    if (parser.positionalArguments() != QStringList{QStringLiteral("port")} || from.empty() ||
        to.empty() || store::isPostgresLocation(from) || !store::isPostgresLocation(to)) {
        context.err << "baton store: use `store port --from FILE --to postgresql://...`\n";
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        auto source = store::openStore(from);
        auto target = store::openStore(to);
        store::StorePort port(source, target, from);
        TerminalProgress bar(QStringLiteral("porting"));
        std::string shown;
        const auto result = port.run([&](const store::StorePort::Progress &p) {
            if (p.table != shown) {
                shown = p.table;
                bar = TerminalProgress(QStringLiteral("porting ") + q(p.table));
            }
            bar.update(p.total ? double(p.done) / double(p.total) : 1.0);
        });
        bar.finish();
        return report(result, target, timer.elapsed(), context);
    } catch (const std::exception &e) {
        context.err << "baton store port: " << q(e.what())
                    << "\n(run it again to carry on from the rows already copied)\n";
        return 1;
    }
}

} // namespace baton::app
