#pragma once

#include "pipeline/ItemStatus.h"
#include "pipeline/LeadEvaluator.h"
#include "pipeline/PriorBriefs.h"
#include "store/BufferedInsert.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::pipeline {

struct RunRow
{
    std::string id;
    std::string trigger;
    std::string asOf;
    std::string configHash;
    std::string status;
    std::string startedAt;
    std::optional<std::string> finishedAt;
    std::int64_t total = 0, done = 0, briefs = 0, escalated = 0, unchanged = 0, notQualified = 0,
                 failed = 0;
    bool fullRun = true;
    std::int64_t inputWatermark = 0;
    std::int64_t notRead = 0;
};

struct BriefRow
{
    std::int64_t id = 0;
    std::int64_t leadId = 0;
    std::string status;
    std::string owner;
    std::string slaDue;
    double score = 0;
    std::string grid;
    std::string createdAt;
    std::string runId;
    std::string fingerprint;
};

// The pipeline's tables: runs, their items, briefs and agent steps. Callers hold the
// transactions; every statement is prepared once.
class RunStore
{
public:
    explicit RunStore(store::Database &db);

    // In the transaction that opens a run: two workers starting at once make one run, the
    // second joins the first's.
    void lockRunStart();
    // The newest run not finished: under way, or left by workers that are gone.
    std::optional<RunRow> latestUnfinishedRun();
    // The run and the leads it will work through (sorted and made unique here).
    void createRun(const RunRow &run, const std::string &agentVersions,
                   const std::string &policySha, std::vector<std::int64_t> leadIds);
    void reopenRun(const std::string &runId);

    // The newest ingest batch all of whose changes are committed (one still importing
    // holds the mark below itself).
    std::int64_t inputWatermark();
    // The last finished run over all leads under this configuration, if any.
    std::optional<RunRow> lastFullRun(const std::string &configHash);
    // Leads whose inputs any batch after `watermark` touched, and those `baseline` failed.
    std::vector<std::int64_t> changedLeads(std::int64_t watermark,
                                           const std::string &baselineRunId);
    std::int64_t leadCount();
    // Those of `ids` that name no lead, in the order given.
    std::vector<std::int64_t> missingLeads(const std::vector<std::int64_t> &ids);
    // The run's leads without an item yet, in lead order.
    std::vector<std::int64_t> pendingLeads(const std::string &runId);
    // The run's items no longer pending: done in an earlier leg of a resumed run.
    std::int64_t settledItemCount(const std::string &runId);

    // A read transaction on this connection: every read until endReadSnapshot(), the lead
    // reader's on the same connection too, sees one snapshot.
    void beginReadSnapshot();
    void endReadSnapshot();
    // This connection's page cache, in KiB.
    void setPageCacheKiB(int kib);

    std::optional<std::int64_t> briefWithFingerprint(std::int64_t leadId,
                                                     const std::string &fingerprint);
    std::optional<std::string> lastBriefTime(std::int64_t leadId);
    // The two above for a batch of leads in one statement, answered from memory until
    // endReadSnapshot(); call it inside the read snapshot.
    void prefetchBriefs(std::span<const std::int64_t> leadIds);
    // Writes the brief and its steps, superseding the lead's open briefs; returns its id.
    // Freezes the evaluation first if it is not. The steps, and the items finishItem()
    // records, are held until flushWrites(), which the caller calls before committing:
    // sent together, many rows a statement.
    // Brief rows too are held until flushWrites(), their ids taken from reserveBriefIds().
    std::int64_t writeBrief(std::int64_t leadId, const std::string &runId, Evaluation &evaluation,
                            const std::string &traceId, const std::string &createdAt);
    // Ids for the next `count` briefs of this write transaction, in one statement: from the
    // briefs' sequence on PostgreSQL; past the largest id on SQLite, whose one write lock this
    // transaction holds. writeBrief() reserves one at a time when none are left.
    void reserveBriefIds(std::size_t count);
    void finishItem(const std::string &runId, std::int64_t leadId, ItemStatus status,
                    const std::string &fingerprint, std::optional<std::int64_t> briefId,
                    const std::string &error = {});
    void flushWrites();
    void finishRun(const std::string &runId, const std::string &status,
                   const std::string &finishedAt);

    std::optional<RunRow> run(const std::string &id);
    std::vector<RunRow> runs(std::size_t limit);
    // `visibleTo` set: only briefs that profile owns or acted on (review's read rule).
    std::vector<BriefRow> briefs(const std::string &status, const std::string &owner,
                                 std::size_t limit,
                                 const std::optional<std::string> &visibleTo = std::nullopt);
    std::optional<std::string> briefJson(std::int64_t id);
    // What the run did with one lead.
    struct Item
    {
        ItemStatus status = ItemStatus::Pending;
        std::optional<std::int64_t> briefId;
        std::string error;
    };
    std::optional<Item> item(const std::string &runId, std::int64_t leadId);
    // The run's failed items: (lead id, error), by lead.
    std::vector<std::pair<std::int64_t, std::string>> failedItems(const std::string &runId,
                                                                  std::size_t limit);

private:
    void supersedeOlderBriefs();

    store::Database &m_db;
    PriorBriefs m_prior;
    store::BufferedInsert m_briefs, m_items, m_steps;
    std::vector<std::int64_t> m_briefIds; // reserved, not yet used; the next at the back
    std::int64_t m_lastHeldBrief = 0;     // SQLite: the largest id held, not yet flushed
    std::map<std::int64_t, std::int64_t> m_newBriefs; // lead -> its brief not yet superseding
};

} // namespace baton::pipeline
