#include "pipeline/Orchestrator.h"

#include "agents/Policy.h"
#include "ingest/BackgroundCheckpointer.h"
#include "pipeline/LeadEvaluator.h"
#include "pipeline/RunStore.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/Database.h"
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
    std::string status; // briefed, unchanged, not_qualified, failed
    std::string traceId;
    std::string error;
    Evaluation evaluation;
};

// Leads a worker reads per read transaction: each lead's reads share one snapshot, and the
// writer's WAL restart, which waits for readers still on old frames, waits for 64 leads
// (milliseconds), not a chunk. Per lead, every new snapshot emptied the page cache after
// the writer's commits and the reading cost 1.4 s more.
constexpr std::size_t kLeadsPerRead = 64;

// What one worker thread needs: its own connection and reader, and its own ids.
struct Worker
{
    store::Database db;
    LeadInputReader reader;
    RunStore runs;
    RandomIdGenerator ids;

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

} // namespace

Orchestrator::Orchestrator(store::Database &db, const contracts::ContractRegistry &registry,
                           const agents::Policy &policy, const Clock &clock, IdGenerator &ids)
    : m_db(db), m_registry(registry), m_policy(policy), m_clock(clock), m_ids(ids)
{
}

RunSummary Orchestrator::run(const RunOptions &options)
{
    const auto started = m_clock.steadyNow();
    LeadEvaluator evaluator(m_policy, m_registry, options.summarizer);
    if (options.scoringModel)
        evaluator.useScoringModel(options.scoringModel, options.scoringVersion);
    RunStore runs(m_db);
    RunSummary summary;
    std::optional<RunRow> run;
    {
        store::Transaction tx(m_db);
        runs.markInterruptedRuns();
        run = runs.latestUnfinishedRun();
        if (run) {
            if (run->configHash != evaluator.configHash())
                throw RunError(
                    "run " + run->id +
                    " was interrupted under another policy or other agent versions; "
                    "it cannot be finished as it started. Restore that policy, or start anew "
                    "after marking it failed");
            runs.reopenRun(run->id);
            summary.resumed = true;
        } else if (options.resumeOnly) {
            throw RunError("there is no interrupted run to resume");
        } else {
            const auto now = m_clock.now();
            RunRow fresh;
            fresh.id = m_ids.uuidV7(now);
            fresh.trigger = options.trigger;
            fresh.asOf = util::formatUtc(now);
            fresh.configHash = evaluator.configHash();
            fresh.startedAt = fresh.asOf;
            fresh.inputWatermark = runs.inputWatermark();
            fresh.fullRun = options.leadIds.empty();
            std::vector<std::int64_t> leads = options.leadIds;
            if (const auto missing = runs.missingLeads(leads); !missing.empty()) {
                std::string list;
                for (const auto id : missing)
                    list += (list.empty() ? "#" : ", #") + std::to_string(id);
                throw RunError("the store has no lead " + list);
            }
            if (fresh.fullRun) {
                // Only leads whose inputs changed since the last full run under the same
                // policy and agents; everything else would come out unchanged.
                if (const auto base = runs.lastFullRun(fresh.configHash)) {
                    leads = runs.changedLeads(base->inputWatermark, base->id);
                    fresh.notRead = runs.leadCount() - static_cast<std::int64_t>(leads.size());
                } else {
                    leads = LeadInputReader(m_db).leadIds();
                }
            }
            runs.createRun(fresh, nlohmann::json(evaluator.agentVersions()).dump(), m_policy.sha256,
                           std::move(leads));
            run = runs.run(fresh.id);
        }
        tx.commit();
    }
    summary.runId = run->id;
    const auto asOf = *util::parseRfc3339(run->asOf);

    const int threads = options.workerThreads > 0
                            ? options.workerThreads
                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    std::vector<std::unique_ptr<Worker>> workers;
    for (int i = 0; i < threads; ++i)
        workers.push_back(std::make_unique<Worker>(m_db.path()));

    const auto evaluate = [&](Worker &w, std::int64_t leadId, Outcome &out) {
        out.leadId = leadId;
        out.traceId = w.ids.randomHex(16);
        try {
            const auto t0 = std::chrono::steady_clock::now();
            const auto inputs = w.reader.read(leadId, asOf);
            out.readSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            if (!inputs) {
                out.status = "failed";
                out.error = "lead #" + std::to_string(leadId) + " no longer exists";
                return;
            }
            const std::string fingerprint = evaluator.fingerprint(*inputs);
            if (w.runs.briefWithFingerprint(leadId, fingerprint)) {
                out.status = "unchanged";
                out.evaluation.fingerprint = fingerprint;
                return;
            }
            std::optional<agents::TimePoint> lastBrief;
            if (const auto last = w.runs.lastBriefTime(leadId))
                lastBrief = util::parseRfc3339(*last);
            const auto t1 = std::chrono::steady_clock::now();
            out.evaluation = evaluator.evaluate(*inputs, asOf, run->id, out.traceId, w.ids,
                                                lastBrief, fingerprint);
            out.agentSeconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
            out.status = out.evaluation.handoff ? "briefed" : "not_qualified";
            out.evaluation.freeze();
        } catch (const std::exception &e) {
            out.status = "failed";
            out.error = e.what();
        }
    };

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
    std::optional<CheckpointScope> checkpoints(std::in_place, m_db);
    std::int64_t done = runs.settledItemCount(run->id);
    // Workers evaluate chunks of leads while the single writer commits finished ones in
    // order: nobody waits for a chunk's slowest lead (measured at 100,000 leads: 14.7 s with
    // evaluate-then-write, 11.6 s overlapping by chunk, 9.3 s with this; chunks of 1,024 leads, 7.9
    // s).
    struct LeadChunk
    {
        std::size_t seq = 0;
        std::vector<std::int64_t> leads;
        std::vector<Outcome> outcomes;
    };
    const auto pending = runs.pendingLeads(run->id);
    util::OrderedPipeline<LeadChunk> pipeline(workers.size() * 4);
    std::exception_ptr workerError;
    std::mutex errorMutex;
    {
        std::vector<std::jthread> threads;
        // However the writer leaves, the other threads stop before `threads` joins them.
        struct AbortOnExit
        {
            util::OrderedPipeline<LeadChunk> &p;
            ~AbortOnExit() { p.abort(); }
        } abortOnExit{pipeline};
        threads.emplace_back([&] {
            std::size_t seq = 0;
            for (std::size_t next = 0; next < pending.size(); next += options.chunk) {
                if (options.cancel && options.cancel->load())
                    break;
                LeadChunk chunk;
                chunk.seq = seq;
                chunk.leads.assign(pending.begin() + static_cast<std::ptrdiff_t>(next),
                                   pending.begin() + static_cast<std::ptrdiff_t>(std::min(
                                                         next + options.chunk, pending.size())));
                if (!pipeline.submit(std::move(chunk)))
                    return;
                ++seq;
            }
            pipeline.finishProducing(seq);
        });
        for (auto &worker : workers)
            threads.emplace_back([&, w = worker.get()] {
                pthread_setname_np(pthread_self(), "baton-evaluate");
                try {
                    while (auto chunk = pipeline.takeWork()) {
                        chunk->outcomes.resize(chunk->leads.size());
                        for (std::size_t i = 0; i < chunk->leads.size(); ++i) {
                            if (i % kLeadsPerRead == 0)
                                w->runs.beginReadSnapshot();
                            evaluate(*w, chunk->leads[i], chunk->outcomes[i]);
                            if (i % kLeadsPerRead == kLeadsPerRead - 1 ||
                                i + 1 == chunk->leads.size())
                                w->runs.endReadSnapshot();
                        }
                        pipeline.putDone(std::move(*chunk));
                    }
                } catch (...) {
                    std::lock_guard lock(errorMutex);
                    workerError = std::current_exception();
                    pipeline.abort();
                }
            });

        while (auto chunk = pipeline.takeNext()) {
            const auto w0 = std::chrono::steady_clock::now();
            store::Transaction tx(m_db);
            for (Outcome &o : chunk->outcomes) {
                std::optional<std::int64_t> briefId;
                if (o.status == "briefed")
                    briefId =
                        runs.writeBrief(o.leadId, run->id, o.evaluation, o.traceId, run->asOf);
                runs.finishItem(run->id, o.leadId, o.status, o.evaluation.fingerprint, briefId,
                                o.error);
            }
            tx.commit();
            summary.writeSeconds +=
                std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
            for (const Outcome &o : chunk->outcomes) {
                summary.readSeconds += o.readSeconds;
                summary.agentSeconds += o.agentSeconds;
            }
            done += static_cast<std::int64_t>(chunk->outcomes.size());
            if (options.onProgress)
                options.onProgress(done, run->total);
            pipeline.dispose(std::move(*chunk));
            // Stop soon: chunks evaluated ahead are dropped, their items stay pending for
            // the next run.
            if (options.cancel && options.cancel->load())
                break;
        }
    }
    if (workerError)
        std::rethrow_exception(workerError);

    checkpoints.reset();
    const bool cancelled = options.cancel && options.cancel->load();
    {
        store::Transaction tx(m_db);
        runs.finishRun(run->id, cancelled ? "interrupted" : "done", util::formatUtc(m_clock.now()));
        tx.commit();
    }
    const auto finished = runs.run(run->id);
    summary.total = finished->total;
    summary.briefed = finished->briefs;
    summary.escalated = finished->escalated;
    summary.unchanged = finished->unchanged;
    summary.notQualified = finished->notQualified;
    summary.failed = finished->failed;
    summary.notRead = finished->notRead;
    summary.seconds = std::chrono::duration<double>(m_clock.steadyNow() - started).count();
    return summary;
}

} // namespace baton::pipeline
