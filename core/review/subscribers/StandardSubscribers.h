#pragma once

#include <memory>

namespace baton::review {

class ReviewSubscriber;

// What every transition brings about, each a subscriber of its own, in the order the review
// service announces to them: what the brief now says is found by search; an approval queues
// its CRM operations and a retraction its compensations (both may refuse, undoing the action);
// the audit entry comes last, recording what the others added.
std::unique_ptr<ReviewSubscriber> makeSearchIndexSubscriber();
std::unique_ptr<ReviewSubscriber> makeOutboxSubscriber();
std::unique_ptr<ReviewSubscriber> makeAuditSubscriber();

} // namespace baton::review
