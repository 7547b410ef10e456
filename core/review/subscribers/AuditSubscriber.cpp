#include "governance/AuditLog.h"
#include "review/ReviewEvent.h"
#include "review/subscribers/StandardSubscribers.h"

namespace baton::review {

namespace {

// Every transition on the hash chain: who, which action, the brief's state before and after,
// and the review_actions row it links to (ReviewChainCheck compares the two).
class AuditSubscriber final : public ReviewSubscriber
{
public:
    void onTransition(store::Database &db, const ReviewEvent &event) override
    {
        auto entry = governance::AuditEntry::by(event.who, util::nameString(event.action),
                                                "brief#" + std::to_string(event.after.id),
                                                event.at);
        entry.beforeHash = stateHash(event.before);
        entry.afterHash = stateHash(event.after);
        nlohmann::json detail = event.auditDetail;
        detail["review_action"] = event.reviewActionId;
        detail["version"] = event.before.version;
        detail["status"] = {util::nameOf(event.before.status), util::nameOf(event.after.status)};
        entry.detail = detail.dump();
        governance::AuditLog(db).append(entry);
    }
};

} // namespace

std::unique_ptr<ReviewSubscriber> makeAuditSubscriber()
{
    return std::make_unique<AuditSubscriber>();
}

} // namespace baton::review
