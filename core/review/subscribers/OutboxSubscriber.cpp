#include "agents/Consent.h"
#include "crm/DeliveryTargets.h"
#include "crm/OutboxPlanner.h"
#include "crm/OutboxStore.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewEvent.h"
#include "review/subscribers/StandardSubscribers.h"

#include <stdexcept>

namespace baton::review {

namespace {

// An approved brief is only worth something in the CRM: its operations are queued in the
// approval's transaction, so no approval is ever without them, held for the store's grace
// period so that it can still be undone. Undoing cancels them; a retraction compensates
// what was sent and cancels what was not, in its transaction too.
class OutboxSubscriber final : public ReviewSubscriber
{
public:
    void onTransition(store::Database &db, const ReviewEvent &event) override
    {
        if (event.action == ReviewAction::Retract) {
            crm::OutboxStore(db).queueRetraction(event.after.id, event.reason, event.at);
            return;
        }
        if (event.action == ReviewAction::UndoApprove) {
            event.auditDetail["crm_operations_cancelled"] = crm::OutboxStore(db).cancelHeld(
                event.after.id, "approval undone by " + event.who.user, event.at);
            return;
        }
        if (!event.entered(BriefStatus::Approved))
            return;
        // The review service read both to check the approval: an approval without them
        // would be one that skipped the consent gate.
        if (!event.approvedBrief || !event.consent)
            throw std::logic_error("an approval announced without its consent check");
        const nlohmann::json &brief = *event.approvedBrief;
        const agents::Consent &consent = *event.consent;
        auto plan = crm::planApproval(event.after.id, brief, event.after.owner, &consent);
        for (auto &op : crm::planDeliveries(event.after.id, brief,
                                            crm::DeliveryTargets::enabledIn(db), event.at))
            plan.push_back(std::move(op));
        const auto grace = ApprovalGrace(db).period();
        std::optional<std::string> heldUntil;
        if (const auto at = util::parseRfc3339(event.at); at && grace.count() > 0)
            heldUntil = util::formatUtcMillis(*at + grace);
        crm::OutboxStore(db).enqueue(event.after.id, plan, event.at, heldUntil);
        if (!plan.empty())
            event.auditDetail["crm_operations_queued"] = plan.size();
        if (heldUntil && !plan.empty())
            event.auditDetail["held_until"] = *heldUntil;
    }
};

} // namespace

std::unique_ptr<ReviewSubscriber> makeOutboxSubscriber()
{
    return std::make_unique<OutboxSubscriber>();
}

} // namespace baton::review
