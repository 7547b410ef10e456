#pragma once

// The SQL of migration steps kept outside Migrations.cpp, one file per group of steps.
#include <string>

namespace baton::store::sql {

extern const char *const kV12; // consent per channel on leads
extern const char *const kV13; // profiles bound to OS accounts; what kind of store this is

// review_actions rebuilt with a CHECK from the review vocabulary; v14 made retract and rerun
// actions of their own. A step that adds a review action runs it again.
const std::string &rebuildReviewActions();
// v15: CRM operations held for an approval's grace period; "unapprove" admitted.
const std::string &heldOperationsAndUnapprove();
extern const char *const kV17;         // a run's chunks, claimed under leases
extern const char *const kV17Postgres; // the same on a team database

} // namespace baton::store::sql
