#include "crm/OutboxActions.h"

#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "governance/Permissions.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::crm {

namespace {

using governance::ActionError;

void require(const governance::Actor &who)
{
    governance::requireGranted(who, governance::Action::ManageOutbox,
                               "retry or cancel CRM operations");
}

} // namespace

OutboxActions::OutboxActions(store::Database &db, const Clock &clock) : m_db(db), m_clock(clock)
{
}

void OutboxActions::audit(const governance::Actor &who, const char *action, std::int64_t id,
                          const std::string &before, const std::string &after,
                          const std::string &detail)
{
    auto entry = governance::AuditEntry::by(who, action, "outbox#" + std::to_string(id),
                                            util::formatUtc(m_clock.now()));
    entry.beforeHash = before;
    entry.afterHash = after;
    entry.detail = detail;
    governance::AuditLog(m_db).append(entry);
}

void OutboxActions::retryNow(const governance::Actor &who, std::int64_t id)
{
    require(who);
    store::Transaction tx(m_db);
    OutboxStore outbox(m_db);
    const auto before = outbox.row(id);
    if (before.id == 0)
        throw ActionError(ActionError::Kind::NotFound, "no CRM operation #" + std::to_string(id));
    if (!outbox.retryNow(id, util::formatUtcMillis(m_clock.now())))
        throw ActionError(ActionError::Kind::WrongState, "operation #" + std::to_string(id) +
                                                             " is " + before.status +
                                                             ": only pending or failed "
                                                             "operations can be retried (one "
                                                             "in flight is looked up when its "
                                                             "lease ends)");
    // Its brief may have ended push_failed because of it: it is on its way again.
    auto &reopen = m_db.cached("UPDATE briefs SET status = 'approved' WHERE id = ? AND status = "
                               "'push_failed'");
    reopen.bind(1, before.briefId);
    reopen.run();
    audit(who, "outbox_retry", id, before.status, outbox.row(id).status,
          nlohmann::json({{"brief", before.briefId}, {"kind", before.kind}}).dump());
    tx.commit();
}

void OutboxActions::cancel(const governance::Actor &who, std::int64_t id, const std::string &reason)
{
    require(who);
    if (reason.empty())
        throw ActionError(ActionError::Kind::InvalidInput,
                          "cancelling a CRM operation needs a reason");
    store::Transaction tx(m_db);
    OutboxStore outbox(m_db);
    const auto before = outbox.row(id);
    if (before.id == 0)
        throw ActionError(ActionError::Kind::NotFound, "no CRM operation #" + std::to_string(id));
    if (!outbox.cancel(id, reason, util::formatUtcMillis(m_clock.now())))
        throw ActionError(ActionError::Kind::WrongState,
                          "operation #" + std::to_string(id) + " is " + before.status +
                              ": only pending or failed operations can be cancelled (one in "
                              "flight may already be in the CRM)");
    outbox.settleBriefs();
    audit(who, "outbox_cancel", id, before.status, util::nameString(OpStatus::Cancelled),
          nlohmann::json({{"brief", before.briefId}, {"kind", before.kind}, {"reason", reason}})
              .dump());
    tx.commit();
}

} // namespace baton::crm
