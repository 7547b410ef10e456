#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <unistd.h>

namespace baton::app {

namespace {

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

struct Timed
{
    double seconds = 0;
    ingest::ImportResult result;
};

void removeStore(const QString &storePath)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(storePath + QLatin1String(suffix));
}

Timed importInto(const QString &storePath, const std::filesystem::path &file, int workers)
{
    removeStore(storePath);
    auto db = store::openStore(storePath.toStdString());
    const SystemClock clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    ingest::Importer importer(db, registry, clock);
    ingest::ImportOptions options;
    options.workerThreads = workers;
    QElapsedTimer timer;
    timer.start();
    Timed t;
    t.result = importer.importFile(file, options);
    t.seconds = timer.nsecsElapsed() / 1e9;
    return t;
}

// sqlite3's own CSV import into an untyped table: the floor for "read a CSV into SQLite".
std::optional<double> sqliteReference(const QString &dir, const std::filesystem::path &csv)
{
    const QString sqlite = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    if (sqlite.isEmpty())
        return std::nullopt;
    const QString db = QDir(dir).filePath(QStringLiteral("reference.sqlite"));
    QFile::remove(db);
    QProcess process;
    process.start(sqlite, {db});
    if (!process.waitForStarted())
        return std::nullopt;
    QElapsedTimer timer;
    timer.start();
    process.write("CREATE TABLE t(marketoGUID, leadId, activityDate, activityTypeId, campaignId, "
                  "primaryAttributeValueId, primaryAttributeValue, attributes);\n.mode csv\n");
    process.write(QStringLiteral(".import --skip 1 '%1' t\n")
                      .arg(QString::fromStdString(csv.string()))
                      .toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(600000) || process.exitCode() != 0)
        return std::nullopt;
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

QString BenchCommand::name() const
{
    return QStringLiteral("bench");
}

QString BenchCommand::summary() const
{
    return QStringLiteral("Measure throughput: `bench ingest|pipeline|console|push|dashboard`");
}

void BenchCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("what"),
                                 QStringLiteral("ingest, pipeline, console, push or dashboard"));
    parser.addOption({QStringLiteral("briefs"),
                      QStringLiteral("console: briefs in the store (default 1000000); push: "
                                     "approved briefs to push (default 1000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("events"),
                      QStringLiteral("Events to generate (default: 1000000 for ingest, 5000000 for "
                                     "pipeline)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("leads"),
                      QStringLiteral("Leads in the pipeline's demo store (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("workers"),
                      QStringLiteral("Validation threads (default: one per core)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("Imports of each file; the median is reported (default 3)."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("push: operations per request (default 10, so the run "
                                     "spans several rate-limit windows)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("fault-rate"),
                      QStringLiteral("push: share of requests the sandbox answers with a fault "
                                     "of any kind (default 0)."),
                      QStringLiteral("F"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Working directory (default: a temporary one, removed)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("reuse"),
                      QStringLiteral("pipeline, console: reuse the store an earlier bench left in "
                                     "--dir (the pipeline's output removed).")});
}

int BenchCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList what = parser.positionalArguments();
    if (what == QStringList{QStringLiteral("pipeline")})
        return benchPipeline(parser, context);
    if (what == QStringList{QStringLiteral("console")})
        return benchConsole(parser, context);
    if (what == QStringList{QStringLiteral("push")})
        return benchPush(parser, context);
    if (what == QStringList{QStringLiteral("dashboard")})
        return benchDashboard(parser, context);
    if (what != QStringList{QStringLiteral("ingest")}) {
        context.err << "baton bench: `bench ingest`, `bench pipeline`, `bench console`, "
                       "`bench push` or `bench dashboard`\n";
        return 2;
    }
    auto events = integerOption(parser, QStringLiteral("events"), 0, 100000000, context);
    if (events && *events == 0)
        events = 1000000;
    const auto workers = integerOption(parser, QStringLiteral("workers"), 0, 64, context);
    const auto repeats = integerOption(parser, QStringLiteral("runs"), 1, 15, context);
    if (!events || !workers || !repeats)
        return 2;
    QTemporaryDir temp;
    const QString dir =
        parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    const std::filesystem::path jsonl =
        QDir(dir).filePath(QStringLiteral("events.jsonl")).toStdString();
    const std::filesystem::path csv =
        QDir(dir).filePath(QStringLiteral("activities.csv")).toStdString();
    const auto now = SystemClock().now();

    QElapsedTimer timer;
    timer.start();
    demo::writeEventsJsonl(jsonl, *events, 7, now);
    demo::writeMarketoActivities(csv, *events, 7, now);
    const double generated = timer.nsecsElapsed() / 1e9;
    // Flush the files just written, so no run below pays for their write-back.
    ::sync();
    context.out << "bench ingest: " << count(*events) << " events, validation on (date-time "
                << "included), into a fresh WAL store each\n";
    context.out << QStringLiteral("  generate both files      %1 s (%2 MB JSONL, %3 MB CSV)\n")
                       .arg(generated, 0, 'f', 2)
                       .arg(std::filesystem::file_size(jsonl) / 1e6, 0, 'f', 0)
                       .arg(std::filesystem::file_size(csv) / 1e6, 0, 'f', 0);
    context.out.flush();

    // The reference first: whatever the machine is still doing after writing the files
    // (write-back, cache) then weighs on it rather than on Baton.
    std::optional<double> reference;
    {
        std::vector<double> times;
        for (qint64 i = 0; i < *repeats; ++i)
            if (const auto t = sqliteReference(dir, csv))
                times.push_back(*t);
        std::sort(times.begin(), times.end());
        if (!times.empty())
            reference = times[times.size() / 2];
    }
    if (reference)
        context.out << QStringLiteral(
                           "  sqlite3 .import (CSV)   %1 s  (untyped table, no validation: "
                           "the reference, median)\n")
                           .arg(*reference, 6, 'f', 2);
    else
        context.out << "  sqlite3 .import reference: unavailable (install sqlite3)\n";
    context.out.flush();

    const QString storePath = QDir(dir).filePath(QStringLiteral("bench.sqlite"));
    std::vector<std::pair<QString, Timed>> runs;
    for (const auto &[label, file] : {std::pair{QStringLiteral("Baton JSONL"), jsonl},
                                      std::pair{QStringLiteral("Marketo CSV"), csv}}) {
        // A VM's timings wander by 10-20% from run to run: report the median of several.
        std::vector<Timed> tries;
        for (qint64 i = 0; i < *repeats; ++i) {
            tries.push_back(importInto(storePath, file, static_cast<int>(*workers)));
            const Timed &last = tries.back();
            if (last.result.failed || last.result.counts.accepted != *events) {
                context.err << "bench: " << label
                            << " import did not accept every event: " << describeResult(last.result)
                            << "\n";
                return 1;
            }
        }
        std::sort(tries.begin(), tries.end(),
                  [](const Timed &a, const Timed &b) { return a.seconds < b.seconds; });
        Timed t = tries[tries.size() / 2];
        context.out << QStringLiteral("  %1 import %2 s  %3 validated events/s  (median of %4: "
                                      "%5-%6 s)\n")
                           .arg(label, -16)
                           .arg(t.seconds, 6, 'f', 2)
                           .arg(count(qint64(double(*events) / t.seconds)), 9)
                           .arg(tries.size())
                           .arg(tries.front().seconds, 0, 'f', 2)
                           .arg(tries.back().seconds, 0, 'f', 2);
        context.out.flush();
        runs.emplace_back(label, std::move(t));
    }
    if (!reference)
        return 0;
    for (const auto &[label, t] : runs)
        context.out << QStringLiteral("  %1 / reference: %2x (target <= 2.5x)\n")
                           .arg(label, -16)
                           .arg(t.seconds / *reference, 0, 'f', 2);
    return 0;
}

} // namespace baton::app
