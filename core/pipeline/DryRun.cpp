#include "pipeline/DryRun.h"

#include "agents/Policy.h"
#include "pipeline/LeadEvaluator.h"
#include "pipeline/RunStore.h"
#include "ports/IdGenerator.h"
#include "scoring/RecordBinsMemo.h"
#include "store/Database.h"
#include "util/Time.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <span>
#include <thread>

namespace baton::pipeline {

namespace {

// Leads a worker reads at once, in one read transaction, as a run reads them.
constexpr std::size_t kLeadsPerRead = 256;

struct Verdict
{
    bool qualified = false, briefed = false, escalated = false;
    std::string grid;
    double score = 0;
};

using Evaluators = std::vector<std::unique_ptr<LeadEvaluator>>;
// verdicts[lead index][variant]
using Verdicts = std::vector<std::vector<Verdict>>;

// What one thread reads and evaluates with, on its own connection, from batch to batch.
struct BatchWorker
{
    LeadInputReader reader;
    RunStore runs;
    RandomIdGenerator ids;
    std::vector<scoring::RecordBinsMemo> sharedFacts; // one per variant

    BatchWorker(store::Database &conn, std::size_t variants)
        : reader(conn), runs(conn), sharedFacts(variants)
    {
    }
};

// The leads [first, first + count) of `leadIds`, read at once in one read transaction, so
// that they see one state of the store, and evaluated by every variant.
void evaluateBatch(BatchWorker &w, const Evaluators &evaluators,
                   std::span<const std::int64_t> leadIds, std::size_t first, std::size_t count,
                   agents::TimePoint asOf, Verdicts &verdicts)
{
    auto &reader = w.reader;
    auto &runs = w.runs;
    const auto batch = leadIds.subspan(first, count);
    runs.beginReadSnapshot();
    reader.prefetch(batch, asOf);
    runs.prefetchBriefs(batch);
    for (std::size_t i = first; i < first + count; ++i) {
        const auto inputs = reader.read(leadIds[i], asOf);
        if (!inputs)
            continue;
        std::optional<agents::TimePoint> lastBrief;
        if (const auto last = runs.lastBriefTime(leadIds[i]))
            lastBrief = util::parseRfc3339(*last);
        for (std::size_t v = 0; v < evaluators.size(); ++v) {
            const auto e = evaluators[v]->evaluate(*inputs, asOf, "dry-run", "", w.ids, lastBrief,
                                                   {}, &w.sharedFacts[v]);
            verdicts[i][v] = {e.qualifies, e.handoff.has_value(), e.handoff && e.handoff->escalated,
                              e.grid, e.score};
        }
    }
    runs.endReadSnapshot();
}

// The verdicts counted per variant and, for two, the leads that changed between them.
void tally(const Verdicts &verdicts, DryRunReport &report)
{
    for (const auto &lead : verdicts) {
        for (std::size_t v = 0; v < lead.size(); ++v) {
            auto &tally = report.variants[v];
            tally.qualified += lead[v].qualified;
            tally.briefed += lead[v].briefed;
            tally.escalated += lead[v].escalated;
            if (!lead[v].grid.empty()) {
                ++tally.grid[lead[v].grid];
                tally.leads.push_back({lead[v].score, lead[v].briefed});
            }
        }
        if (lead.size() >= 2) {
            report.bandChanged += lead[0].grid != lead[1].grid;
            report.qualifyGained += !lead[0].qualified && lead[1].qualified;
            report.qualifyLost += lead[0].qualified && !lead[1].qualified;
            report.escalationChanged += lead[0].escalated != lead[1].escalated;
        }
    }
}

} // namespace

DryRunReport dryRun(store::Database &db, const contracts::ContractRegistry &registry,
                    const agents::Policy &policy, agents::TimePoint asOf,
                    const std::vector<ScoringVariant> &variants, std::vector<std::int64_t> leadIds,
                    int threads, const std::function<void(std::int64_t, std::int64_t)> &onProgress)
{
    const auto started = std::chrono::steady_clock::now();
    Evaluators evaluators;
    for (const auto &v : variants) {
        evaluators.push_back(std::make_unique<LeadEvaluator>(policy, registry));
        v.applyTo(*evaluators.back());
    }
    const bool readRecords = std::any_of(evaluators.begin(), evaluators.end(),
                                         [](const auto &e) { return e->readsRecords(); });
    std::unordered_set<std::string> attributeTypes;
    for (const auto &e : evaluators)
        attributeTypes.merge(e->attributeTypes());
    if (leadIds.empty())
        leadIds = LeadInputReader(db).leadIds();
    const auto total = static_cast<std::int64_t>(leadIds.size());
    if (threads <= 0)
        threads = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));

    Verdicts verdicts(leadIds.size(), std::vector<Verdict>(variants.size()));
    std::atomic<std::int64_t> done{0};
    std::mutex progressMutex;
    std::exception_ptr failure;
    std::mutex failureMutex;
    const auto work = [&](int t) {
        try {
            auto conn = store::Database::open(
                db.path(),
                {.readOnly = true, .create = false, .busyTimeoutMs = 5000, .quickCheck = false});
            BatchWorker worker(conn, evaluators.size());
            worker.reader.setReadRecords(readRecords, attributeTypes);
            const std::size_t stride = kLeadsPerRead * static_cast<std::size_t>(threads);
            for (std::size_t first = kLeadsPerRead * static_cast<std::size_t>(t);
                 first < leadIds.size(); first += stride) {
                const std::size_t count = std::min(kLeadsPerRead, leadIds.size() - first);
                evaluateBatch(worker, evaluators, leadIds, first, count, asOf, verdicts);
                const auto n = done += static_cast<std::int64_t>(count);
                if (onProgress) {
                    std::lock_guard lock(progressMutex);
                    onProgress(n, total);
                }
            }
        } catch (...) {
            std::lock_guard lock(failureMutex);
            failure = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back(work, t);
    for (auto &thread : pool)
        thread.join();
    if (failure)
        std::rethrow_exception(failure);

    DryRunReport report;
    report.leads = total;
    for (const auto &v : variants)
        report.variants.push_back({v.version, 0, 0, 0, {}, {}});
    tally(verdicts, report);
    report.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return report;
}

} // namespace baton::pipeline
