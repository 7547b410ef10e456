#include "AuditTrail.h"

#include "OsAccount.h"
#include "governance/AuditLog.h"
#include "governance/Identity.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::app {

void auditInvocation(store::Database &db, const Clock &clock, const std::string &action,
                     const std::string &object, const nlohmann::json &detail)
{
    const std::string account = osAccount();
    const auto bound = governance::Identity(db, clock).boundTo(account);
    governance::AuditLog(db).record(bound ? bound->email : "os:" + account,
                                    bound ? bound->role : "none", account, action, object,
                                    detail.dump(), util::formatUtc(clock.now()));
}

void auditImport(store::Database &db, const Clock &clock, const ingest::ImportResult &r,
                 const std::string &how)
{
    if (r.batchId == 0 && !r.failed)
        return;
    auditInvocation(db, clock, "import", "batch#" + std::to_string(r.batchId),
                    {{"file", r.fileName},
                     {"sha256", r.sha256},
                     {"format", r.format},
                     {"via", how},
                     {"failed", r.failed},
                     {"read", r.counts.read},
                     {"accepted", r.counts.accepted},
                     {"quarantined", r.counts.quarantined}});
}

} // namespace baton::app
