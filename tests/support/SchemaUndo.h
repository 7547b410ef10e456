#pragma once

// What tests run to take a store back before v12, on the way to an older version whose
// upgrade they check: v17 (a run's chunks), v16 (the inbox's narrow index), v15 (CRM operations held for an approval's grace period; its rebuilt
// review_actions CHECK only admits more), v13 (profiles bound to OS accounts, the store's
// kind), then v12 (consent per channel on leads).
inline constexpr const char *kUndoSinceV15 =
    "DROP TABLE run_chunks; DROP INDEX briefs_inbox; ALTER TABLE outbox DROP COLUMN held_until; ";
inline constexpr const char *kUndoSinceV12 =
    "DROP TABLE run_chunks; DROP INDEX briefs_inbox; ALTER TABLE outbox DROP COLUMN held_until; "
    "DROP TABLE store_settings; DROP INDEX users_by_os_account; "
    "ALTER TABLE users DROP COLUMN os_account; "
    "ALTER TABLE leads DROP COLUMN do_not_call; ALTER TABLE leads DROP COLUMN do_not_contact; "
    "ALTER TABLE leads DROP COLUMN email_opt_outs; ALTER TABLE leads DROP COLUMN consent_at;";
