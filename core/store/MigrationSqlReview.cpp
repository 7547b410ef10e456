#include "review/Vocabulary.h"
#include "store/MigrationSql.h"

#include <string>

namespace baton::store::sql {

// v14: retract and rerun are review actions of their own, no longer resolutions with the
// reasons "retract" and "rerun". The table is rebuilt so its CHECK comes from the review
// vocabulary; a step that adds an action rebuilds it again with this same SQL. Generated
// from the vocabulary, this step can only ever admit more actions than it did when released.
const std::string &rebuildReviewActions()
{
    static const std::string sql = R"sql(
CREATE TABLE review_actions_rebuilt (
    id            INTEGER PRIMARY KEY,
    brief_id      INTEGER NOT NULL REFERENCES briefs (id),
    version       INTEGER NOT NULL, -- the version of the brief the action was taken on
    action        TEXT NOT NULL CHECK (action IN ()sql" +
                                   util::sqlList<review::ReviewAction>() + R"sql()),
    actor         TEXT NOT NULL,
    role          TEXT NOT NULL,
    os_user       TEXT NOT NULL,
    reason        TEXT,             -- escalation category, resolution, edit or retraction reason
    note          TEXT,
    patch         TEXT,             -- RFC 6902 JSON Patch, for edits
    target        TEXT,             -- escalated or reassigned to
    status_before TEXT NOT NULL,
    status_after  TEXT NOT NULL,
    at            TEXT NOT NULL
);
INSERT INTO review_actions_rebuilt
SELECT id, brief_id, version,
       CASE WHEN action = 'resolve' AND reason IN ('retract', 'rerun') THEN reason ELSE action END,
       actor, role, os_user,
       CASE WHEN action = 'resolve' AND reason = 'retract' THEN note
            WHEN action = 'resolve' AND reason = 'rerun' THEN NULL ELSE reason END,
       CASE WHEN action = 'resolve' AND reason = 'retract' THEN NULL ELSE note END,
       patch, target, status_before, status_after, at
FROM review_actions;
DROP TABLE review_actions;
ALTER TABLE review_actions_rebuilt RENAME TO review_actions;
CREATE INDEX review_actions_by_brief ON review_actions (brief_id, id);
CREATE INDEX review_actions_by_time ON review_actions (at, action, brief_id);
)sql";
    return sql;
}

// v15: an approval can be undone for a grace period (review/ApprovalGrace.h). Its CRM
// operations are held until then: `held_until` on each, which every push respects, whatever
// process runs it. review_actions is rebuilt so its CHECK admits "unapprove". How long the
// grace lasts is a store setting ('approval_grace_seconds'); absent, the default.
const std::string &heldOperationsAndUnapprove()
{
    static const std::string sql =
        "ALTER TABLE outbox ADD COLUMN held_until TEXT; -- not sent before (RFC 3339, ms)\n" +
        rebuildReviewActions();
    return sql;
}

} // namespace baton::store::sql
