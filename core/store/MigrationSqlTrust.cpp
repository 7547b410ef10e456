#include "store/MigrationSql.h"

namespace baton::store::sql {

// Consent as facts per channel (agents/Consent.h): beside opted_out (all email), a lead keeps
// do-not-call, do-not-contact, the e-mail subscriptions it opted out of, and when its source
// last changed any of them. HubSpot's per-subscription opt-out columns were kept among a
// record's properties until now ("Opted out of email: Product news", or the internal
// hs_email_optout_<id>); they are read from there, so no opt-out already imported is lost.
const char *const kV12 = R"sql(
ALTER TABLE leads ADD COLUMN do_not_call INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN do_not_contact INTEGER NOT NULL DEFAULT 0;
ALTER TABLE leads ADD COLUMN email_opt_outs TEXT; -- JSON array of subscription names
ALTER TABLE leads ADD COLUMN consent_at TEXT;
UPDATE leads SET email_opt_outs = (
    SELECT json_group_array(CASE WHEN key LIKE 'Opted out of email: %' THEN substr(key, 21)
                                 ELSE key END)
    FROM json_each(leads.record, '$.properties')
    WHERE (key LIKE 'Opted out of email: %' OR key LIKE 'hs\_email\_optout\_%' ESCAPE '\')
      AND lower(trim(value)) IN ('true', 'yes', '1'))
WHERE source_system = 'hubspot' AND json_valid(record) AND EXISTS (
    SELECT 1 FROM json_each(leads.record, '$.properties')
    WHERE (key LIKE 'Opted out of email: %' OR key LIKE 'hs\_email\_optout\_%' ESCAPE '\')
      AND lower(trim(value)) IN ('true', 'yes', '1'));
)sql";

// Who may act as whom. A profile is bound to the OS account that may act as it (one profile
// per account); a demo store lets anyone act as any demo profile and says so. Stores from
// before whose profiles are all the demo team's (@baton.example) were made by `baton demo`:
// they stay demo stores, so nobody is locked out by the upgrade. A store with anyone else
// in it is a real team's, and binds.
const char *const kV13 = R"sql(
ALTER TABLE users ADD COLUMN os_account TEXT;
CREATE UNIQUE INDEX users_by_os_account ON users (os_account) WHERE os_account IS NOT NULL;
CREATE TABLE store_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_settings (key, value)
SELECT 'kind', 'demo' WHERE EXISTS (SELECT 1 FROM users WHERE email LIKE '%@baton.example')
    AND NOT EXISTS (SELECT 1 FROM users WHERE email NOT LIKE '%@baton.example');
)sql";

} // namespace baton::store::sql
