#include "agents/Policy.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "cli/ScoringCostBench.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "pipeline/Orchestrator.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/OpenStore.h"
#include "store/StorePort.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QTemporaryDir>

namespace baton::app {

namespace {

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

// The floor for "read every lead's events": one pass over the same rows, no agents.
double bareScanSeconds(store::Database &db, qint64 &rows)
{
    QElapsedTimer timer;
    timer.start();
    auto st =
        db.prepare("SELECT li.lead_id, e.id, e.type, e.asset, e.occurred_at, e.content_hash "
                   "FROM lead_identities li JOIN events e ON e.lead_system = li.source_system "
                   "AND e.lead_ref = li.source_id ORDER BY li.lead_id");
    rows = 0;
    std::size_t bytes = 0;
    while (st.step()) {
        bytes += st.textViewAt(2).size() + st.textViewAt(3).size() + st.textViewAt(4).size();
        ++rows;
    }
    static_cast<void>(bytes);
    return timer.nsecsElapsed() / 1e9;
}

struct Figures
{
    double scan = 0;
    qint64 rows = 0;
    pipeline::RunSummary cold, second;
};

// The store the pipeline bench leaves in --dir: with --reuse, an earlier bench's, its
// pipeline output removed (a cold run again without building 5M events anew).
void reuseStore(const QString &storePath, CommandContext &context)
{
    auto db = store::openStore(storePath.toStdString());
    clearPipelineOutput(db);
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    context.out << "bench pipeline: reusing " << storePath << "\n";
}

void buildStore(const QString &dir, const QString &storePath, qint64 leads, qint64 events,
                const contracts::ContractRegistry &registry, CommandContext &context)
{
    QElapsedTimer timer;
    timer.start();
    demo::DemoOptions options;
    options.leads = static_cast<int>(leads);
    options.targetEvents = events;
    options.now = context.clock.now();
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), options);
    QFile::remove(storePath);
    auto db = store::openStore(storePath.toStdString());
    ingest::Importer importer(db, registry, context.clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        importer.importFile(file);
    context.out << "bench pipeline: demo store of " << count(leads) << " leads and "
                << count(events) << " Marketo events, built in "
                << QString::number(timer.nsecsElapsed() / 1e9, 'f', 1) << " s\n";
    context.out.flush();
}

// The same store on PostgreSQL: the SQLite one ported, so both engines run on the same rows.
void portStore(const QString &storePath, BenchStore &pg, CommandContext &context)
{
    QElapsedTimer timer;
    timer.start();
    const auto result = pg.portFrom(storePath.toStdString());
    const double seconds = timer.nsecsElapsed() / 1e9;
    context.out << QStringLiteral("  ported to PostgreSQL (store port): %1 rows in %2 s, %3 "
                                  "rows/s%4\n")
                       .arg(count(result.rowsCopied))
                       .arg(seconds, 0, 'f', 1)
                       .arg(count(qint64(double(result.rowsCopied) / seconds)))
                       .arg(result.ok() ? QString() : QStringLiteral(" (CHECKS DIFFER)"));
    context.out.flush();
}

void printSideBySide(const Figures &s, const Figures &p, CommandContext &context)
{
    const auto row = [&](const char *what, double a, double b) {
        context.out << QStringLiteral("  %1 %2 s %3 s   %4x\n")
                           .arg(QLatin1String(what), -30)
                           .arg(a, 8, 'f', 2)
                           .arg(b, 10, 'f', 2)
                           .arg(b / a, 0, 'f', 2);
    };
    context.out << "                                   SQLite   PostgreSQL   PostgreSQL/SQLite "
                   "(target <= 2x)\n";
    row("bare scan", s.scan, p.scan);
    row("cold run", s.cold.seconds, p.cold.seconds);
    row("second run, nothing changed", s.second.seconds, p.second.seconds);
    context.out << "  briefs: " << count(s.cold.briefed) << " on SQLite, " << count(p.cold.briefed)
                << " on PostgreSQL"
                << (s.cold.briefed == p.cold.briefed ? " (the same)" : " (DIFFER)") << "\n";
}

// Cold runs by `baton run` processes of one thread each against the store at once: the wall
// time of one, then of `n` sharing the run by its chunks.
double timeWorkerProcesses(const std::string &location, int n, CommandContext &context)
{
    {
        auto db = store::openStore(location);
        clearPipelineOutput(db);
    }
    const QStringList args{
        QStringLiteral("--store"), QString::fromStdString(location),
        QStringLiteral("--now"),   QString::fromStdString(util::formatUtc(context.clock.now())),
        QStringLiteral("run"),     QStringLiteral("--threads"),
        QStringLiteral("1")};
    QElapsedTimer timer;
    timer.start();
    std::vector<std::unique_ptr<QProcess>> workers;
    for (int i = 0; i < n; ++i) {
        workers.push_back(std::make_unique<QProcess>());
        workers.back()->start(QCoreApplication::applicationFilePath(), args);
    }
    for (auto &w : workers)
        w->waitForFinished(-1);
    return timer.nsecsElapsed() / 1e9;
}

void printWorkerSpeedup(const std::string &location, CommandContext &context)
{
    const double one = timeWorkerProcesses(location, 1, context);
    const double two = timeWorkerProcesses(location, 2, context);
    auto db = store::openStore(location);
    const auto scalar = [&](const char *sql) {
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    };
    context.out << QStringLiteral("  worker processes of one thread each sharing a cold run: one "
                                  "%1 s, two %2 s: %3x (%4 briefs, %5 run)\n")
                       .arg(one, 0, 'f', 2)
                       .arg(two, 0, 'f', 2)
                       .arg(one / two, 0, 'f', 2)
                       .arg(count(scalar("SELECT count(*) FROM briefs")))
                       .arg(scalar("SELECT count(*) FROM pipeline_runs"));
}

} // namespace

Figures timePipeline(store::Database &db, const contracts::ContractRegistry &registry,
                     const Clock &clock, const QString &engine, CommandContext &context);

int benchPipeline(const QCommandLineParser &parser, CommandContext &context)
{
    const auto leads = integerOption(parser, QStringLiteral("leads"), 100, 1000000, context);
    auto events = integerOption(parser, QStringLiteral("events"), 0, 100000000, context);
    const auto runs = integerOption(parser, QStringLiteral("runs"), 1, 100, context);
    if (!leads || !events || !runs)
        return 2;
    if (*events == 0)
        events = 5000000;
    QTemporaryDir temp;
    const QString dir = benchDirectory(parser, temp);
    const QString storePath = QDir(dir).filePath(QStringLiteral("pipeline.sqlite"));
    const auto registry = contracts::ContractRegistry::builtIn();
    if (parser.isSet(QStringLiteral("reuse")) && QFile::exists(storePath))
        reuseStore(storePath, context);
    else
        buildStore(dir, storePath, *leads, *events, registry, context);
    std::optional<BenchStore> pg;
    if (parser.isSet(QStringLiteral("pg"))) {
        pg.emplace(BenchStore::postgres(parser.value(QStringLiteral("pg")).toStdString()));
        portStore(storePath, *pg, context);
    }
    Figures sqlite;
    {
        auto db = store::openStore(storePath.toStdString());
        sqlite = timePipeline(db, registry, context.clock, QStringLiteral("SQLite"), context);
        if (parser.isSet(QStringLiteral("additive")))
            benchScoringCost(db, static_cast<int>(*runs), context);
    }
    if (!pg)
        return 0;
    auto db = store::openStore(pg->location());
    const Figures postgres =
        timePipeline(db, registry, context.clock, QStringLiteral("PostgreSQL"), context);
    printSideBySide(sqlite, postgres, context);
    printWorkerSpeedup(pg->location(), context);
    return 0;
}

Figures timePipeline(store::Database &db, const contracts::ContractRegistry &registry,
                     const Clock &clock, const QString &engine, CommandContext &context)
{
    context.out << engine << ":\n";
    // Timed warm, as the run that follows it finds the pages: the first pass may read the
    // store from disk (4.8 s against 1.6 s on a 3.6 GB store just copied).
    qint64 rows = 0;
    bareScanSeconds(db, rows);
    const double scan = bareScanSeconds(db, rows);
    context.out << QStringLiteral("  bare scan of every lead's events  %1 s  (%2 rows, second "
                                  "of two passes: the reference)\n")
                       .arg(scan, 6, 'f', 2)
                       .arg(count(rows));
    context.out.flush();

    const auto policy = agents::defaultPolicy(registry);
    RandomIdGenerator ids;
    pipeline::Orchestrator orchestrator(db, registry, policy, clock, ids);
    const auto cold = orchestrator.run({});
    context.out
        << QStringLiteral(
               "  cold run                          %1 s  %2 leads/s, %3 briefs (%4 escalated)\n")
               .arg(cold.seconds, 6, 'f', 2)
               .arg(count(qint64(double(cold.total) / cold.seconds)))
               .arg(count(cold.briefed))
               .arg(count(cold.escalated));
    context.out
        << QStringLiteral(
               "    stages (summed over threads): read inputs %1 s, agents %2 s; writing %3 s\n")
               .arg(cold.readSeconds, 0, 'f', 2)
               .arg(cold.agentSeconds, 0, 'f', 2)
               .arg(cold.writeSeconds, 0, 'f', 2);
    context.out.flush();
    const auto second = orchestrator.run({});
    context.out << QStringLiteral(
                       "  second run, nothing changed       %1 s  %2 leads not read (no import "
                       "touched them), %3 read, %4 briefs\n")
                       .arg(second.seconds, 6, 'f', 2)
                       .arg(count(second.notRead))
                       .arg(count(second.total))
                       .arg(count(second.briefed));
    context.out << QStringLiteral("  peak memory %1 MB\n").arg(peakMegabytes(), 0, 'f', 0);
    context.out << QStringLiteral("  cold run / bare scan: %1x (target <= 4x); second run / bare "
                                  "scan: %2x (target <= 1x)\n")
                       .arg(cold.seconds / scan, 0, 'f', 2)
                       .arg(second.seconds / scan, 0, 'f', 2);
    context.out.flush();
    Figures f;
    f.scan = scan;
    f.rows = rows;
    f.cold = cold;
    f.second = second;
    return f;
}

} // namespace baton::app
