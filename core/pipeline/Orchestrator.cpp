#include "pipeline/Orchestrator.h"

#include "agents/Policy.h"
#include "ingest/BackgroundCheckpointer.h"
#include "pipeline/LeadEvaluator.h"
#include "pipeline/RunChunks.h"
#include "pipeline/RunStore.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "scoring/RecordBinsMemo.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "store/WalRestarts.h"
#include "util/OrderedPipeline.h"
#include "util/Time.h"

#include <algorithm>
#include <limits>
#include <memory>
#include <mutex>
#include <pthread.h>
#include <thread>

namespace baton::pipeline {

namespace {

struct Outcome
{
    double readSeconds = 0, agentSeconds = 0;
    std::int64_t leadId = 0;
    ItemStatus status = ItemStatus::Pending;
    std::string traceId;
    std::string error;
    Evaluation evaluation;
};

// Leads a worker reads per read transaction: each lead's reads share one snapshot, and the
// writer's WAL restart, which waits for readers still on old frames, waits for 256 leads
// (milliseconds), not a chunk. Per lead, every new snapshot emptied the page cache after
// the writer's commits and the reading cost 1.4 s more. On PostgreSQL each batch costs a
// few round trips and plans, so fewer, larger batches read faster.
constexpr std::size_t kLeadsPerRead = 256;

// What one worker thread needs: its own connection and reader, and its own ids.
struct Worker
{
    store::Database db;
    LeadInputReader reader;
    RunStore runs;
    RandomIdGenerator ids;
    scoring::RecordBinsMemo sharedFacts;

    explicit Worker(const std::filesystem::path &path)
        : db(store::Database::open(
              path,
              {.readOnly = false, .create = false, .busyTimeoutMs = 5000, .quickCheck = false})),
          reader(db), runs(db)
    {
        // 4 MiB, not the 64 MiB imports want: every new snapshot after the writer's commits
        // empties the cache, and a big one was freed and faulted in again each time
        // (measured: cold run 6.45 s -> 6.15 s).
        runs.setPageCacheKiB(4096);
    }
};

using Workers = std::vector<std::unique_ptr<Worker>>;

// The next read transaction's leads read at once (a few statements, not several per lead:
// each is a round trip on PostgreSQL); the seconds it took count as reading.
double prefetch(Worker &w, std::span<const std::int64_t> rest, agents::TimePoint asOf)
{
    const auto t0 = std::chrono::steady_clock::now();
    const auto batch = rest.first(std::min(rest.size(), kLeadsPerRead));
    w.reader.prefetch(batch, asOf);
    w.runs.prefetchBriefs(batch);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Workers openWorkers(const std::filesystem::path &path, int requested)
{
    const int threads = requested > 0
                            ? requested
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    Workers workers;
    for (int i = 0; i < threads; ++i)
        workers.push_back(std::make_unique<Worker>(path));
    return workers;
}

// As in imports: checkpoints from a second connection, not in the writer after commits
// (measured: writing 12.7 s -> 8.2 s over 100,000 leads). Unlike an import's, this WAL
// always has readers (the workers), so SQLite never starts it over by itself: the writer
// does, every 16 MiB, instead of letting it grow to 750 MB (cold run 9.0 s -> 7.9 s).
// Automatic checkpoints are restored however we leave.
struct CheckpointScope
{
    store::WalRestarts restarts;
    ingest::BackgroundCheckpointer checkpointer;
    explicit CheckpointScope(store::Database &db)
        : restarts(db, store::WalRestarts::kDefaultFrames), checkpointer(db.path())
    {
    }
};

struct LeadChunk
{
    std::size_t seq = 0;       // in this process's order
    std::int64_t runChunk = 0; // the run's chunk it is
    std::vector<std::int64_t> leads;
    std::vector<Outcome> outcomes;
};

// Workers evaluate chunks of leads while the single writer commits finished ones in
// order: nobody waits for a chunk's slowest lead (measured at 100,000 leads: 14.7 s with
// evaluate-then-write, 11.6 s overlapping by chunk, 9.3 s with this; chunks of 1,024 leads, 7.9
// s).
class EvaluationPass
{
public:
    EvaluationPass(const EvaluatorRoute &route, const RunRow &run, const RunOptions &options,
                   const Clock &clock, std::size_t workers)
        : m_route(route), m_run(run), m_asOf(*util::parseRfc3339(run.asOf)), m_options(options),
          m_clock(clock), m_pipeline(workers * 4)
    {
    }

    // The chunks `claims` takes, of the leads that were `pending` when the pass began (a
    // chunk this process claims has none of its items written). `done`: the run's items
    // finished before this pass, for progress.
    void run(store::Database &db, RunStore &runs, RunChunks &chunks, const Workers &workers,
             RunChunks &claims, const std::vector<std::int64_t> &pending, std::int64_t done,
             RunSummary &summary);

private:
    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    void fail();
    void produceChunks(RunChunks &claims, const std::vector<std::int64_t> &pending);
    void evaluateChunks(Worker &w);
    void evaluateLead(Worker &w, std::int64_t leadId, Outcome &out) const;
    void writeChunks(store::Database &db, RunStore &runs, RunChunks &chunks, std::int64_t done,
                     RunSummary &summary);
    bool writeOutcomes(store::Database &db, RunStore &runs, RunChunks &chunks,
                       LeadChunk &chunk) const;

    const EvaluatorRoute &m_route;
    const RunRow &m_run;
    const agents::TimePoint m_asOf;
    const RunOptions &m_options;
    const Clock &m_clock;
    util::OrderedPipeline<LeadChunk> m_pipeline;
    std::exception_ptr m_workerError;
    std::mutex m_errorMutex;
};

void EvaluationPass::run(store::Database &db, RunStore &runs, RunChunks &chunks,
                         const Workers &workers, RunChunks &claims,
                         const std::vector<std::int64_t> &pending, std::int64_t done,
                         RunSummary &summary)
{
    {
        std::vector<std::jthread> threads;
        // However the writer leaves, the other threads stop before `threads` joins them.
        struct AbortOnExit
        {
            util::OrderedPipeline<LeadChunk> &p;
            ~AbortOnExit() { p.abort(); }
        } abortOnExit{m_pipeline};
        threads.emplace_back([&] { produceChunks(claims, pending); });
        for (auto &worker : workers)
            threads.emplace_back([this, w = worker.get()] { evaluateChunks(*w); });
        writeChunks(db, runs, chunks, done, summary);
    }
    if (m_workerError)
        std::rethrow_exception(m_workerError);
}

void EvaluationPass::fail()
{
    std::lock_guard lock(m_errorMutex);
    if (!m_workerError)
        m_workerError = std::current_exception();
    m_pipeline.abort();
}

// Claims the run's chunks one by one until none is left that is not this process's or done.
// While other workers hold the rest it waits, to take over a chunk whose worker is gone and
// to close the run when the last is done.
void EvaluationPass::produceChunks(RunChunks &claims, const std::vector<std::int64_t> &pending)
{
    pthread_setname_np(pthread_self(), "baton-claim");
    try {
        std::size_t seq = 0;
        while (!cancelled()) {
            ClaimedChunk claimed;
            const auto next = claims.claimNext(claimed);
            if (next == RunChunks::Next::NoneLeft)
                break;
            if (next == RunChunks::Next::Wait) {
                m_clock.sleepFor(std::chrono::milliseconds(250));
                continue;
            }
            LeadChunk chunk;
            chunk.seq = seq;
            chunk.runChunk = claimed.seq;
            chunk.leads.assign(std::lower_bound(pending.begin(), pending.end(), claimed.firstLead),
                               std::upper_bound(pending.begin(), pending.end(), claimed.lastLead));
            if (!m_pipeline.submit(std::move(chunk)))
                return;
            ++seq;
        }
        m_pipeline.finishProducing(seq);
    } catch (...) {
        fail();
    }
}

void EvaluationPass::evaluateChunks(Worker &w)
{
    pthread_setname_np(pthread_self(), "baton-evaluate");
    try {
        while (auto chunk = m_pipeline.takeWork()) {
            chunk->outcomes.resize(chunk->leads.size());
            for (std::size_t i = 0; i < chunk->leads.size(); ++i) {
                if (i % kLeadsPerRead == 0) {
                    w.runs.beginReadSnapshot();
                    chunk->outcomes[i].readSeconds =
                        prefetch(w, std::span(chunk->leads).subspan(i), m_asOf);
                }
                evaluateLead(w, chunk->leads[i], chunk->outcomes[i]);
                if (i % kLeadsPerRead == kLeadsPerRead - 1 || i + 1 == chunk->leads.size())
                    w.runs.endReadSnapshot();
            }
            m_pipeline.putDone(std::move(*chunk));
        }
    } catch (...) {
        fail();
    }
}

// A lead that fails is an item that failed, not a run that stops.
void EvaluationPass::evaluateLead(Worker &w, std::int64_t leadId, Outcome &out) const
{
    out.leadId = leadId;
    out.traceId = w.ids.randomHex(16);
    try {
        const auto t0 = std::chrono::steady_clock::now();
        const auto inputs = w.reader.read(leadId, m_asOf);
        out.readSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (!inputs) {
            out.status = ItemStatus::Failed;
            out.error = "lead #" + std::to_string(leadId) + " no longer exists";
            return;
        }
        const LeadEvaluator &evaluator = m_route.forLead(leadId);
        const std::string fingerprint = evaluator.fingerprint(*inputs);
        if (w.runs.briefWithFingerprint(leadId, fingerprint)) {
            out.status = ItemStatus::Unchanged;
            out.evaluation.fingerprint = fingerprint;
            return;
        }
        std::optional<agents::TimePoint> lastBrief;
        if (const auto last = w.runs.lastBriefTime(leadId))
            lastBrief = util::parseRfc3339(*last);
        const auto t1 = std::chrono::steady_clock::now();
        out.evaluation = evaluator.evaluate(*inputs, m_asOf, m_run.id, out.traceId, w.ids,
                                            lastBrief, fingerprint, &w.sharedFacts);
        out.agentSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
        out.status = out.evaluation.handoff ? ItemStatus::Briefed : ItemStatus::NotQualified;
        out.evaluation.freeze();
    } catch (const store::StoreError &e) {
        if (e.connectionLost()) // the lead did not fail: the run tries it again
            throw;
        out.status = ItemStatus::Failed;
        out.error = e.what();
    } catch (const std::exception &e) {
        out.status = ItemStatus::Failed;
        out.error = e.what();
    }
}

void EvaluationPass::writeChunks(store::Database &db, RunStore &runs, RunChunks &chunks,
                                 std::int64_t done, RunSummary &summary)
{
    while (auto chunk = m_pipeline.takeNext()) {
        const auto w0 = std::chrono::steady_clock::now();
        if (writeOutcomes(db, runs, chunks, *chunk))
            summary.evaluatedHere += static_cast<std::int64_t>(chunk->outcomes.size());
        // Each commit is word that this worker lives: its other chunks' leases start over.
        chunks.renew();
        summary.writeSeconds +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
        for (const Outcome &o : chunk->outcomes) {
            summary.readSeconds += o.readSeconds;
            summary.agentSeconds += o.agentSeconds;
        }
        done += static_cast<std::int64_t>(chunk->outcomes.size());
        if (m_options.onProgress)
            m_options.onProgress(done, m_run.total);
        m_pipeline.dispose(std::move(*chunk));
        // Stop soon: chunks evaluated ahead are dropped, their items stay pending for the
        // next run.
        if (cancelled())
            break;
    }
}

// A chunk's items and their briefs commit together, with the chunk done; not at all when
// another worker has taken the chunk over meanwhile (it writes them instead).
bool EvaluationPass::writeOutcomes(store::Database &db, RunStore &runs, RunChunks &chunks,
                                   LeadChunk &chunk) const
{
    store::Transaction tx(db);
    if (!chunks.complete(chunk.runChunk))
        return false;
    runs.reserveBriefIds(static_cast<std::size_t>(
        std::count_if(chunk.outcomes.begin(), chunk.outcomes.end(),
                      [](const Outcome &o) { return o.status == ItemStatus::Briefed; })));
    for (Outcome &o : chunk.outcomes) {
        std::optional<std::int64_t> briefId;
        if (o.status == ItemStatus::Briefed)
            briefId = runs.writeBrief(o.leadId, m_run.id, o.evaluation, o.traceId, m_run.asOf);
        runs.finishItem(m_run.id, o.leadId, o.status, o.evaluation.fingerprint, briefId, o.error);
    }
    runs.flushWrites();
    tx.commit();
    return true;
}

std::string leadList(const std::vector<std::int64_t> &ids)
{
    std::string list;
    for (const auto id : ids)
        list += (list.empty() ? "#" : ", #") + std::to_string(id);
    return list;
}

void addCounts(const RunRow &finished, RunSummary &summary)
{
    summary.total = finished.total;
    summary.briefed = finished.briefs;
    summary.escalated = finished.escalated;
    summary.unchanged = finished.unchanged;
    summary.notQualified = finished.notQualified;
    summary.failed = finished.failed;
    summary.notRead = finished.notRead;
}

} // namespace

Orchestrator::Orchestrator(store::Database &db, const contracts::ContractRegistry &registry,
                           const agents::Policy &policy, const Clock &clock, IdGenerator &ids)
    : m_db(db), m_registry(registry), m_policy(policy), m_clock(clock), m_ids(ids)
{
}

// A team database's connection lost mid-run: every connection of the run is dropped, and once
// the server answers again the run carries on from its chunks, as if resumed. Chunks are done
// whole or not at all, so nothing is lost or written twice.
RunSummary Orchestrator::run(const RunOptions &options)
{
    const auto started = m_clock.steadyNow();
    for (;;) {
        try {
            RunSummary summary = runOnce(options);
            summary.seconds = std::chrono::duration<double>(m_clock.steadyNow() - started).count();
            return summary;
        } catch (const store::StoreError &e) {
            if (!e.connectionLost() || (options.cancel && options.cancel->load()))
                throw;
            if (options.onNotice)
                options.onNotice("the team database's connection was lost (" +
                                 std::string(e.what()) + "); waiting for it to be back");
            reconnect(options);
        }
    }
}

void Orchestrator::reconnect(const RunOptions &options)
{
    const auto since = m_clock.steadyNow();
    for (;;) {
        try {
            m_db = store::Database::open(m_db.path());
            return;
        } catch (const store::StoreError &e) {
            if (m_clock.steadyNow() - since > options.reconnectFor)
                throw RunError("the team database has not come back in " +
                               std::to_string(options.reconnectFor.count()) + " s: " + e.what());
        }
        if (options.cancel && options.cancel->load())
            throw RunError("cancelled while waiting for the team database");
        m_clock.sleepFor(std::chrono::seconds(1));
    }
}

RunSummary Orchestrator::runOnce(const RunOptions &options)
{
    LeadEvaluator evaluator(m_policy, m_registry, options.summarizer);
    options.scoring.applyTo(evaluator);
    LeadEvaluator canary(m_policy, m_registry, options.summarizer);
    options.canary.applyTo(canary);
    const EvaluatorRoute route(evaluator, &canary, options.canaryShare);
    RunStore runs(m_db);
    RunSummary summary;
    const std::string worker = RunChunks::workerName(m_ids.randomHex(6));
    const RunRow run = openRun(runs, route, options, worker, summary);
    summary.runId = run.id;

    const Workers workers = openWorkers(m_db.path(), options.workerThreads);
    for (const auto &w : workers)
        w->reader.setReadRecords(route.readsRecords(), route.attributeTypes());
    // Claims go on a connection of their own, beside the writer's transactions.
    store::Database claimDb = store::Database::open(
        m_db.path(),
        {.readOnly = false, .create = false, .busyTimeoutMs = 5000, .quickCheck = false});
    const std::chrono::milliseconds lease = options.lease;
    RunChunks claims(claimDb, run.id, worker, lease);
    RunChunks chunks(m_db, run.id, worker, lease);
    {
        // However the pass ends, chunks this process claimed and did not write are free at once.
        struct ReleaseOnExit
        {
            RunChunks &claims;
            ~ReleaseOnExit()
            {
                try {
                    claims.release();
                } catch (...) {
                }
            }
        } release{claims};
        std::optional<CheckpointScope> checkpoints(std::in_place, m_db);
        const std::int64_t done = runs.settledItemCount(run.id);
        const auto pending = runs.pendingLeads(run.id);
        EvaluationPass(route, run, options, m_clock, workers.size())
            .run(m_db, runs, chunks, workers, claims, pending, done, summary);
    }
    closeRun(runs, chunks, run.id, options.cancel && options.cancel->load());
    addCounts(*runs.run(run.id), summary);
    return summary;
}

// The unfinished run if there is one, else a new one; in either case split into chunks.
// A run another worker is at is joined; one nobody is at any more is resumed.
RunRow Orchestrator::openRun(RunStore &runs, const EvaluatorRoute &route, const RunOptions &options,
                             const std::string &worker, RunSummary &summary)
{
    store::Transaction tx(m_db);
    runs.lockRunStart();
    std::optional<RunRow> run = runs.latestUnfinishedRun();
    if (run) {
        RunChunks chunks(m_db, run->id, worker, options.lease);
        const bool live = run->status == "running" && chunks.othersAtWork();
        if (run->configHash != route.configHash())
            throw RunError("run " + run->id +
                           (live ? " is under way under another policy or other agent versions; "
                                   "wait for it to finish, or run with its policy to help"
                                 : " was interrupted under another policy or other agent "
                                   "versions; it cannot be finished as it started. Restore that "
                                   "policy, or start anew after marking it failed"));
        if (!live)
            runs.reopenRun(run->id);
        summary.joined = live;
        summary.resumed = !live;
        if (!chunks.hasChunks()) // a run from before chunks were shared
            chunks.create(runs.pendingLeads(run->id), options.chunk);
    } else if (options.resumeOnly) {
        throw RunError("there is no interrupted run to resume");
    } else {
        run = startRun(runs, route, options);
        RunChunks(m_db, run->id, worker, options.lease)
            .create(runs.pendingLeads(run->id), options.chunk);
    }
    tx.commit();
    return std::move(*run);
}

RunRow Orchestrator::startRun(RunStore &runs, const EvaluatorRoute &route,
                              const RunOptions &options)
{
    const auto now = m_clock.now();
    RunRow fresh;
    fresh.id = m_ids.uuidV7(now);
    fresh.trigger = options.trigger;
    fresh.asOf = util::formatUtc(now);
    fresh.configHash = route.configHash();
    fresh.startedAt = fresh.asOf;
    fresh.inputWatermark = runs.inputWatermark();
    fresh.fullRun = options.leadIds.empty();
    std::vector<std::int64_t> leads = leadsToRun(runs, fresh, options.leadIds);
    runs.createRun(fresh, nlohmann::json(route.agentVersions()).dump(), m_policy.sha256,
                   std::move(leads));
    return *runs.run(fresh.id);
}

// The leads asked for, all of them, or (for a full run after an earlier one) only those
// that can come out differently; `fresh.notRead` counts the rest.
std::vector<std::int64_t> Orchestrator::leadsToRun(RunStore &runs, RunRow &fresh,
                                                   const std::vector<std::int64_t> &asked)
{
    std::vector<std::int64_t> leads = asked;
    if (const auto missing = runs.missingLeads(leads); !missing.empty())
        throw RunError("the store has no lead " + leadList(missing));
    if (!fresh.fullRun)
        return leads;
    // Only leads whose inputs changed since the last full run under the same policy and
    // agents; everything else would come out unchanged.
    if (const auto base = runs.lastFullRun(fresh.configHash)) {
        leads = runs.changedLeads(base->inputWatermark, base->id);
        fresh.notRead = runs.leadCount() - static_cast<std::int64_t>(leads.size());
    } else {
        leads = LeadInputReader(m_db).leadIds();
    }
    return leads;
}

// The last worker to finish closes the run; one cancelled leaves it to those still at work,
// or interrupted when there are none.
void Orchestrator::closeRun(RunStore &runs, RunChunks &chunks, const std::string &runId,
                            bool cancelled)
{
    store::Transaction tx(m_db);
    if (chunks.openCount() == 0)
        runs.finishRun(runId, "done", util::formatUtc(m_clock.now()));
    else if (cancelled && !chunks.othersAtWork())
        runs.finishRun(runId, "interrupted", util::formatUtc(m_clock.now()));
    tx.commit();
}

} // namespace baton::pipeline
