#pragma once

#include <optional>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::review {

// Whether the review tables agree with the audit chain: every review_actions row has its
// audit entry (same action, actor and statuses), and every brief's current state is the one
// its newest audit entry recorded (a brief no one reviewed is as the pipeline wrote it). The
// outbox and the pipeline move a status on without an entry: an approved brief may since be
// queued, pushed or push_failed; an open one superseded by a newer brief. The first row or
// brief that disagrees, described; nothing when all agree.
std::optional<std::string> firstReviewDisagreement(store::Database &db);

} // namespace baton::review
