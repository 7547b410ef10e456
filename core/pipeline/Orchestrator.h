#pragma once

#include "pipeline/ScoringRoute.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace baton {
class Clock;
class IdGenerator;
} // namespace baton
namespace baton::agents {
struct Policy;
struct FittedModel;
class LlmSummarizer;
} // namespace baton::agents
namespace baton::contracts {
class ContractRegistry;
}
namespace baton::store {
class Database;
}

namespace baton::pipeline {

class LeadEvaluator;
class RunChunks;
class RunStore;
struct RunRow;

struct RunOptions
{
    std::string trigger = "manual";
    bool resumeOnly = false;           // --resume: finish an interrupted run or fail
    std::vector<std::int64_t> leadIds; // empty: every lead
    int workerThreads = 0;             // 0: one per core
    std::size_t chunk = 1024;          // leads per transaction, and per claim of a worker
    // How long another worker waits on a chunk whose worker has gone silent on another
    // machine (one that is gone on this machine is noticed at once).
    std::chrono::seconds lease{60};
    // How long to wait for a team database whose connection was lost before giving up.
    std::chrono::seconds reconnectFor{600};
    std::function<void(const std::string &notice)> onNotice;
    std::function<void(std::int64_t done, std::int64_t total)> onProgress;
    const std::atomic<bool> *cancel = nullptr;
    const agents::LlmSummarizer *summarizer = nullptr; // the LLM backend, when configured
    // The scoring version that scores leads (empty: the policy's points), and a candidate
    // that scores a canary's share of them (0..1) instead.
    ScoringVariant scoring;
    ScoringVariant canary;
    double canaryShare = 0;
};

struct RunSummary
{
    std::string runId;
    bool resumed = false; // finished a run left unfinished
    bool joined = false;  // worked beside other workers on their run
    std::int64_t total = 0, briefed = 0, escalated = 0, unchanged = 0, notQualified = 0, failed = 0;
    std::int64_t notRead = 0; // leads no import touched since the last full run: not even read
    std::int64_t evaluatedHere = 0; // leads this process evaluated and wrote
    double seconds = 0;
    // Where the time went: summed over worker threads for reading and agents.
    double readSeconds = 0, agentSeconds = 0, writeSeconds = 0;
};

class RunError : public std::runtime_error
{
public:
    using std::runtime_error::runtime_error;
};

// The durable run: every lead of the run is an item; the run's leads are split into chunks
// that processes claim under leases (RunChunks), so `baton run` on several machines shares
// one run. In each process worker threads evaluate leads in parallel (each with its own read
// connection), one writer commits each chunk of items with their briefs and steps in one
// transaction. A run whose workers were all killed is finished by the next run, with the same
// as-of time, so it writes exactly the briefs an uninterrupted run would have: chunks done are
// never redone, briefs are unique per lead and input fingerprint.
class Orchestrator
{
public:
    Orchestrator(store::Database &db, const contracts::ContractRegistry &registry,
                 const agents::Policy &policy, const Clock &clock, IdGenerator &ids);

    RunSummary run(const RunOptions &options);

private:
    RunSummary runOnce(const RunOptions &options);
    void reconnect(const RunOptions &options);
    RunRow openRun(RunStore &runs, const EvaluatorRoute &route, const RunOptions &options,
                   const std::string &worker, RunSummary &summary);
    RunRow startRun(RunStore &runs, const EvaluatorRoute &route, const RunOptions &options);
    std::vector<std::int64_t> leadsToRun(RunStore &runs, RunRow &fresh,
                                         const std::vector<std::int64_t> &asked);
    void closeRun(RunStore &runs, RunChunks &chunks, const std::string &runId, bool cancelled);

    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    const agents::Policy &m_policy;
    const Clock &m_clock;
    IdGenerator &m_ids;
};

} // namespace baton::pipeline
