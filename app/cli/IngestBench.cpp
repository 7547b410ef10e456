#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"

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

// The median of an engine's imports of one file, with the spread.
struct Median
{
    double seconds = 0, low = 0, high = 0;
    int runs = 0;
};

Timed importInto(BenchStore &where, const std::filesystem::path &file, int workers)
{
    auto db = store::openStore(where.fresh());
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

// The reference first: whatever the machine is still doing after writing the files
// (write-back, cache) then weighs on it rather than on Baton.
std::optional<double> medianReference(const QString &dir, const std::filesystem::path &csv,
                                      qint64 repeats, CommandContext &context)
{
    std::vector<double> times;
    for (qint64 i = 0; i < repeats; ++i)
        if (const auto t = sqliteReference(dir, csv))
            times.push_back(*t);
    std::sort(times.begin(), times.end());
    if (times.empty()) {
        context.out << "  sqlite3 .import reference: unavailable (install sqlite3)\n";
        return std::nullopt;
    }
    const double median = times[times.size() / 2];
    context.out << QStringLiteral("  sqlite3 .import (CSV)   %1 s  (untyped table, no "
                                  "validation: the reference, median)\n")
                       .arg(median, 6, 'f', 2);
    context.out.flush();
    return median;
}

// A VM's timings wander by 10-20% from run to run: the median of several fresh imports.
std::optional<Median> medianImport(BenchStore &where, const QString &label,
                                   const std::filesystem::path &file, qint64 events, int workers,
                                   qint64 repeats, CommandContext &context)
{
    std::vector<double> tries;
    for (qint64 i = 0; i < repeats; ++i) {
        const Timed t = importInto(where, file, workers);
        if (t.result.failed || t.result.counts.accepted != events) {
            context.err << "bench: " << label << " import into " << where.engineName()
                        << " did not accept every event: " << describeResult(t.result) << "\n";
            return std::nullopt;
        }
        tries.push_back(t.seconds);
    }
    std::sort(tries.begin(), tries.end());
    Median m;
    m.seconds = tries[tries.size() / 2];
    m.low = tries.front();
    m.high = tries.back();
    m.runs = static_cast<int>(tries.size());
    context.out << QStringLiteral("  %1 import %2 %3 s  %4 validated events/s  (median of %5: "
                                  "%6-%7 s)\n")
                       .arg(label, -12)
                       .arg(where.engineName(), -10)
                       .arg(m.seconds, 6, 'f', 2)
                       .arg(count(qint64(double(events) / m.seconds)), 9)
                       .arg(m.runs)
                       .arg(m.low, 0, 'f', 2)
                       .arg(m.high, 0, 'f', 2);
    context.out.flush();
    return m;
}

struct Files
{
    std::filesystem::path jsonl, csv;
};

Files generateFiles(const QString &dir, qint64 events, CommandContext &context)
{
    Files f{QDir(dir).filePath(QStringLiteral("events.jsonl")).toStdString(),
            QDir(dir).filePath(QStringLiteral("activities.csv")).toStdString()};
    const auto now = SystemClock().now();
    QElapsedTimer timer;
    timer.start();
    demo::writeEventsJsonl(f.jsonl, events, 7, now);
    demo::writeMarketoActivities(f.csv, events, 7, now);
    const double generated = timer.nsecsElapsed() / 1e9;
    // Flush the files just written, so no run below pays for their write-back.
    ::sync();
    context.out << QStringLiteral("  generate both files      %1 s (%2 MB JSONL, %3 MB CSV)\n")
                       .arg(generated, 0, 'f', 2)
                       .arg(std::filesystem::file_size(f.jsonl) / 1e6, 0, 'f', 0)
                       .arg(std::filesystem::file_size(f.csv) / 1e6, 0, 'f', 0);
    context.out.flush();
    return f;
}

} // namespace

int benchIngest(const QCommandLineParser &parser, CommandContext &context)
{
    auto events = integerOption(parser, QStringLiteral("events"), 0, 100000000, context);
    if (events && *events == 0)
        events = 1000000;
    const auto workers = integerOption(parser, QStringLiteral("workers"), 0, 64, context);
    const auto repeats = integerOption(parser, QStringLiteral("runs"), 1, 15, context);
    if (!events || !workers || !repeats)
        return 2;
    QTemporaryDir temp;
    const QString dir = benchDirectory(parser, temp);
    std::vector<BenchStore> stores;
    stores.push_back(BenchStore::file(QDir(dir).filePath(QStringLiteral("bench.sqlite"))));
    if (parser.isSet(QStringLiteral("pg")))
        stores.push_back(BenchStore::postgres(parser.value(QStringLiteral("pg")).toStdString()));
    context.out << "bench ingest: " << count(*events) << " events, validation on (date-time "
                << "included), into a fresh store each"
                << (stores.size() > 1 ? ": a WAL file and a new PostgreSQL database\n" : "\n");
    const Files files = generateFiles(dir, *events, context);
    const auto reference = medianReference(dir, files.csv, *repeats, context);

    // [file][engine]
    std::vector<std::pair<QString, std::vector<Median>>> runs;
    for (const auto &[label, file] : {std::pair{QStringLiteral("Baton JSONL"), files.jsonl},
                                      std::pair{QStringLiteral("Marketo CSV"), files.csv}}) {
        auto &row = runs.emplace_back(label, std::vector<Median>{}).second;
        for (auto &where : stores) {
            const auto m = medianImport(where, label, file, *events, static_cast<int>(*workers),
                                        *repeats, context);
            if (!m)
                return 1;
            row.push_back(*m);
        }
    }
    if (stores.size() > 1) {
        context.out << "  validated events/s      SQLite   PostgreSQL   PostgreSQL/SQLite\n";
        for (const auto &[label, row] : runs)
            context.out << QStringLiteral("  %1 %2 %3   %4x\n")
                               .arg(label, -16)
                               .arg(count(qint64(double(*events) / row[0].seconds)), 13)
                               .arg(count(qint64(double(*events) / row[1].seconds)), 12)
                               .arg(row[0].seconds / row[1].seconds, 0, 'f', 2);
    }
    if (reference)
        for (const auto &[label, row] : runs)
            context.out << QStringLiteral("  %1 SQLite / reference: %2x (target <= 2.5x)\n")
                               .arg(label, -16)
                               .arg(row[0].seconds / *reference, 0, 'f', 2);
    return 0;
}

} // namespace baton::app
