#include "adapters/OneShotHttpTransport.h"
#include "agents/Policy.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewService.h"
#include "sandbox/CrmSandbox.h"
#include "store/OpenStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <algorithm>
#include <cmath>

namespace baton::app {

// `baton bench push`: approved briefs pushed to the CRM sandbox under HubSpot's default burst
// limit (100 requests per 10 s), batches small enough that the run spans several windows.
// Prints the achieved request rate against the allowed one and how many 429s came back.
int benchPush(const QCommandLineParser &parser, CommandContext &context)
{
    // --briefs defaults to the console bench's million: 1,000 here unless given.
    const auto briefs = parser.isSet(QStringLiteral("briefs"))
                            ? integerOption(parser, QStringLiteral("briefs"), 10, 100000, context)
                            : std::optional<qint64>(1000);
    const auto batch = integerOption(parser, QStringLiteral("batch"), 1, 100, context);
    if (!briefs || !batch)
        return 2;
    const qint64 wanted = *briefs;
    QTemporaryDir temp;
    const QString dir = benchDirectory(parser, temp);
    const QString storePath = QDir(dir).filePath(QStringLiteral("push.sqlite"));
    QFile::remove(storePath);
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();

    QElapsedTimer timer;
    timer.start();
    // About 7% of demo leads are briefed without escalation: enough leads for the briefs.
    demo::DemoOptions demoOptions;
    demoOptions.leads = static_cast<int>(wanted * 16);
    demoOptions.now = clock.now();
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), demoOptions);
    auto db = store::openStore(storePath.toStdString());
    {
        ingest::Importer importer(db, registry, clock);
        for (const auto &file :
             {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
            importer.importFile(file);
        pipeline::saveUsers(db, pipeline::demoTeam());
        const auto policy = agents::defaultPolicy(registry);
        RandomIdGenerator ids;
        pipeline::Orchestrator(db, registry, policy, clock, ids).run({});
    }
    review::ReviewService service(db, registry, clock);
    std::vector<std::pair<std::int64_t, std::string>> open;
    {
        auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = ? ORDER BY id LIMIT ?");
        st.bindAll(util::nameOf(review::BriefStatus::PendingReview),
                   static_cast<std::int64_t>(wanted));
        while (st.step())
            open.emplace_back(st.int64At(0), st.textAt(1));
    }
    // The bench times delivery: its approvals are not held for an undo.
    review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "bench"),
                                        std::chrono::seconds(0), clock.now());
    for (const auto &[id, owner] : open)
        service.approve(service.actor(owner, "bench"), id, service.brief(id).version);
    const QLocale en(QLocale::English);
    context.out << "bench push: " << en.toString(qint64(open.size()))
                << " approved briefs, store built in "
                << QString::number(timer.nsecsElapsed() / 1e9, 'f', 1) << " s\n";
    context.out.flush();

    CrmSandbox sandbox;
    CrmSandboxConfig config; // HubSpot's default: 100 requests per rolling 10 seconds
    bool rateOk = false;
    config.faultRate = parser.value(QStringLiteral("fault-rate")).toDouble(&rateOk);
    if (!rateOk || config.faultRate < 0 || config.faultRate > 1) {
        context.err << "baton bench push: --fault-rate takes 0..1\n";
        return 2;
    }
    if (!sandbox.start(0, config)) {
        context.err << "baton bench push: the sandbox could not listen\n";
        return 1;
    }
    crm::HubSpotConnector::Config hub;
    hub.baseUrl = sandbox.baseUrl().toStdString();
    hub.accessToken = "pat-bench";
    hub.limit = {config.rateLimit, std::chrono::milliseconds(config.windowMs)};
    hub.timeoutMs = 2000; // the sandbox's "timeout" fault holds the line for 5 s
    crm::HubSpotConnector hubspot(hub);
    OneShotHttpTransport transport;
    crm::PushOptions options;
    options.batchSize = static_cast<std::size_t>(*batch);
    TerminalProgress progress(QStringLiteral("pushing"));
    options.onProgress = [&](std::int64_t settled, std::int64_t total) {
        progress.update(total ? double(settled) / double(total) : 1.0);
    };
    crm::PushWorker worker(db, hubspot, transport, clock, options);
    const auto s = worker.runUntilIdle();
    progress.finish();
    const auto counts = sandbox.counts();
    const double window = config.windowMs / 1000.0;
    // A sliding window allows `limit` at once and `limit` more per window after that.
    const double allowed = config.rateLimit * (std::floor(s.seconds / window) + 1);
    const auto sent = counts.requests;
    context.out << QStringLiteral("  %1 requests in %2 s (%3 lookups); allowed in that time: %4 "
                                  "(%5 per %6 s)\n")
                       .arg(sent)
                       .arg(s.seconds, 0, 'f', 1)
                       .arg(s.lookups)
                       .arg(allowed, 0, 'f', 0)
                       .arg(config.rateLimit)
                       .arg(window, 0, 'f', 0);
    context.out << QStringLiteral("  achieved / allowed: %1 (target >= 0.9); answered 429: %2 of "
                                  "%3, %4% (target < 1%)\n")
                       .arg(sent / allowed, 0, 'f', 2)
                       .arg(counts.rateLimited)
                       .arg(sent)
                       .arg(sent ? 100.0 * counts.rateLimited / sent : 0.0, 0, 'f', 2);
    if (config.faultRate > 0)
        context.out << QStringLiteral("  faults injected: %1 (%2% of requests)\n")
                           .arg(counts.faults)
                           .arg(100.0 * counts.faults / std::max(1, sent), 0, 'f', 1);
    context.out << QStringLiteral("  in the CRM: %1 contacts, %2 notes, %3 tasks; duplicates %4, "
                                  "unassociated %5\n")
                       .arg(counts.contacts)
                       .arg(counts.notes)
                       .arg(counts.tasks)
                       .arg(counts.duplicateNotes + counts.duplicateTasks)
                       .arg(counts.unassociatedNotes + counts.unassociatedTasks);
    return 0;
}

} // namespace baton::app
