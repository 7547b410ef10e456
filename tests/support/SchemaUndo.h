#pragma once

// What tests run to take a store back before v12, on the way to an older version whose
// upgrade they check: v13 (profiles bound to OS accounts, the store's kind), then v12
// (consent per channel on leads).
inline constexpr const char *kUndoSinceV12 =
    "DROP TABLE store_settings; DROP INDEX users_by_os_account; "
    "ALTER TABLE users DROP COLUMN os_account; "
    "ALTER TABLE leads DROP COLUMN do_not_call; ALTER TABLE leads DROP COLUMN do_not_contact; "
    "ALTER TABLE leads DROP COLUMN email_opt_outs; ALTER TABLE leads DROP COLUMN consent_at;";
