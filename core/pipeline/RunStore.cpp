#include "pipeline/RunStore.h"

#include "agents/InputsConsidered.h"
#include "review/Vocabulary.h"
#include "store/Database.h"

#include <algorithm>
#include <span>
#include <stdexcept>
#include <unistd.h>

namespace baton::pipeline {

namespace {

constexpr std::string_view kRunColumns =
    "id, trigger, as_of, config_hash, status, started_at, finished_at, leads_total, leads_done, "
    "briefs_written, escalated, unchanged, not_qualified, failed, full_run, input_watermark, "
    "not_read";

RunRow readRun(const store::Statement &st)
{
    RunRow r;
    r.id = st.textAt(0);
    r.trigger = st.textAt(1);
    r.asOf = st.textAt(2);
    r.configHash = st.textAt(3);
    r.status = st.textAt(4);
    r.startedAt = st.textAt(5);
    r.finishedAt = st.optionalTextAt(6);
    r.total = st.int64At(7);
    r.done = st.int64At(8);
    r.briefs = st.int64At(9);
    r.escalated = st.int64At(10);
    r.unchanged = st.int64At(11);
    r.notQualified = st.int64At(12);
    r.failed = st.int64At(13);
    r.fullRun = st.int64At(14) != 0;
    r.inputWatermark = st.int64At(15);
    r.notRead = st.int64At(16);
    return r;
}

// A run's leads, sorted and unique, as LEB128 varints of the gaps between them: about a
// byte per lead for the dense ids of a full run.
std::vector<std::uint8_t> packLeads(const std::vector<std::int64_t> &sorted)
{
    std::vector<std::uint8_t> out;
    out.reserve(sorted.size() + 8);
    std::uint64_t previous = 0;
    for (const auto id : sorted) {
        std::uint64_t gap = static_cast<std::uint64_t>(id) - previous;
        previous = static_cast<std::uint64_t>(id);
        do {
            const auto low = static_cast<unsigned char>(gap & 0x7f);
            gap >>= 7;
            out.push_back(static_cast<std::uint8_t>(gap ? low | 0x80 : low));
        } while (gap);
    }
    return out;
}

std::vector<std::int64_t> unpackLeads(std::span<const std::uint8_t> bytes)
{
    std::vector<std::int64_t> out;
    out.reserve(bytes.size());
    std::uint64_t value = 0, gap = 0;
    int shift = 0;
    for (const std::uint8_t b : bytes) {
        if (shift > 63)
            throw std::runtime_error("a run's list of leads is damaged");
        gap |= static_cast<std::uint64_t>(b & 0x7f) << shift;
        shift += 7;
        if (b & 0x80)
            continue;
        value += gap;
        out.push_back(static_cast<std::int64_t>(value));
        gap = 0;
        shift = 0;
    }
    if (shift != 0)
        throw std::runtime_error("a run's list of leads is damaged");
    return out;
}

} // namespace

RunStore::RunStore(store::Database &db)
    : m_db(db),
      m_briefs("INSERT INTO briefs (id, lead_id, run_id, fingerprint, status, owner, sla_due, "
               "score, grid, escalation_reasons, brief, created_at, lead_name, company, "
               "completeness, signal_at, pipeline_ms, inputs)",
               18),
      m_items("INSERT INTO run_items (run_id, lead_id, status, fingerprint, brief_id, error)", 6,
              "ON CONFLICT (run_id, lead_id) DO UPDATE SET status = excluded.status, "
              "fingerprint = excluded.fingerprint, brief_id = excluded.brief_id, "
              "error = excluded.error"),
      m_steps("INSERT INTO agent_steps (run_id, lead_id, agent, version, inputs, output, "
              "decision, rationale, policy_checks, duration_ms, trace_id, span_id)",
              12)
{
}

void RunStore::lockRunStart()
{
    // SQLite's writing transaction already excludes every other writer.
    if (m_db.engine() == store::Engine::Postgres)
        m_db.cached("SELECT pg_advisory_xact_lock(1111577680)").run();
}

std::optional<RunRow> RunStore::latestUnfinishedRun()
{
    auto &st = m_db.cached(
        "SELECT " + std::string(kRunColumns) +
        " FROM pipeline_runs WHERE status IN ('running', 'interrupted') ORDER BY id DESC "
        "LIMIT 1");
    std::optional<RunRow> out;
    if (st.step())
        out = readRun(st);
    st.reset();
    return out;
}

void RunStore::createRun(const RunRow &r, const std::string &agentVersions,
                         const std::string &policySha, std::vector<std::int64_t> leadIds)
{
    std::sort(leadIds.begin(), leadIds.end());
    leadIds.erase(std::unique(leadIds.begin(), leadIds.end()), leadIds.end());
    auto &run =
        m_db.cached("INSERT INTO pipeline_runs (id, trigger, as_of, config_hash, policy_sha256, "
                    "agent_versions, status, owner_pid, started_at, leads_total, full_run, "
                    "input_watermark, not_read, leads) "
                    "VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?)");
    run.bindAll(r.id, r.trigger, r.asOf, r.configHash, policySha, agentVersions,
                static_cast<std::int64_t>(::getpid()), r.startedAt,
                static_cast<std::int64_t>(leadIds.size()),
                static_cast<std::int64_t>(r.fullRun ? 1 : 0), r.inputWatermark, r.notRead);
    run.bindBlob(13, packLeads(leadIds));
    run.run();
}

void RunStore::reopenRun(const std::string &runId)
{
    auto &st =
        m_db.cached("UPDATE pipeline_runs SET status = 'running', owner_pid = ? WHERE id = ?");
    st.bindAll(static_cast<std::int64_t>(::getpid()), runId);
    st.run();
}

std::int64_t RunStore::inputWatermark()
{
    auto &st = m_db.cached(
        "SELECT coalesce((SELECT min(id) - 1 FROM ingest_batches WHERE status = 'running'), "
        "(SELECT max(id) FROM ingest_batches), 0)");
    st.step();
    const auto mark = st.int64At(0);
    st.reset();
    return mark;
}

std::optional<RunRow> RunStore::lastFullRun(const std::string &configHash)
{
    auto &st = m_db.cached(
        "SELECT " + std::string(kRunColumns) +
        " FROM pipeline_runs WHERE status = 'done' AND full_run = 1 AND config_hash = ? "
        "ORDER BY id DESC LIMIT 1");
    st.bind(1, configHash);
    std::optional<RunRow> out;
    if (st.step())
        out = readRun(st);
    st.reset();
    return out;
}

std::vector<std::int64_t> RunStore::changedLeads(std::int64_t watermark,
                                                 const std::string &baselineRunId)
{
    // A domain reaches leads by company domain, or by email domain where that is unset, as
    // LeadInputReader finds accounts.
    auto &st =
        m_db.cached("SELECT li.lead_id FROM batch_touches t JOIN lead_identities li "
                    "  ON li.source_system = t.a AND li.source_id = t.b WHERE t.batch_id > ?1 AND "
                    "t.kind = 'lead' "
                    "UNION SELECT l.id FROM batch_touches t JOIN leads l ON l.company_domain = t.a "
                    "  WHERE t.batch_id > ?1 AND t.kind = 'domain' "
                    "UNION SELECT l.id FROM leads l WHERE l.company_domain IS NULL AND EXISTS "
                    "(SELECT 1 FROM batch_touches t "
                    "  WHERE t.batch_id > ?1 AND t.kind = 'domain' AND t.a = substr(l.email, "
                    "instr(l.email, '@') + 1)) "
                    "UNION SELECT l.id FROM batch_touches t JOIN leads l ON l.email = t.a "
                    "  WHERE t.batch_id > ?1 AND t.kind = 'email' "
                    "UNION SELECT lead_id FROM run_items WHERE run_id = ?2 AND status = ?3 "
                    "ORDER BY 1");
    st.bindAll(watermark, baselineRunId, util::nameOf(ItemStatus::Failed));
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64At(0));
    st.reset();
    return out;
}

std::int64_t RunStore::leadCount()
{
    auto &st = m_db.cached("SELECT count(*) FROM leads");
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

std::vector<std::int64_t> RunStore::missingLeads(const std::vector<std::int64_t> &ids)
{
    auto &st = m_db.cached("SELECT 1 FROM leads WHERE id = ?");
    std::vector<std::int64_t> out;
    for (const auto id : ids) {
        st.bind(1, id);
        if (!st.step())
            out.push_back(id);
        st.reset();
    }
    return out;
}

std::vector<std::int64_t> RunStore::pendingLeads(const std::string &runId)
{
    auto &list = m_db.cached("SELECT leads FROM pipeline_runs WHERE id = ?");
    list.bind(1, runId);
    std::optional<std::vector<std::int64_t>> leads;
    if (list.step() && !list.isNull(0))
        leads = unpackLeads(list.blobViewAt(0));
    list.reset();
    std::vector<std::int64_t> out;
    if (!leads) { // a run from before v10: a pending row per lead
        auto &st = m_db.cached(
            "SELECT lead_id FROM run_items WHERE run_id = ? AND status = ? ORDER BY lead_id");
        st.bindAll(runId, util::nameOf(ItemStatus::Pending));
        while (st.step())
            out.push_back(st.int64At(0));
        st.reset();
        return out;
    }
    // The run's leads less those with an item; both in lead order.
    auto &done = m_db.cached(
        "SELECT lead_id FROM run_items WHERE run_id = ? AND status <> ? ORDER BY lead_id");
    done.bindAll(runId, util::nameOf(ItemStatus::Pending));
    auto next = leads->begin();
    while (done.step()) {
        const auto id = done.int64At(0);
        for (; next != leads->end() && *next < id; ++next)
            out.push_back(*next);
        if (next != leads->end() && *next == id)
            ++next;
    }
    done.reset();
    out.insert(out.end(), next, leads->end());
    return out;
}

std::int64_t RunStore::settledItemCount(const std::string &runId)
{
    auto &st = m_db.cached("SELECT count(*) FROM run_items WHERE run_id = ? AND status <> ?");
    st.bindAll(runId, util::nameOf(ItemStatus::Pending));
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

void RunStore::beginReadSnapshot()
{
    // PostgreSQL's default, READ COMMITTED, takes a snapshot per statement; a SQLite read
    // transaction sees one state throughout.
    m_db.cached(m_db.engine() == store::Engine::Postgres
                    ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                    : "BEGIN")
        .run();
}

void RunStore::endReadSnapshot()
{
    m_prior.clear();
    m_db.cached("COMMIT").run();
}

void RunStore::setPageCacheKiB(int kib)
{
    if (m_db.engine() == store::Engine::Sqlite) // the server sizes its own buffers
        m_db.exec("PRAGMA cache_size=-" + std::to_string(kib));
}

std::optional<std::int64_t> RunStore::briefWithFingerprint(std::int64_t leadId,
                                                           const std::string &fingerprint)
{
    if (m_prior.holds(leadId))
        return m_prior.withFingerprint(leadId, fingerprint);
    auto &st = m_db.cached("SELECT id FROM briefs WHERE lead_id = ? AND fingerprint = ?");
    st.bindAll(leadId, fingerprint);
    std::optional<std::int64_t> out;
    if (st.step())
        out = st.int64At(0);
    st.reset();
    return out;
}

std::optional<std::string> RunStore::lastBriefTime(std::int64_t leadId)
{
    if (m_prior.holds(leadId))
        return m_prior.lastTime(leadId);
    auto &st = m_db.cached("SELECT max(created_at) FROM briefs WHERE lead_id = ?");
    st.bind(1, leadId);
    std::optional<std::string> out;
    if (st.step())
        out = st.optionalTextAt(0);
    st.reset();
    return out;
}

void RunStore::prefetchBriefs(std::span<const std::int64_t> leadIds)
{
    m_prior.load(m_db, leadIds);
}

void RunStore::reserveBriefIds(std::size_t count)
{
    m_briefIds.clear();
    if (count == 0)
        return;
    if (m_db.engine() == store::Engine::Postgres) {
        auto &st = m_db.cached("SELECT nextval(pg_get_serial_sequence('briefs', 'id')) FROM "
                               "generate_series(1, ?) ORDER BY 1 DESC");
        st.bind(1, static_cast<std::int64_t>(count));
        while (st.step())
            m_briefIds.push_back(st.int64At(0));
        st.reset();
        return;
    }
    // Held rows are not in the table yet: count past them too.
    auto &st = m_db.cached("SELECT coalesce(max(id), 0) FROM briefs");
    st.step();
    std::int64_t last = std::max(st.int64At(0), m_lastHeldBrief);
    st.reset();
    for (std::size_t i = count; i > 0; --i)
        m_briefIds.push_back(last + static_cast<std::int64_t>(i));
}

std::int64_t RunStore::writeBrief(std::int64_t leadId, const std::string &runId, Evaluation &e,
                                  const std::string &traceId, const std::string &createdAt)
{
    e.freeze();
    if (m_briefIds.empty())
        reserveBriefIds(1);
    const std::int64_t id = m_briefIds.back();
    m_briefIds.pop_back();
    if (m_newBriefs.contains(leadId)) {
        m_briefs.flush(m_db); // the lead's earlier brief must be in the table to be superseded
        supersedeOlderBriefs();
    }
    m_briefs.add(
        id, leadId, runId, e.fingerprint,
        util::nameOf(e.handoff->escalated ? review::BriefStatus::Escalated
                                          : review::BriefStatus::PendingReview),
        e.handoff->owner, e.slaDue, e.score, e.grid, e.reasonsText, e.briefText, createdAt,
        e.leadName, e.company, e.completeness,
        e.signalAt.empty() ? std::optional<std::string>() : std::optional(e.signalAt), e.pipelineMs,
        e.briefInputs.empty() ? std::optional<std::span<const std::uint8_t>>()
                              : std::optional(std::span<const std::uint8_t>(e.briefInputs)));
    m_lastHeldBrief = std::max(m_lastHeldBrief, id);
    m_newBriefs.emplace(leadId, id);
    for (std::size_t i = 0; i < e.steps.size(); ++i) {
        const StepRow &s = e.steps[i];
        const auto &text = e.stepTexts[i];
        m_steps.add(runId, leadId, s.agent, s.version, text[0], text[1], s.decision, text[2],
                    text[3], s.durationMs, traceId, s.spanId);
    }
    return id;
}

void RunStore::finishItem(const std::string &runId, std::int64_t leadId, ItemStatus status,
                          const std::string &fingerprint, std::optional<std::int64_t> briefId,
                          const std::string &error)
{
    m_items.add(runId, leadId, util::nameOf(status), fingerprint, briefId,
                error.empty() ? std::optional<std::string>() : std::optional(error));
}

// A newer brief replaces what a rep has not acted on yet; history stays. One statement for
// the leads of every brief written since the last: {"lead id": new brief id, ...}.
void RunStore::supersedeOlderBriefs()
{
    if (m_newBriefs.empty())
        return;
    nlohmann::json newest = nlohmann::json::object();
    for (const auto &[leadId, briefId] : m_newBriefs)
        newest[std::to_string(leadId)] = briefId;
    // Driven by the leads' index: `status || ''` keeps both planners off the index of
    // statuses, which would read every open brief of the store per chunk.
    static const std::string sql =
        "UPDATE briefs SET status = '" + util::nameString(review::BriefStatus::Superseded) +
        "', superseded_by = CAST(n.value AS BIGINT) FROM (SELECT CAST(key AS BIGINT) AS lead, "
        "value FROM json_each(?1)) AS n WHERE briefs.lead_id = n.lead AND briefs.status || '' "
        "IN (" +
        util::sqlList(review::kOpenStatuses) + ") AND briefs.id <> CAST(n.value AS BIGINT)";
    auto &supersede = m_db.cached(sql);
    supersede.bind(1, newest.dump());
    supersede.run();
    m_newBriefs.clear();
}

void RunStore::flushWrites()
{
    m_briefs.flush(m_db);
    m_lastHeldBrief = 0;
    supersedeOlderBriefs();
    m_steps.flush(m_db);
    m_items.flush(m_db);
}

void RunStore::finishRun(const std::string &runId, const std::string &status,
                         const std::string &finishedAt)
{
    // Counts come from the items, so a resumed run reports the whole run, not its last leg.
    // One pass over them: run_items has no index by status since v10.
    auto &st = m_db.cached(
        "UPDATE pipeline_runs SET status = ?1, finished_at = ?2, "
        "(leads_done, briefs_written, escalated, unchanged, not_qualified, failed) = ("
        "  SELECT count(*) FILTER (WHERE i.status <> ?4), "
        "         count(*) FILTER (WHERE i.status = ?5), "
        "         count(*) FILTER (WHERE i.status = ?5 AND b.escalation_reasons <> '[]'), "
        "         count(*) FILTER (WHERE i.status = ?6), "
        "         count(*) FILTER (WHERE i.status = ?7), "
        "         count(*) FILTER (WHERE i.status = ?8) "
        "  FROM run_items i LEFT JOIN briefs b ON b.id = i.brief_id WHERE i.run_id = ?3) "
        "WHERE id = ?3 AND status <> 'done'"); // workers that finish together close it once
    st.bindAll(status, finishedAt, runId, util::nameOf(ItemStatus::Pending),
               util::nameOf(ItemStatus::Briefed), util::nameOf(ItemStatus::Unchanged),
               util::nameOf(ItemStatus::NotQualified), util::nameOf(ItemStatus::Failed));
    st.run();
}

std::optional<RunRow> RunStore::run(const std::string &id)
{
    auto &st =
        m_db.cached("SELECT " + std::string(kRunColumns) + " FROM pipeline_runs WHERE id = ?");
    st.bind(1, id);
    std::optional<RunRow> out;
    if (st.step())
        out = readRun(st);
    st.reset();
    return out;
}

std::vector<RunRow> RunStore::runs(std::size_t limit)
{
    auto &st = m_db.cached("SELECT " + std::string(kRunColumns) +
                           " FROM pipeline_runs ORDER BY id DESC LIMIT ?");
    st.bind(1, static_cast<std::int64_t>(limit));
    std::vector<RunRow> out;
    while (st.step())
        out.push_back(readRun(st));
    st.reset();
    return out;
}

std::vector<BriefRow> RunStore::briefs(const std::string &status, const std::string &owner,
                                       std::size_t limit,
                                       const std::optional<std::string> &visibleTo)
{
    // CAST: PostgreSQL cannot type a parameter whose first use is "IS NULL".
    auto &st = m_db.cached(
        "SELECT id, lead_id, status, owner, sla_due, score, grid, created_at, run_id, fingerprint "
        "FROM briefs WHERE (?1 = '' OR status = ?1) AND (?2 = '' OR owner = ?2) AND (CAST(?4 AS "
        "TEXT) IS NULL "
        "OR owner = ?4 OR id IN (SELECT brief_id FROM review_actions WHERE actor = ?4)) "
        "ORDER BY sla_due, id LIMIT ?3");
    st.bindAll(status, owner, static_cast<std::int64_t>(limit), visibleTo);
    std::vector<BriefRow> out;
    while (st.step())
        out.push_back({st.int64At(0), st.int64At(1), st.textAt(2), st.textAt(3), st.textAt(4),
                       st.doubleAt(5), st.textAt(6), st.textAt(7), st.textAt(8), st.textAt(9)});
    st.reset();
    return out;
}

std::optional<std::string> RunStore::briefJson(std::int64_t id)
{
    // As it now reads: with a reviewer's edits, if any.
    auto &st = m_db.cached("SELECT coalesce(edited, brief), CASE WHEN edited IS NULL THEN inputs "
                           "END FROM briefs WHERE id = ?");
    st.bind(1, id);
    std::optional<std::string> out;
    if (st.step())
        out = agents::storedBrief(st.textAt(0),
                                  st.isNull(1) ? std::nullopt : std::optional(st.blobViewAt(1)));
    st.reset();
    return out;
}

std::optional<RunStore::Item> RunStore::item(const std::string &runId, std::int64_t leadId)
{
    auto &st = m_db.cached("SELECT status, brief_id, coalesce(error, '') FROM run_items "
                           "WHERE run_id = ? AND lead_id = ?");
    st.bindAll(runId, leadId);
    std::optional<Item> out;
    if (st.step())
        out = Item{util::parseName<ItemStatus>(st.textViewAt(0)).value_or(ItemStatus::Failed),
                   st.optionalInt64At(1), st.textAt(2)};
    st.reset();
    return out;
}

std::vector<std::pair<std::int64_t, std::string>> RunStore::failedItems(const std::string &runId,
                                                                        std::size_t limit)
{
    auto &st = m_db.cached("SELECT lead_id, coalesce(error, '') FROM run_items "
                           "WHERE run_id = ? AND status = ? ORDER BY lead_id LIMIT ?");
    st.bindAll(runId, util::nameOf(ItemStatus::Failed), static_cast<std::int64_t>(limit));
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (st.step())
        out.emplace_back(st.int64At(0), st.textAt(1));
    st.reset();
    return out;
}

} // namespace baton::pipeline
