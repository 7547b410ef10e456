#pragma once

// What tests run to take a store back before v12 (consent per channel on leads), on the way
// to an older version whose upgrade they check.
inline constexpr const char *kUndoV12 =
    "ALTER TABLE leads DROP COLUMN do_not_call; ALTER TABLE leads DROP COLUMN do_not_contact; "
    "ALTER TABLE leads DROP COLUMN email_opt_outs; ALTER TABLE leads DROP COLUMN consent_at;";
