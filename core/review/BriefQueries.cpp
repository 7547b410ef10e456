#include "review/BriefQueries.h"

#include "review/SearchSql.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

namespace baton::review {

namespace {

// The WHERE clause of a filter, with only the conditions in use so the planner can pick an
// index (owner, status and SLA are indexed), and its parameters in order.
struct Clause
{
    std::string sql;
    std::vector<std::string> params;

    void add(const std::string &condition, std::vector<std::string> values = {})
    {
        sql += sql.empty() ? " WHERE " : " AND ";
        sql += condition;
        for (auto &v : values)
            params.push_back(std::move(v));
    }
};

std::string openStatuses()
{
    return "status IN (" + util::sqlList(kOpenStatuses) + ")";
}

// A bucket as a condition with anonymous parameters, for the inbox's clause.
std::string dayBucketClause(DayBucket bucket)
{
    std::string sql = "owner = ? AND " + openStatuses() + " AND ";
    switch (bucket) {
    case DayBucket::DueToday:
        return sql + "sla_due >= ? AND sla_due < ?";
    case DayBucket::Overdue:
        return sql + "sla_due < ?";
    case DayBucket::ReturnedToMe:
        // Per brief of the owner, through the index on brief_id: the table of actions can
        // be far larger than one person's open briefs.
        return sql + "EXISTS (SELECT 1 FROM review_actions ra WHERE ra.brief_id = briefs.id " +
               "AND ra.actor <> ? AND ((ra.action = '" + util::nameString(ReviewAction::Reassign) +
               "' AND ra.target = ?) OR (ra.action = '" + util::nameString(ReviewAction::Resolve) +
               "' AND ra.reason = '" + util::nameString(Resolution::ReturnToRep) + "')))";
    case DayBucket::NewSinceVisit:
        return sql + "created_at > ?";
    }
    return "0";
}

std::vector<std::string> dayBucketParams(DayBucket bucket, const DayWindow &w)
{
    switch (bucket) {
    case DayBucket::DueToday:
        return {w.user, w.now, w.dayEnd};
    case DayBucket::Overdue:
        return {w.user, w.now};
    case DayBucket::ReturnedToMe:
        return {w.user, w.user, w.user};
    case DayBucket::NewSinceVisit:
        return {w.user, w.since};
    }
    return {w.user};
}

Clause clauseOf(const InboxFilter &f, store::Engine engine)
{
    static const std::string open = "status IN (" + util::sqlList(kOpenStatuses) + ")";
    Clause c;
    if (f.status.empty())
        c.add(open);
    else if (f.status != "all")
        c.add("status = ?", {f.status});
    if (!f.owner.empty())
        c.add("owner = ?", {f.owner});
    if (f.visibleTo)
        c.add("(owner = ? OR id IN (SELECT brief_id FROM review_actions WHERE actor = ?))",
              {*f.visibleTo, *f.visibleTo});
    if (!f.band.empty())
        c.add("substr(grid, 1, 1) = ?", {f.band});
    if (f.overdueOnly)
        c.add("sla_due < ? AND " + open, {f.now});
    if (!f.escalationReason.empty())
        c.add("escalation_reasons LIKE ?", {"%" + f.escalationReason + "%"});
    if (const auto q = search::queryOf(engine, f.search); !q.empty())
        c.add(std::string(search::matchClause(engine)), {q});
    if (f.dayBucket)
        c.add(dayBucketClause(*f.dayBucket), dayBucketParams(*f.dayBucket, f.day));
    return c;
}

// Where a filter's rows are counted and chosen. A search matches briefs by id, all over the
// table: looking each up in the table reads its whole row (several pages of brief and
// inputs), so a search goes to briefs_inbox, an index led by id that holds every column a
// filter or an order reads (the planner prefers the primary key unless told).
std::string source(const InboxFilter &f, store::Engine engine)
{
    return BriefQueries::ftsQuery(f.search).empty() ? "briefs"
                                                    : std::string(search::searchSource(engine));
}

const char *orderBy(InboxSort sort)
{
    switch (sort) {
    case InboxSort::Lead:
        return "lead_name";
    case InboxSort::Company:
        return "company";
    case InboxSort::Score:
        return "score";
    case InboxSort::Priority:
        return "grid";
    case InboxSort::Sla:
        return "sla_due";
    case InboxSort::Status:
        return "status";
    case InboxSort::Owner:
        return "owner";
    case InboxSort::Age:
        return "created_at";
    }
    return "sla_due";
}

struct Table
{
    const char *kind, *table, *contract;
};

constexpr Table kTables[] = {{"lead", "leads", "lead"},
                             {"account", "accounts", "account"},
                             {"enrichment", "enrichment", "enrichment_record"},
                             {"event", "events", "engagement_event"}};

} // namespace

BriefQueries::BriefQueries(store::Database &db) : m_db(db)
{
}

std::string BriefQueries::ftsQuery(const std::string &text)
{
    return search::queryOf(store::Engine::Sqlite, text);
}

std::int64_t BriefQueries::count(const InboxFilter &filter)
{
    const Clause c = clauseOf(filter, m_db.engine());
    auto &st = m_db.cached("SELECT count(*) FROM " + source(filter, m_db.engine()) + c.sql);
    for (std::size_t i = 0; i < c.params.size(); ++i)
        st.bind(static_cast<int>(i + 1), c.params[i]);
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

std::vector<InboxRow> BriefQueries::page(const InboxFilter &filter, InboxSort sort, bool descending,
                                         std::int64_t offset, std::int64_t limit)
{
    const Clause c = clauseOf(filter, m_db.engine());
    const std::string direction = descending ? " DESC" : "";
    const std::string order =
        std::string(" ORDER BY ") + orderBy(sort) + direction + ", id" + direction;
    // A search's page is chosen on the narrow index, and only its rows are read in full.
    const std::string from = ftsQuery(filter.search).empty()
                                 ? "FROM briefs" + c.sql + order + " LIMIT ? OFFSET ?"
                                 : "FROM briefs WHERE id IN (SELECT id FROM " +
                                       source(filter, m_db.engine()) + c.sql + order +
                                       " LIMIT ? OFFSET ?)" + order;
    auto &st = m_db.cached("SELECT id, lead_id, lead_name, company, grid, score, sla_due, status, "
                           "owner, created_at, escalation_reasons, version " +
                           from);
    int i = 1;
    for (const auto &p : c.params)
        st.bind(i++, p);
    st.bind(i++, limit);
    st.bind(i, offset);
    std::vector<InboxRow> rows;
    while (st.step()) {
        InboxRow r;
        r.id = st.int64At(0);
        r.leadId = st.int64At(1);
        r.leadName = st.textAt(2);
        r.company = st.textAt(3);
        r.grid = st.textAt(4);
        r.score = st.doubleAt(5);
        r.slaDue = st.textAt(6);
        r.status =
            util::parseName<BriefStatus>(st.textViewAt(7)).value_or(BriefStatus::PendingReview);
        r.owner = st.textAt(8);
        r.createdAt = st.textAt(9);
        r.escalationReasons = st.textAt(10);
        r.version = st.int64At(11);
        rows.push_back(std::move(r));
    }
    st.reset();
    return rows;
}

std::vector<std::string> BriefQueries::owners(bool managersOnly)
{
    std::vector<std::string> out;
    auto &st = m_db.cached("SELECT email FROM users WHERE role = 'manager' OR (?1 = 0 AND role = "
                           "'rep') ORDER BY email");
    st.bind(1, std::int64_t(managersOnly));
    while (st.step())
        out.push_back(st.textAt(0));
    st.reset();
    return out;
}

std::int64_t BriefQueries::unindexedBriefs()
{
    auto &st = m_db.cached("SELECT count(*) FROM briefs WHERE id > (SELECT indexed_through FROM "
                           "search_index_state)");
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

std::int64_t BriefQueries::indexBriefs(std::int64_t batch)
{
    {
        store::Transaction tx(m_db);
        auto &watermark = m_db.cached("SELECT indexed_through FROM search_index_state");
        watermark.step();
        const auto from = watermark.int64At(0);
        watermark.reset();
        auto &last = m_db.cached("SELECT max(id) FROM (SELECT id FROM briefs WHERE id > ? ORDER "
                                 "BY id LIMIT ?) AS batch");
        last.bindAll(from, batch);
        last.step();
        const auto to = last.isNull(0) ? from : last.int64At(0);
        last.reset();
        if (to > from) {
            auto &add = m_db.cached(search::addDocuments(m_db.engine()));
            add.bindAll(from, to);
            add.run();
            auto &mark = m_db.cached("UPDATE search_index_state SET indexed_through = ?");
            mark.bind(1, to);
            mark.run();
        }
        tx.commit();
    }
    return unindexedBriefs();
}

DayCounts BriefQueries::dayCounts(const DayWindow &w)
{
    // A count per bucket, through the inbox's own clause: what the strip says is what the
    // list shows when the bucket is chosen.
    const auto countOf = [&](DayBucket bucket) {
        InboxFilter f;
        f.dayBucket = bucket;
        f.day = w;
        return count(f);
    };
    DayCounts out;
    out.dueToday = countOf(DayBucket::DueToday);
    out.overdue = countOf(DayBucket::Overdue);
    out.returnedToMe = countOf(DayBucket::ReturnedToMe);
    out.newSinceVisit = countOf(DayBucket::NewSinceVisit);
    return out;
}

LeadContact BriefQueries::contact(std::int64_t leadId)
{
    auto &st = m_db.cached("SELECT coalesce(email, ''), coalesce(json_extract(record, "
                           "'$.phone'), '') FROM leads WHERE id = ?");
    st.bind(1, leadId);
    LeadContact out;
    if (st.step()) {
        out.email = st.textAt(0);
        out.phone = st.textAt(1);
    }
    st.reset();
    return out;
}

std::vector<InputRecordView> BriefQueries::inputs(const std::string &briefJson)
{
    std::vector<InputRecordView> out;
    const auto brief = nlohmann::json::parse(briefJson, nullptr, false);
    if (brief.is_discarded() || !brief.contains("inputs_considered"))
        return out;
    for (const auto &item : brief["inputs_considered"]) {
        InputRecordView v;
        v.ref = item.value("ref", "");
        v.hash = item.value("sha256", "");
        const auto hash = v.ref.find('#');
        v.kind = v.ref.substr(0, hash);
        const std::int64_t id = hash == std::string::npos ? 0 : std::stoll(v.ref.substr(hash + 1));
        const Table *table = nullptr;
        for (const auto &t : kTables)
            if (v.kind == t.kind)
                table = &t;
        if (!table) {
            v.missing = true;
            out.push_back(std::move(v));
            continue;
        }
        const std::string summary =
            v.kind == "event"     ? "type || coalesce(' ' || asset, '') || ' at ' || occurred_at"
            : v.kind == "lead"    ? "coalesce(email, '') || coalesce(' (' || title || ')', '')"
            : v.kind == "account" ? "name || coalesce(' ' || domain, '')"
                                  : "subject_kind || ' ' || subject_key";
        auto &st = m_db.cached("SELECT source_system, source_id, contract_version, content_hash, "
                               "(SELECT started_at FROM ingest_batches WHERE id = batch_id), " +
                               summary + " FROM " + table->table + " WHERE id = ?");
        st.bind(1, id);
        if (st.step()) {
            v.sourceSystem = st.textAt(0);
            v.sourceId = st.textAt(1);
            v.contract = std::string(table->contract) + "@" + std::to_string(st.int64At(2));
            const auto bytes = st.blobAt(3);
            util::Digest d{};
            std::copy_n(bytes.begin(), std::min(bytes.size(), d.size()), d.begin());
            v.changedSince = util::toHex(d) != v.hash;
            v.receivedAt = st.textAt(4);
            v.summary = st.textAt(5);
        } else {
            v.missing = true;
        }
        st.reset();
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<StepView> BriefQueries::steps(std::int64_t briefId)
{
    std::vector<StepView> out;
    auto &st = m_db.cached("SELECT s.agent, s.version, s.decision, s.rationale, s.policy_checks, "
                           "s.inputs, s.duration_ms, s.span_id FROM briefs b JOIN agent_steps s "
                           "ON s.lead_id = b.lead_id AND s.run_id = b.run_id WHERE b.id = ? "
                           "ORDER BY s.id");
    st.bind(1, briefId);
    while (st.step())
        out.push_back({st.textAt(0), st.textAt(1), st.textAt(2), st.textAt(3), st.textAt(4),
                       st.textAt(5), st.doubleAt(6), st.textAt(7)});
    st.reset();
    return out;
}

std::vector<HistoryView> BriefQueries::history(std::int64_t briefId)
{
    std::vector<HistoryView> out;
    auto &st = m_db.cached(
        "SELECT id, at, action, actor, role, coalesce(reason, ''), coalesce(note, ''), "
        "coalesce(patch, ''), coalesce(target, ''), status_before, status_after, version "
        "FROM review_actions WHERE brief_id = ? ORDER BY id");
    st.bind(1, briefId);
    while (st.step()) {
        HistoryView h;
        h.id = st.int64At(0);
        h.at = st.textAt(1);
        h.action = st.textAt(2);
        h.actor = st.textAt(3);
        h.role = st.textAt(4);
        h.reason = st.textAt(5);
        h.note = st.textAt(6);
        h.patch = st.textAt(7);
        h.target = st.textAt(8);
        h.statusBefore = st.textAt(9);
        h.statusAfter = st.textAt(10);
        h.version = st.int64At(11);
        out.push_back(std::move(h));
    }
    st.reset();
    return out;
}

std::vector<CrmObjectView> BriefQueries::crmObjects(std::int64_t briefId)
{
    auto &st = m_db.cached("SELECT kind, status, coalesce(crm_system, ''), coalesce(crm_id, '') "
                           "FROM outbox WHERE brief_id = ? ORDER BY id");
    st.bind(1, briefId);
    std::vector<CrmObjectView> out;
    while (st.step())
        out.push_back({st.textAt(0), st.textAt(1), st.textAt(2), st.textAt(3)});
    st.reset();
    return out;
}

} // namespace baton::review
