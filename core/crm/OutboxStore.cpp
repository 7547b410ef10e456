#include "crm/OutboxStore.h"

#include "crm/Target.h"
#include "store/Database.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::crm {

OutboxStore::OutboxStore(store::Database &db) : m_db(db)
{
}

void OutboxStore::enqueue(std::int64_t briefId, const std::vector<PlannedOperation> &ops,
                          const std::string &now, const std::optional<std::string> &heldUntil)
{
    // Only an undone approval leaves a never-sent operation cancelled on a brief that can be
    // approved again: a retracted brief is closed, an operator's cancel fails the push.
    auto &insert = m_db.cached(
        "INSERT INTO outbox (brief_id, kind, op_key, payload, depends_on, next_attempt_at, "
        "created_at, updated_at, held_until) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?6, ?7) "
        "ON CONFLICT (op_key) DO UPDATE SET payload = excluded.payload, status = 'pending', "
        "depends_on = excluded.depends_on, next_attempt_at = excluded.next_attempt_at, "
        "held_until = excluded.held_until, cancel_reason = NULL, last_error = NULL, "
        "updated_at = excluded.updated_at WHERE outbox.status = 'cancelled' AND "
        "outbox.attempts = 0");
    auto &find = m_db.cached("SELECT id FROM outbox WHERE op_key = ?");
    std::vector<std::int64_t> ids;
    for (const auto &op : ops) {
        std::optional<std::int64_t> dependsOn;
        if (op.dependsOn && *op.dependsOn < ids.size())
            dependsOn = ids[*op.dependsOn];
        insert.bindAll(briefId, op.kind, op.opKey, op.payload.dump(), dependsOn,
                       util::withMillis(now), heldUntil);
        insert.run();
        find.bind(1, op.opKey);
        find.step();
        ids.push_back(find.int64At(0));
        find.reset();
    }
}

namespace {

constexpr const char *kRowColumns =
    "SELECT id, brief_id, kind, op_key, payload, status, depends_on, attempts, next_attempt_at, "
    "coalesce(last_error, ''), coalesce(crm_system, ''), coalesce(crm_id, ''), "
    "coalesce(last_request, ''), coalesce(last_response, ''), coalesce(cancel_reason, ''), "
    "updated_at FROM outbox ";

OutboxRow readRow(const store::Statement &st)
{
    OutboxRow r;
    r.id = st.int64At(0);
    r.briefId = st.int64At(1);
    r.kind = st.textAt(2);
    r.opKey = st.textAt(3);
    r.payload = st.textAt(4);
    r.status = st.textAt(5);
    r.dependsOn = st.optionalInt64At(6);
    r.attempts = st.int64At(7);
    r.nextAttemptAt = st.textAt(8);
    r.lastError = st.textAt(9);
    r.crmSystem = st.textAt(10);
    r.crmId = st.textAt(11);
    r.lastRequest = st.textAt(12);
    r.lastResponse = st.textAt(13);
    r.cancelReason = st.textAt(14);
    r.updatedAt = st.textAt(15);
    return r;
}

} // namespace

std::vector<OutboxRow> OutboxStore::forBrief(std::int64_t briefId)
{
    auto &st = m_db.cached(std::string(kRowColumns) + "WHERE brief_id = ? ORDER BY id");
    st.bind(1, briefId);
    std::vector<OutboxRow> out;
    while (st.step())
        out.push_back(readRow(st));
    st.reset();
    return out;
}

std::vector<OutboxRow> OutboxStore::list(const std::string &status, std::size_t limit)
{
    auto &st = m_db.cached(std::string(kRowColumns) +
                           "WHERE ?1 = '' OR status = ?1 ORDER BY id DESC LIMIT ?2");
    st.bindAll(status, static_cast<std::int64_t>(limit));
    std::vector<OutboxRow> out;
    while (st.step())
        out.push_back(readRow(st));
    st.reset();
    return out;
}

std::vector<OutboxRow> OutboxStore::page(const std::string &status, std::int64_t offset,
                                         std::int64_t limit)
{
    auto &st = m_db.cached(std::string(kRowColumns) +
                           "WHERE ?1 = '' OR status = ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3");
    st.bindAll(status, limit, offset);
    std::vector<OutboxRow> out;
    while (st.step())
        out.push_back(readRow(st));
    st.reset();
    return out;
}

std::int64_t OutboxStore::count(const std::string &status)
{
    auto &st = m_db.cached("SELECT count(*) FROM outbox WHERE ?1 = '' OR status = ?1");
    st.bind(1, status);
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

OutboxRow OutboxStore::row(std::int64_t id)
{
    auto &st = m_db.cached(std::string(kRowColumns) + "WHERE id = ?");
    st.bind(1, id);
    OutboxRow r;
    if (st.step())
        r = readRow(st);
    st.reset();
    return r;
}

namespace {

// A kind filter as one bound parameter: a JSON array, '[]' for every kind.
std::string kindList(const std::vector<std::string> &kinds)
{
    return nlohmann::json(kinds).dump();
}

} // namespace

std::vector<DueOperation> OutboxStore::due(const std::string &now, std::size_t limit,
                                           const std::vector<std::string> &kinds)
{
    auto &st =
        m_db.cached("SELECT o.id, o.kind, o.payload, o.status, o.attempts, coalesce(d.status, ''), "
                    "coalesce(d.crm_id, ''), coalesce(d.crm_system, '') FROM outbox o "
                    "LEFT JOIN outbox d ON d.id = o.depends_on "
                    "WHERE o.status IN ('pending', 'in_flight') AND o.next_attempt_at <= ?1 "
                    "AND (o.held_until IS NULL OR o.held_until <= ?1) "
                    "AND (o.depends_on IS NULL OR d.status IN ('done', 'failed', 'cancelled')) "
                    "AND (?3 = '[]' OR o.kind IN (SELECT value FROM json_each(?3))) "
                    "ORDER BY o.id LIMIT ?2");
    st.bindAll(now, static_cast<std::int64_t>(limit), kindList(kinds));
    std::vector<DueOperation> out;
    while (st.step())
        out.push_back({st.int64At(0), st.textAt(1), st.textAt(2), st.textAt(3), st.int64At(4),
                       st.textAt(5), st.textAt(6), st.textAt(7)});
    st.reset();
    return out;
}

std::optional<std::string> OutboxStore::nextDue(const std::string &now,
                                                const std::vector<std::string> &kinds)
{
    auto &st = m_db.cached("SELECT min(next_attempt_at) FROM outbox WHERE status IN "
                           "('pending', 'in_flight') AND (?1 = '[]' OR kind IN (SELECT value "
                           "FROM json_each(?1))) AND (held_until IS NULL OR held_until <= ?2)");
    st.bindAll(kindList(kinds), now);
    std::optional<std::string> out;
    if (st.step())
        out = st.optionalTextAt(0);
    st.reset();
    return out;
}

OutboxStore::Held OutboxStore::held(const std::string &now, const std::vector<std::string> &kinds)
{
    auto &st = m_db.cached("SELECT count(*), coalesce(min(held_until), '') FROM outbox WHERE "
                           "status = 'pending' AND held_until > ?2 AND (?1 = '[]' OR kind IN "
                           "(SELECT value FROM json_each(?1)))");
    st.bindAll(kindList(kinds), now);
    Held h;
    if (st.step()) {
        h.count = st.int64At(0);
        h.until = st.textAt(1);
    }
    st.reset();
    return h;
}

int OutboxStore::cancelHeld(std::int64_t briefId, const std::string &reason, const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET status = 'cancelled', cancel_reason = ?2, "
                           "updated_at = ?3 WHERE brief_id = ?1 AND status = 'pending' AND "
                           "attempts = 0");
    st.bindAll(briefId, reason, util::withMillis(now));
    st.run();
    return m_db.changes();
}

bool OutboxStore::claim(std::int64_t id, std::int64_t seenAttempts, const std::string &now,
                        const std::string &leaseUntil)
{
    // On a team database workers on many machines claim at once: a row another worker is
    // claiming right now is skipped rather than waited for (SKIP LOCKED); once that worker
    // commits, its attempts no longer match here anyway. SQLite has one writer at a time.
    static const std::string sqliteSql =
        "UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, next_attempt_at = ?4, "
        "updated_at = ?3 WHERE id = ?1 AND attempts = ?2 AND status IN ('pending', 'in_flight')";
    static const std::string postgresSql =
        "UPDATE outbox SET status = 'in_flight', attempts = attempts + 1, next_attempt_at = ?4, "
        "updated_at = ?3 WHERE id = (SELECT id FROM outbox WHERE id = ?1 AND attempts = ?2 AND "
        "status IN ('pending', 'in_flight') FOR UPDATE SKIP LOCKED)";
    auto &st =
        m_db.cached(m_db.engine() == store::Engine::Postgres ? postgresSql : sqliteSql);
    st.bindAll(id, seenAttempts, now, leaseUntil);
    st.run();
    return m_db.changes() == 1;
}

void OutboxStore::setLastRequest(std::int64_t id, const std::string &request)
{
    auto &st = m_db.cached("UPDATE outbox SET last_request = ?2 WHERE id = ?1");
    st.bindAll(id, request);
    st.run();
}

void OutboxStore::markDone(std::int64_t id, const std::string &system, const std::string &crmId,
                           const std::string &response, const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET status = 'done', crm_system = ?2, crm_id = ?3, "
                           "last_response = ?4, last_error = NULL, updated_at = ?5 WHERE id = ?1");
    st.bindAll(id, system, crmId, response, now);
    st.run();
}

void OutboxStore::markRetry(std::int64_t id, bool unknownOutcome, const std::string &error,
                            const std::string &response, const std::string &nextAttempt,
                            const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET status = ?2, last_error = ?3, last_response = ?4, "
                           "next_attempt_at = ?5, updated_at = ?6 WHERE id = ?1");
    st.bindAll(id, util::nameOf(unknownOutcome ? OpStatus::InFlight : OpStatus::Pending), error,
               response, nextAttempt, now);
    st.run();
}

void OutboxStore::markFailed(std::int64_t id, const std::string &error, const std::string &response,
                             const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET status = 'failed', last_error = ?2, "
                           "last_response = ?3, updated_at = ?4 WHERE id = ?1");
    st.bindAll(id, error, response, now);
    st.run();
}

int OutboxStore::noteNotSent(const std::vector<std::string> &kinds, const std::string &why,
                             const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET last_error = ?2 WHERE status = 'pending' AND "
                           "next_attempt_at <= ?3 AND kind IN (SELECT value FROM json_each(?1)) "
                           "AND last_error IS DISTINCT FROM ?2");
    st.bindAll(kindList(kinds), why, now);
    st.run();
    return m_db.changes();
}

bool OutboxStore::retryNow(std::int64_t id, const std::string &now)
{
    // Not one in flight: its lease keeps a second worker from looking it up while the first
    // may still be sending it, and ending the lease early would undo that.
    auto &st = m_db.cached("UPDATE outbox SET status = 'pending', next_attempt_at = ?2, "
                           "updated_at = ?2 WHERE id = ?1 AND status IN ('pending', 'failed')");
    st.bindAll(id, now);
    st.run();
    return m_db.changes() == 1;
}

bool OutboxStore::cancel(std::int64_t id, const std::string &reason, const std::string &now)
{
    auto &st = m_db.cached("UPDATE outbox SET status = 'cancelled', cancel_reason = ?2, "
                           "updated_at = ?3 WHERE id = ?1 AND status IN ('pending', 'failed')");
    st.bindAll(id, reason, now);
    st.run();
    return m_db.changes() == 1;
}

int OutboxStore::queueRetraction(std::int64_t briefId, const std::string &reason,
                                 const std::string &now)
{
    const std::string stamp = util::withMillis(now);
    std::vector<PlannedOperation> compensations;
    std::vector<std::int64_t> originals;
    for (const auto &op : forBrief(briefId)) {
        if (is(op.status, OpStatus::Pending)) {
            cancel(op.id, "brief retracted: " + reason, stamp);
            continue;
        }
        if (!is(op.status, OpStatus::Done) && !is(op.status, OpStatus::InFlight))
            continue; // failed or cancelled: nothing reached the CRM
        const auto payload = nlohmann::json::parse(op.payload, nullptr, false);
        const std::string prefix = "brief:" + std::to_string(briefId) + ":";
        if (is(op.kind, OpKind::CreateTask)) {
            compensations.push_back({util::nameString(OpKind::CloseTask),
                                     prefix + util::nameString(OpKind::CloseTask),
                                     {{"external_id", payload.value("external_id", "")},
                                      {"brief_id", briefId},
                                      {"reason", reason}},
                                     std::nullopt});
            originals.push_back(op.id);
        } else if (is(op.kind, OpKind::CreateNote)) {
            compensations.push_back(
                {util::nameString(OpKind::RetractNote),
                 prefix + util::nameString(OpKind::RetractNote),
                 {{"external_id", payload.value("external_id", "")},
                  {"brief_id", briefId},
                  {"reason", reason},
                  {"body", "[Retracted in Baton: " + reason + "]\n\n" + payload.value("body", "")}},
                 std::nullopt});
            originals.push_back(op.id);
        } else if (is(op.kind, OpKind::PostWebhook) || is(op.kind, OpKind::AppendJsonl)) {
            // What a receiver was told, it is told the opposite of: a second event.
            if (payload.value("event", "") != "brief.approved")
                continue;
            const std::string target = util::nameString(
                is(op.kind, OpKind::PostWebhook) ? Target::Webhook : Target::Jsonl);
            compensations.push_back(
                {op.kind,
                 prefix + op.kind + ":retracted",
                 {{"event", "brief.retracted"},
                  {"delivery_id", briefExternalId(briefId, target + "-retracted")},
                  {"brief_id", briefId},
                  {"occurred_at", stamp},
                  {"reason", reason}},
                 std::nullopt});
            originals.push_back(op.id);
        }
    }
    enqueue(briefId, compensations, stamp);
    // Each after the operation it undoes: a compensation needs the object's CRM id.
    auto &link = m_db.cached("UPDATE outbox SET depends_on = ?2 WHERE op_key = ?1");
    for (std::size_t i = 0; i < compensations.size(); ++i) {
        link.bindAll(compensations[i].opKey, originals[i]);
        link.run();
    }
    return static_cast<int>(compensations.size());
}

int OutboxStore::settleBriefs()
{
    auto &st = m_db.cached(
        "UPDATE briefs SET status = CASE WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.brief_id "
        "= briefs.id AND o.status IN ('failed', 'cancelled')) THEN 'push_failed' ELSE 'pushed' "
        "END WHERE status IN ('approved', 'queued') AND id IN (SELECT brief_id FROM outbox) AND "
        "NOT EXISTS (SELECT 1 FROM outbox o WHERE o.brief_id = briefs.id AND o.status IN "
        "('pending', 'in_flight'))");
    st.run();
    return m_db.changes();
}

OutboxStore::Counts OutboxStore::counts(const std::vector<std::string> &kinds)
{
    auto &st = m_db.cached("SELECT status, count(*) FROM outbox WHERE ?1 = '[]' OR kind IN "
                           "(SELECT value FROM json_each(?1)) GROUP BY status");
    st.bind(1, kindList(kinds));
    Counts c;
    while (st.step()) {
        const auto s = st.textViewAt(0);
        const auto n = st.int64At(1);
        if (is(s, OpStatus::Pending))
            c.pending = n;
        else if (is(s, OpStatus::InFlight))
            c.inFlight = n;
        else if (is(s, OpStatus::Done))
            c.done = n;
        else if (is(s, OpStatus::Failed))
            c.failed = n;
        else if (is(s, OpStatus::Cancelled))
            c.cancelled = n;
    }
    st.reset();
    return c;
}

} // namespace baton::crm
