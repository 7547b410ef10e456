#include "review/ApprovalGrace.h"

#include "governance/AuditLog.h"
#include "store/Database.h"
#include "store/Transaction.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace baton::review {

namespace {

constexpr const char *kKey = "approval_grace_seconds";

std::string ref(std::int64_t briefId)
{
    return "brief #" + std::to_string(briefId);
}

} // namespace

ApprovalGrace::ApprovalGrace(store::Database &db) : m_db(db)
{
}

std::chrono::seconds ApprovalGrace::period()
{
    auto &st = m_db.cached("SELECT value FROM store_settings WHERE key = ?");
    st.bind(1, std::string(kKey));
    std::chrono::seconds out = kDefault;
    if (st.step()) {
        try {
            out = std::chrono::seconds(std::stoll(st.textAt(0)));
        } catch (const std::exception &) {
        }
    }
    st.reset();
    return std::clamp(out, std::chrono::seconds(0), kLongest);
}

void ApprovalGrace::setPeriod(const governance::Actor &who, std::chrono::seconds period,
                              util::TimePoint now)
{
    governance::requireGranted(who, governance::Action::ManageOutbox,
                               "change how long approvals can be undone");
    if (period < std::chrono::seconds(0) || period > kLongest)
        throw governance::ActionError(governance::ActionError::Kind::InvalidInput,
                                      "approvals can be undone for 0 to " +
                                          std::to_string(kLongest.count()) + " seconds");
    store::Transaction tx(m_db);
    const auto before = this->period();
    if (before != period) {
        auto &set = m_db.cached("INSERT INTO store_settings (key, value) VALUES (?1, ?2) "
                                "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        set.bindAll(std::string(kKey), std::to_string(period.count()));
        set.run();
        auto entry = governance::AuditEntry::by(
            who, "approval_grace_set", std::string("setting#") + kKey, util::formatUtc(now));
        entry.beforeHash = std::to_string(before.count());
        entry.afterHash = std::to_string(period.count());
        entry.detail = nlohmann::json({{"seconds", {before.count(), period.count()}}}).dump();
        governance::AuditLog(m_db).append(entry);
    }
    tx.commit();
}

std::string ApprovalGrace::approver(std::int64_t briefId)
{
    auto &st = m_db.cached("SELECT actor FROM review_actions WHERE brief_id = ? AND "
                           "status_after = 'approved' ORDER BY id DESC LIMIT 1");
    st.bind(1, briefId);
    std::string out = st.step() ? st.textAt(0) : std::string();
    st.reset();
    return out;
}

ApprovalGrace::Window ApprovalGrace::undoWindow(std::int64_t briefId, util::TimePoint now)
{
    // Sent: claimed at least once, or settled by a worker. One cancelled before any attempt
    // (an earlier undo's) never left.
    auto &st = m_db.cached(
        "SELECT min(held_until), count(*), coalesce(sum(attempts > 0 OR status IN "
        "('in_flight', 'done', 'failed')), 0), count(held_until) FROM outbox WHERE brief_id = ?1 "
        "AND (status <> 'cancelled' OR attempts > 0)");
    st.bind(1, briefId);
    Window w;
    const bool any = st.step() && st.int64At(1) > 0;
    const auto heldUntil = any ? st.optionalTextAt(0) : std::nullopt;
    const bool sent = any && st.int64At(2) > 0;
    const bool allHeld = any && st.int64At(3) == st.int64At(1);
    st.reset();
    const std::string retract = "; retract it instead to take back what it sent";
    if (sent)
        w.refusal = "the approval of " + ref(briefId) +
                    " can no longer be undone: its CRM operations are being sent" + retract;
    else if (!heldUntil || !allHeld)
        w.refusal = "the approval of " + ref(briefId) +
                    " can no longer be undone: its CRM operations were not held for a grace "
                    "period" +
                    retract;
    else if (const auto until = util::parseRfc3339(*heldUntil); !until || *until <= now)
        w.refusal = "the approval of " + ref(briefId) +
                    " can no longer be undone: its grace period ended at " + *heldUntil + retract;
    else
        w.until = *until;
    return w;
}

} // namespace baton::review
