#include "ConsoleContext.h"
#include "FileDialogs.h"
#include "MessageBoxes.h"
#include "OsAccount.h"
#include "ReviewDialogs.h"
#include "Settings.h"
#include "StoreWatcher.h"
#include "agents/Policy.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "governance/Identity.h"
#include "models/InboxTableModel.h"
#include "pages/InboxPage.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "review/BriefQueries.h"
#include "store/OpenStore.h"
#include "store/Transaction.h"
#include "store/postgres/PgSql.h"
#include "widgets/BriefView.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLocale>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <ctime>

namespace baton::app {

namespace {

double ms(const QElapsedTimer &t)
{
    return t.nsecsElapsed() / 1e6;
}

// A store with `target` briefs: a demo run's real briefs, cloned with varied state, owner's
// SLA and score so filters and sorts have work to do. Every clone's text is a real brief.
void buildStore(const QString &dir, const QString &path, qint64 target, CommandContext &context)
{
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    demo::DemoOptions options;
    options.leads = 3000;
    options.now = clock.now();
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), options);
    auto db = store::openStore(path.toStdString());
    ingest::Importer importer(db, registry, clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        importer.importFile(file);
    pipeline::saveUsers(db, pipeline::demoTeam());
    governance::Identity(db, clock).markDemoStore();
    RandomIdGenerator ids;
    const auto policy = agents::defaultPolicy(registry);
    pipeline::Orchestrator(db, registry, policy, clock, ids).run({});
    auto &count = db.cached("SELECT count(*), max(id) FROM briefs");
    count.step();
    const qint64 base = count.int64At(0), maxId = count.int64At(1);
    count.reset();
    context.out << "bench console: " << base << " briefs from a 3,000-lead demo run, cloning to "
                << QLocale(QLocale::English).toString(target) << "\n";
    context.out.flush();
    TerminalProgress progress(QStringLiteral("cloning briefs"));
    constexpr qint64 batch = 50000;
    for (qint64 done = base; done < target; done += batch) {
        store::Transaction tx(db);
        auto st = db.prepare(
            "WITH RECURSIVE n(i) AS (SELECT ?1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2) "
            "INSERT INTO briefs (lead_id, run_id, fingerprint, status, version, owner, sla_due, "
            "score, grid, escalation_reasons, brief, inputs, created_at, lead_name, company) "
            "SELECT b.lead_id, b.run_id, b.fingerprint || '-' || n.i, "
            "CASE WHEN n.i % 20 < 12 THEN ?4 WHEN n.i % 20 < 14 THEN ?5 WHEN n.i % 20 < 19 THEN ?6 "
            "ELSE ?7 END, 1, b.owner, "
            "strftime('%Y-%m-%dT%H:%M:%fZ', b.sla_due, ((n.i * 7919) % 43200 - 21600) || "
            "' minutes'), max(0, min(100, b.score + (n.i % 21) - 10)), b.grid, "
            "b.escalation_reasons, b.brief, b.inputs, b.created_at, b.lead_name, b.company "
            "FROM n JOIN briefs b ON b.id = 1 + (n.i % ?3)");
        using review::BriefStatus;
        st.bindAll(done, std::min(target, done + batch) - 1, maxId,
                   util::nameOf(BriefStatus::PendingReview), util::nameOf(BriefStatus::Escalated),
                   util::nameOf(BriefStatus::Approved), util::nameOf(BriefStatus::Superseded));
        st.run();
        tx.commit();
        progress.update(double(done) / double(target));
    }
    progress.finish();
    review::BriefQueries queries(db);
    TerminalProgress indexing(QStringLiteral("indexing for search"));
    for (qint64 left = queries.unindexedBriefs(); left > 0; left = queries.indexBriefs(100000))
        indexing.update(1.0 - double(left) / double(target));
    indexing.finish();
    db.exec("ANALYZE");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// CPU time of the calling thread, in ms: the ui thread's own work, whatever else runs.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

struct ExternalChange
{
    double latency = -1; // ms from the commit to the row on screen; -1: not within 10 s
    double uiWork = 0;   // ms of the ui thread's CPU time meanwhile (waiting costs none)
};

// A CLI approve on a connection of its own, while the page shows the brief: how long until
// its row says so, and what that cost the ui thread. The page follows the store as the
// console's window does (StoreWatcher, then InboxPage::reload).
ExternalChange measureExternalChange(ui::InboxPage &page, ui::ConsoleContext &console,
                                     const QString &path, const Clock &clock)
{
    ui::StoreWatcher watcher(console);
    QObject::connect(&watcher, &ui::StoreWatcher::changed, &page, &ui::InboxPage::reload);
    int row = 5; // a brief still to review, a few rows down
    while (row + 1 < page.model()->rowCount() &&
           page.model()->briefAt(row)->status != review::BriefStatus::PendingReview)
        ++row;
    page.selectRow(row);
    QCoreApplication::processEvents();
    const QModelIndex shown = page.table()->currentIndex();
    const qint64 id = shown.data(ui::InboxTableModel::BriefIdRole).toLongLong();
    const auto registry = contracts::ContractRegistry::builtIn();
    auto cli = store::openStore(path.toStdString());
    review::ReviewService service(cli, registry, clock);
    const auto owner = shown.data(ui::InboxTableModel::OwnerRole).toString().toStdString();
    ExternalChange out;
    {
        const double cpuBefore = threadCpuMs();
        service.approve(service.actor(owner, osAccount()), id, service.brief(id).version);
        QElapsedTimer t;
        t.start();
        const auto approvedOnScreen = [&] {
            const QModelIndex now = page.table()->currentIndex();
            return now.data(ui::InboxTableModel::BriefIdRole).toLongLong() == id &&
                   now.data(ui::InboxTableModel::StatusRole).toString() ==
                       QLatin1String(util::nameOf(review::BriefStatus::Approved).data());
        };
        // Waiting in an event loop costs the thread no CPU; a look every 5 ms costs little.
        QEventLoop loop;
        QTimer look;
        QObject::connect(&look, &QTimer::timeout, &loop, [&] {
            if (approvedOnScreen() || t.elapsed() > 10000)
                loop.quit();
        });
        look.start(5);
        loop.exec();
        page.table()->repaint();
        if (approvedOnScreen())
            out.latency = ms(t);
        out.uiWork = threadCpuMs() - cpuBefore;
    }
    return out;
}

} // namespace

// The inbox over the store at `location`, as a manager opens it, and then a rep's queue.
void measureConsole(const std::string &location, bool built, CommandContext &context)
{
    const QString path = QString::fromStdString(location);
    auto db = store::openStore(location);
    const auto registry = contracts::ContractRegistry::builtIn();
    {
        auto &st = db.cached("SELECT count(*) FROM briefs");
        st.step();
        context.out << "bench console: " << QLocale(QLocale::English).toString(st.int64At(0))
                    << " briefs in "
                    << QString::fromStdString(store::pg::redactedLocation(location)) << " ("
                    << qgetenv("QT_QPA_PLATFORM") << ")\n";
        st.reset();
    }
    ui::QtMessageBoxes messages;
    ui::QtReviewDialogs dialogs;
    ui::QtFileDialogs files;
    ui::Settings settings;
    ui::ConsoleContext console(db, path, registry, context.clock,
                               QString::fromStdString(osAccount()),
                               ui::ConsoleSeams{messages, dialogs, files, settings});

    // First paint: who acts checked, the page built, its first page of rows read and drawn.
    QElapsedTimer t;
    t.start();
    console.setUser(QStringLiteral("dana.okoro@baton.example"));
    ui::InboxPage page(ui::InboxPage::Mode::Inbox, console);
    page.resize(1440, 900);
    page.show();
    page.repaint();
    QCoreApplication::processEvents();
    const double firstPaint = ms(t);

    t.restart();
    page.selectRow(100);
    page.briefView()->repaint();
    const double openBrief = ms(t);

    auto filter = page.model()->filter();
    filter.search = "green";
    t.restart();
    page.model()->setFilter(filter);
    page.table()->repaint();
    const double search = ms(t);
    const qint64 found = page.model()->totalCount();

    filter.search.clear();
    filter.owner = "sam.patel@baton.example";
    t.restart();
    page.model()->setFilter(filter);
    page.table()->repaint();
    const double filterChange = ms(t);

    t.restart();
    page.model()->sort(ui::InboxTableModel::ScoreColumn, Qt::DescendingOrder);
    page.table()->repaint();
    const double sortChange = ms(t);

    // What a rep's view of their own queue, every status, does when the CLI approves.
    filter.status = "all";
    page.model()->setFilter(filter);
    const auto change = measureExternalChange(page, console, path, context.clock);

    const auto line = [&](const char *what, double value, const char *target) {
        context.out << QStringLiteral("  %1 %2 ms  (target %3)\n")
                           .arg(QLatin1String(what), -28)
                           .arg(value, 8, 'f', 1)
                           .arg(QLatin1String(target));
    };
    line("first paint of the inbox", firstPaint, "< 1000 ms");
    line("open a brief", openBrief, "< 100 ms");
    line("first search, \"green\"", search, "< 150 ms");
    context.out << "    (" << found << " matches)\n";
    line("filter change (one owner)", filterChange, "< 100 ms");
    line("sort by score (one owner)", sortChange, "no target");
    line("CLI approve to row on screen", change.latency, "< 2000 ms");
    line("  ui-thread work meanwhile", change.uiWork, "< 50 ms");
    context.out << QStringLiteral("  peak memory %1 MB%2 (target < 400 MB)\n")
                       .arg(peakMegabytes(), 0, 'f', 0)
                       .arg(built ? QStringLiteral(", building the store included: re-run with "
                                                   "--dir DIR --reuse for the console alone")
                                  : QString());
}

int benchConsole(const QCommandLineParser &parser, CommandContext &context)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance())) {
        context.err << "baton bench console: needs the GUI application (run it as `baton bench "
                       "console`)\n";
        return 1;
    }
    const auto briefs = integerOption(parser, QStringLiteral("briefs"), 1000, 10000000, context);
    if (!briefs)
        return 2;
    QTemporaryDir temp;
    const QString dir = benchDirectory(parser, temp);
    const QString path = QDir(dir).filePath(QStringLiteral("console.sqlite"));
    bool built = false;
    if (!(parser.isSet(QStringLiteral("reuse")) && QFile::exists(path))) {
        QFile::remove(path);
        QElapsedTimer build;
        build.start();
        buildStore(dir, path, *briefs, context);
        context.out
            << QStringLiteral("  store built in %1 s\n").arg(build.nsecsElapsed() / 1e9, 0, 'f', 1);
        built = true;
    }

    measureConsole(path.toStdString(), built, context);
    if (!parser.isSet(QStringLiteral("pg")))
        return 0;
    BenchStore pg = BenchStore::postgres(parser.value(QStringLiteral("pg")).toStdString());
    {
        QElapsedTimer port;
        port.start();
        const auto result = pg.portFrom(path.toStdString());
        context.out << QStringLiteral("bench console: the store ported to PostgreSQL (%1 rows) "
                                      "in %2 s%3\n")
                           .arg(result.rowsCopied)
                           .arg(port.nsecsElapsed() / 1e9, 0, 'f', 1)
                           .arg(result.ok() ? QString() : QStringLiteral(" (CHECKS DIFFER)"));
    }
    measureConsole(pg.location(), false, context);
    return 0;
}

} // namespace baton::app
