#include "governance/AuditLog.h"

#include "governance/Actor.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Sha256.h"

#include <nlohmann/json.hpp>

namespace baton::governance {

namespace {

AuditEntry entryAt(const store::Statement &st)
{
    AuditEntry e;
    e.seq = st.int64At(0);
    e.prevHash = st.textAt(1);
    e.actor = st.textAt(2);
    e.role = st.textAt(3);
    e.osUser = st.textAt(4);
    e.action = st.textAt(5);
    e.object = st.textAt(6);
    e.beforeHash = st.textAt(7);
    e.afterHash = st.textAt(8);
    e.detail = st.textAt(9);
    e.at = st.textAt(10);
    e.hash = st.textAt(11);
    return e;
}

constexpr const char *kColumns = "seq, prev_hash, actor, role, os_user, action, object, "
                                 "before_hash, after_hash, detail, at, hash";

} // namespace

AuditEntry AuditEntry::by(const Actor &who, std::string action, std::string object, std::string at)
{
    AuditEntry e;
    e.actor = who.user;
    e.role = roleName(who.role);
    e.osUser = who.osUser;
    e.action = std::move(action);
    e.object = std::move(object);
    e.at = std::move(at);
    return e;
}

AuditLog::AuditLog(store::Database &db) : m_db(db)
{
}

std::string AuditLog::rowHash(const AuditEntry &e)
{
    // A JSON array: unambiguous field boundaries whatever the fields contain.
    const nlohmann::json fields = {e.seq,       e.prevHash, e.actor,  e.role,
                                   e.osUser,    e.action,   e.object, e.beforeHash,
                                   e.afterHash, e.detail,   e.at};
    return util::sha256Hex(fields.dump());
}

AuditEntry AuditLog::append(AuditEntry entry)
{
    // On a team database many sessions append at once: each takes the chain's turn, held to
    // the end of its transaction, so no two entries chain to the same head. (SQLite's
    // writer already holds the only write lock.)
    if (m_db.engine() == store::Engine::Postgres) {
        auto &turn = m_db.cached("SELECT pg_advisory_xact_lock(1111577679)");
        turn.step();
        turn.reset();
    }
    auto &last = m_db.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    entry.seq = 1;
    entry.prevHash = Genesis;
    if (last.step()) {
        entry.seq = last.int64At(0) + 1;
        entry.prevHash = last.textAt(1);
    }
    last.reset();
    entry.hash = rowHash(entry);
    auto &insert = m_db.cached(std::string("INSERT INTO audit_log (") + kColumns +
                               ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bindAll(entry.seq, entry.prevHash, entry.actor, entry.role, entry.osUser, entry.action,
                   entry.object, entry.beforeHash, entry.afterHash, entry.detail, entry.at,
                   entry.hash);
    insert.run();
    return entry;
}

AuditEntry AuditLog::record(const std::string &actor, const std::string &role,
                            const std::string &osUser, const std::string &action,
                            const std::string &object, const std::string &detail,
                            const std::string &at)
{
    std::optional<store::Transaction> tx;
    if (!m_db.inTransaction())
        tx.emplace(m_db);
    AuditEntry e;
    e.actor = actor;
    e.role = role;
    e.osUser = osUser;
    e.action = action;
    e.object = object;
    e.detail = detail;
    e.at = at;
    e = append(std::move(e));
    if (tx)
        tx->commit();
    return e;
}

std::optional<std::pair<std::int64_t, std::string>> AuditLog::head()
{
    auto &st = m_db.cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
    std::optional<std::pair<std::int64_t, std::string>> out;
    if (st.step())
        out.emplace(st.int64At(0), st.textAt(1));
    st.reset();
    return out;
}

bool AuditLog::hasRow(std::int64_t seq, const std::string &hash)
{
    auto &st = m_db.cached("SELECT hash = ?2 FROM audit_log WHERE seq = ?1");
    st.bindAll(seq, hash);
    const bool ok = st.step() && st.int64At(0) != 0;
    st.reset();
    return ok;
}

AuditVerification AuditLog::verify()
{
    AuditVerification out;
    auto st = m_db.prepare(std::string("SELECT ") + kColumns + " FROM audit_log ORDER BY seq");
    std::string expectedPrev = Genesis;
    std::int64_t expectedSeq = 1;
    while (st.step()) {
        const AuditEntry e = entryAt(st);
        ++out.rows;
        std::string problem;
        if (e.seq != expectedSeq)
            problem = "row " + std::to_string(expectedSeq) + " is missing (next is " +
                      std::to_string(e.seq) + ")";
        else if (e.prevHash != expectedPrev)
            problem = "its previous hash does not match row " + std::to_string(e.seq - 1) +
                      ": a row before it was altered or removed";
        else if (rowHash(e) != e.hash)
            problem = "its contents do not match its hash: the row was altered";
        if (!problem.empty()) {
            out.ok = false;
            out.firstBroken = e.seq;
            out.problem = std::move(problem);
            return out;
        }
        expectedPrev = e.hash;
        ++expectedSeq;
    }
    return out;
}

std::vector<AuditEntry> AuditLog::list(const AuditFilter &f)
{
    auto &st = m_db.cached(std::string("SELECT ") + kColumns +
                           " FROM audit_log WHERE (?1 = '' OR actor = ?1) AND (?2 = '' OR "
                           "action = ?2) AND (?3 = '' OR object = ?3) AND (?4 = '' OR at >= ?4) "
                           "AND (?5 = '' OR at < ?5) ORDER BY seq DESC LIMIT ?6");
    st.bindAll(f.actor, f.action, f.object, f.since, f.until, f.limit);
    std::vector<AuditEntry> out;
    while (st.step())
        out.push_back(entryAt(st));
    st.reset();
    return out;
}

} // namespace baton::governance
