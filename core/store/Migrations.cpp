#include "store/Migrations.h"

#include "store/Database.h"
#include "store/MigrationSql.h"
#include "store/PostgresSchema.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "store/postgres/PgSql.h"

#include <sqlite3.h>
#include <string>

namespace baton::store {

namespace {

// v1: the records Baton imports and the bookkeeping of each import.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE ingest_batches (
    id                  INTEGER PRIMARY KEY,
    source_system       TEXT NOT NULL,
    format              TEXT NOT NULL,
    file_name           TEXT NOT NULL,
    file_path           TEXT,
    file_sha256         TEXT NOT NULL,
    file_size           INTEGER NOT NULL,
    status              TEXT NOT NULL DEFAULT 'running'
                        CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
    started_at          TEXT NOT NULL,
    finished_at         TEXT,
    duration_ms         INTEGER,
    records_read        INTEGER NOT NULL DEFAULT 0,
    records_accepted    INTEGER NOT NULL DEFAULT 0,
    records_inserted    INTEGER NOT NULL DEFAULT 0,
    records_updated     INTEGER NOT NULL DEFAULT 0,
    records_unchanged   INTEGER NOT NULL DEFAULT 0,
    records_quarantined INTEGER NOT NULL DEFAULT 0,
    records_deprecated  INTEGER NOT NULL DEFAULT 0,
    error               TEXT,
    owner_pid           INTEGER
);
CREATE INDEX ingest_batches_by_sha ON ingest_batches (file_sha256, status);

CREATE TABLE contracts (
    name             TEXT NOT NULL,
    version          INTEGER NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('active', 'deprecated', 'sunset')),
    deprecated_since TEXT,
    sunset_at        TEXT,
    schema_sha256    TEXT NOT NULL,
    registered_at    TEXT NOT NULL,
    PRIMARY KEY (name, version)
);

-- How many records of a batch each contract version accepted: "versions seen".
CREATE TABLE contract_usage (
    batch_id INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    contract TEXT NOT NULL,
    version  INTEGER NOT NULL,
    records  INTEGER NOT NULL,
    PRIMARY KEY (batch_id, contract, version)
);

CREATE TABLE accounts (
    id            INTEGER PRIMARY KEY,
    source_system TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    batch_id      INTEGER NOT NULL REFERENCES ingest_batches (id),
    content_hash  BLOB NOT NULL,
    previous_hash BLOB,
    contract_version INTEGER NOT NULL, -- of the contract the table is named for
    name          TEXT NOT NULL,
    domain        TEXT,
    industry      TEXT,
    employees     INTEGER,
    country       TEXT,
    record        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    updated_at    TEXT,
    UNIQUE (source_system, source_id)
);
CREATE INDEX accounts_by_domain ON accounts (domain);

CREATE TABLE leads (
    id              INTEGER PRIMARY KEY,
    source_system   TEXT NOT NULL,
    source_id       TEXT NOT NULL,
    batch_id        INTEGER NOT NULL REFERENCES ingest_batches (id),
    content_hash    BLOB NOT NULL,
    previous_hash   BLOB,
    contract_version INTEGER NOT NULL,
    email           TEXT,
    first_name      TEXT,
    last_name       TEXT,
    title           TEXT,
    company         TEXT,
    company_domain  TEXT,
    country         TEXT,
    lifecycle_stage TEXT,
    lead_status     TEXT,
    owner           TEXT,
    created_at      TEXT,
    converted_at    TEXT,
    opted_out       INTEGER NOT NULL DEFAULT 0,
    record          TEXT NOT NULL,
    imported_at     TEXT NOT NULL,
    updated_at      TEXT,
    UNIQUE (source_system, source_id)
);
CREATE INDEX leads_by_email ON leads (email);

-- Other systems' ids for the same person (a Marketo lead id on a HubSpot contact), so
-- events from one system find the lead imported from another.
CREATE TABLE lead_identities (
    source_system TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    lead_id       INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    PRIMARY KEY (source_system, source_id)
) WITHOUT ROWID;

CREATE TABLE events (
    id               INTEGER PRIMARY KEY,
    source_system    TEXT NOT NULL,
    source_id        TEXT NOT NULL,
    batch_id         INTEGER NOT NULL REFERENCES ingest_batches (id),
    content_hash     BLOB NOT NULL,
    previous_hash    BLOB,
    contract_version INTEGER NOT NULL,
    lead_system      TEXT NOT NULL,
    lead_ref         TEXT NOT NULL,
    type             TEXT NOT NULL,
    occurred_at      TEXT NOT NULL,
    activity_type_id INTEGER,
    campaign_id      TEXT,
    asset            TEXT,
    attributes       TEXT,
    updated_at       TEXT, -- no imported_at: events are the bulk of a store; the batch says when

    UNIQUE (source_system, source_id)
);
CREATE INDEX events_by_lead ON events (lead_system, lead_ref, occurred_at);

CREATE TABLE enrichment (
    id            INTEGER PRIMARY KEY,
    source_system TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    batch_id      INTEGER NOT NULL REFERENCES ingest_batches (id),
    content_hash  BLOB NOT NULL,
    previous_hash BLOB,
    contract_version INTEGER NOT NULL, -- of the contract the table is named for
    subject_kind  TEXT NOT NULL CHECK (subject_kind IN ('account', 'lead')),
    subject_key   TEXT NOT NULL,
    observed_at   TEXT NOT NULL,
    record        TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    updated_at    TEXT,
    UNIQUE (source_system, source_id)
);
CREATE INDEX enrichment_by_subject ON enrichment (subject_kind, subject_key);

CREATE TABLE quarantine (
    id           INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    file_name    TEXT NOT NULL,
    line         INTEGER,
    record_index INTEGER,
    contract     TEXT,
    field        TEXT,
    message      TEXT NOT NULL,
    errors       TEXT NOT NULL,
    raw          TEXT,
    created_at   TEXT NOT NULL
);
CREATE INDEX quarantine_by_batch ON quarantine (batch_id, line);
)sql";

// v2: drop-folder sync remembers what it has seen per folder.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE sync_cursors (
    folder          TEXT PRIMARY KEY,
    last_file_name  TEXT,
    last_sha256     TEXT,
    files_imported  INTEGER NOT NULL DEFAULT 0,
    last_synced_at  TEXT NOT NULL
);
CREATE TABLE sync_files (
    folder      TEXT NOT NULL REFERENCES sync_cursors (folder) ON DELETE CASCADE,
    sha256      TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    file_size   INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL, -- with name and size: a file seen before is not hashed again
    batch_id    INTEGER REFERENCES ingest_batches (id),
    seen_at     TEXT NOT NULL,
    PRIMARY KEY (folder, sha256)
) WITHOUT ROWID;
CREATE INDEX sync_files_by_name ON sync_files (folder, file_name);
)sql";

// v3: the agent pipeline: runs, the leads each run works through, every agent step, and
// the briefs it writes.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE pipeline_runs (
    id              TEXT PRIMARY KEY, -- UUIDv7
    trigger         TEXT NOT NULL,
    as_of           TEXT NOT NULL,    -- the run's "now": a resumed run decides as the first did
    config_hash     TEXT NOT NULL,
    policy_sha256   TEXT NOT NULL,
    agent_versions  TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('running', 'done', 'failed', 'interrupted')),
    owner_pid       INTEGER,
    full_run        INTEGER NOT NULL DEFAULT 1, -- 0 for a run over chosen leads only
    input_watermark INTEGER NOT NULL DEFAULT 0, -- the last ingest batch whose changes it saw
    not_read        INTEGER NOT NULL DEFAULT 0, -- leads unchanged since the run before, skipped
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    leads_total     INTEGER NOT NULL DEFAULT 0,
    leads_done      INTEGER NOT NULL DEFAULT 0,
    briefs_written  INTEGER NOT NULL DEFAULT 0,
    escalated       INTEGER NOT NULL DEFAULT 0,
    unchanged       INTEGER NOT NULL DEFAULT 0,
    not_qualified   INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE run_items (
    run_id      TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
    lead_id     INTEGER NOT NULL REFERENCES leads (id),
    status      TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'briefed', 'unchanged', 'not_qualified', 'failed')),
    fingerprint TEXT,
    brief_id    INTEGER,
    error       TEXT,
    PRIMARY KEY (run_id, lead_id)
) WITHOUT ROWID;
CREATE INDEX run_items_pending ON run_items (run_id, status);

CREATE TABLE briefs (
    id                 INTEGER PRIMARY KEY,
    lead_id            INTEGER NOT NULL REFERENCES leads (id),
    run_id             TEXT NOT NULL REFERENCES pipeline_runs (id),
    fingerprint        TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('pending_review', 'escalated', 'resolved',
                       'approved', 'queued', 'pushed', 'push_failed', 'superseded')),
    version            INTEGER NOT NULL DEFAULT 1,
    owner              TEXT NOT NULL,
    sla_due            TEXT NOT NULL,
    score              REAL NOT NULL,
    grid               TEXT NOT NULL,
    escalation_reasons TEXT NOT NULL DEFAULT '[]',
    brief              TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    superseded_by      INTEGER REFERENCES briefs (id),
    UNIQUE (lead_id, fingerprint)
);
CREATE INDEX briefs_by_status ON briefs (status, sla_due);
CREATE INDEX briefs_by_owner ON briefs (owner, status);

CREATE TABLE agent_steps (
    id            INTEGER PRIMARY KEY,
    run_id        TEXT NOT NULL REFERENCES pipeline_runs (id),
    lead_id       INTEGER NOT NULL,
    agent         TEXT NOT NULL,
    version       TEXT NOT NULL,
    inputs        TEXT NOT NULL, -- record refs and hashes
    output        TEXT NOT NULL,
    decision      TEXT NOT NULL,
    rationale     TEXT NOT NULL,
    policy_checks TEXT NOT NULL,
    duration_ms   REAL NOT NULL,
    trace_id      TEXT NOT NULL,
    span_id       TEXT NOT NULL
);
CREATE INDEX agent_steps_by_lead ON agent_steps (lead_id, run_id);
-- The people who work the briefs; routing rules name them by email.
CREATE TABLE users (
    id        INTEGER PRIMARY KEY,
    email     TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'marketing_ops', 'admin')),
    team      TEXT,
    territory TEXT,
    manager   TEXT REFERENCES users (email)
);

-- Scoring models fitted on historical outcomes (`baton model fit`).
CREATE TABLE scoring_models (
    id           INTEGER PRIMARY KEY,
    version      TEXT NOT NULL UNIQUE,
    created_at   TEXT NOT NULL,
    policy_sha256 TEXT NOT NULL,
    model        TEXT NOT NULL, -- features, weights, standardisation, calibration
    auc          REAL NOT NULL,
    baseline_auc REAL NOT NULL,
    train_count  INTEGER NOT NULL,
    test_count   INTEGER NOT NULL
);
-- What each import batch changed, by the keys leads are found by, so a run reads only the
-- leads whose inputs changed since the last one: ('lead', system, id), ('domain', d, ''),
-- ('email', e, '').
CREATE TABLE batch_touches (
    batch_id INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('lead', 'domain', 'email')),
    a        TEXT NOT NULL,
    b        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, kind, a, b)
) WITHOUT ROWID;
CREATE INDEX leads_by_company_domain ON leads (company_domain);
-- Reading a lead's inputs walks from the lead to its identities to their events.
CREATE INDEX lead_identities_by_lead ON lead_identities (lead_id);
)sql";

// v4: review and audit. The brief the pipeline wrote stays as written (its steps point into
// it); edits are RFC 6902 patches in review_actions, and `edited` is the brief as it now reads.
// The briefs table is rebuilt so the JSON columns come last: a row's small columns (what the
// inbox lists and sorts) are read without walking the brief's overflow pages (measured on
// a million briefs: sorting by lead name 3.8 s when lead_name lay after the brief).
constexpr std::string_view kV4 = R"sql(
CREATE TABLE briefs_v4 (
    id                 INTEGER PRIMARY KEY,
    lead_id            INTEGER NOT NULL REFERENCES leads (id),
    run_id             TEXT NOT NULL REFERENCES pipeline_runs (id),
    fingerprint        TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('pending_review', 'escalated', 'resolved',
                       'approved', 'queued', 'pushed', 'push_failed', 'superseded')),
    version            INTEGER NOT NULL DEFAULT 1,
    owner              TEXT NOT NULL,
    sla_due            TEXT NOT NULL,
    score              REAL NOT NULL,
    grid               TEXT NOT NULL,
    escalation_reasons TEXT NOT NULL DEFAULT '[]',
    created_at         TEXT NOT NULL,
    superseded_by      INTEGER REFERENCES briefs (id),
    lead_name          TEXT NOT NULL DEFAULT '',
    company            TEXT NOT NULL DEFAULT '',
    escalated_to       TEXT,
    brief              TEXT NOT NULL, -- as the pipeline wrote it
    edited             TEXT,          -- as it now reads, after review edits
    UNIQUE (lead_id, fingerprint)
);
INSERT INTO briefs_v4 (id, lead_id, run_id, fingerprint, status, version, owner, sla_due, score,
                       grid, escalation_reasons, created_at, superseded_by, lead_name, company,
                       brief)
SELECT id, lead_id, run_id, fingerprint, status, version, owner, sla_due, score, grid,
       escalation_reasons, created_at, superseded_by,
       coalesce(brief ->> '$.lead.name', brief ->> '$.lead.email', ''),
       coalesce(brief ->> '$.lead.company', ''), brief
FROM briefs;
DROP TABLE briefs;
ALTER TABLE briefs_v4 RENAME TO briefs;
CREATE INDEX briefs_by_status ON briefs (status, sla_due);
CREATE INDEX briefs_by_owner ON briefs (owner, status);
CREATE INDEX briefs_by_sla ON briefs (sla_due);
CREATE INDEX briefs_by_score ON briefs (score);
CREATE INDEX briefs_by_lead_name ON briefs (lead_name);
CREATE INDEX briefs_by_company ON briefs (company);
CREATE TABLE review_actions (
    id            INTEGER PRIMARY KEY,
    brief_id      INTEGER NOT NULL REFERENCES briefs (id),
    version       INTEGER NOT NULL, -- the version of the brief the action was taken on
    action        TEXT NOT NULL CHECK (action IN ('approve', 'edit', 'escalate', 'comment',
                                                  'reassign', 'resolve')),
    actor         TEXT NOT NULL,
    role          TEXT NOT NULL,
    os_user       TEXT NOT NULL,
    reason        TEXT,             -- escalation category, resolution, edit reason
    note          TEXT,
    patch         TEXT,             -- RFC 6902 JSON Patch, for edits
    target        TEXT,             -- escalated or reassigned to
    status_before TEXT NOT NULL,
    status_after  TEXT NOT NULL,
    at            TEXT NOT NULL
);
CREATE INDEX review_actions_by_brief ON review_actions (brief_id, id);
-- Append-only and hash-chained: each row's hash covers its fields and the previous hash.
CREATE TABLE audit_log (
    seq         INTEGER PRIMARY KEY,
    prev_hash   TEXT NOT NULL,
    actor       TEXT NOT NULL,
    role        TEXT NOT NULL,
    os_user     TEXT NOT NULL,
    action      TEXT NOT NULL,
    object      TEXT NOT NULL,
    before_hash TEXT NOT NULL,
    after_hash  TEXT NOT NULL,
    detail      TEXT NOT NULL,
    at          TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_by_object ON audit_log (object, seq);
-- Full-text search over what a reviewer looks for: the person, the company, and what the
-- brief says (its sentences and recommended actions). One definition, used to fill and
-- to refresh the index. The index catches up on briefs newer than `indexed_through` when
-- a search needs it, not while a run writes them (measured: 1.3 s of a 7.5 s cold run).
CREATE VIEW brief_search_text AS
SELECT b.id AS id,
       coalesce(b.j ->> '$.lead.name', '') || ' ' || coalesce(b.j ->> '$.lead.email', '') AS lead,
       coalesce(b.j ->> '$.lead.company', '') AS company,
       coalesce(b.j ->> '$.lead.job_title', '') || ' ' ||
       (SELECT coalesce(group_concat(s.value ->> 'text', ' '), '')
          FROM json_each(b.j, '$.summary.intent_signals') s) || ' ' ||
       (SELECT coalesce(group_concat(s.value ->> 'text', ' '), '')
          FROM json_each(b.j, '$.summary.talking_points') s) || ' ' ||
       (SELECT coalesce(group_concat(s.value ->> 'text', ' '), '')
          FROM json_each(b.j, '$.summary.risks') s) || ' ' ||
       (SELECT coalesce(group_concat(a.value ->> 'reason', ' '), '')
          FROM json_each(b.j, '$.recommended_actions') a) AS body
FROM (SELECT id, coalesce(edited, brief) AS j FROM briefs) b;
CREATE VIRTUAL TABLE briefs_fts USING fts5(lead, company, body,
                                           tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE search_index_state (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through  INTEGER NOT NULL
);
INSERT INTO search_index_state VALUES (1, 0);
)sql";

// What must exist in the CRM for each approved brief: one row per operation, written in the
// approval's transaction, independent of which CRM (the push worker maps each kind to the
// configured one). op_key is derived from the brief (one operation of each kind per brief);
// the payload's external_id, stored on the CRM object, lets a retry upsert or find the object
// instead of creating a second one.
constexpr const char *kV5 = R"sql(
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    brief_id        INTEGER NOT NULL REFERENCES briefs (id),
    kind            TEXT NOT NULL CHECK (kind IN ('upsert_person', 'create_note', 'create_task',
                                                  'close_task', 'retract_note')),
    op_key          TEXT NOT NULL UNIQUE,          -- "brief:42:create_note"
    payload         TEXT NOT NULL,                 -- JSON, in Baton's terms
    depends_on      INTEGER REFERENCES outbox (id), -- delivered first (a note needs its person)
    -- in_flight: sent, answer not yet recorded; after a crash it is looked up, not re-sent.
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'in_flight', 'done', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    last_request    TEXT,                          -- secrets masked
    last_response   TEXT,
    crm_system      TEXT,                          -- hubspot, salesforce, webhook, jsonl
    crm_id          TEXT,
    cancel_reason   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_brief ON outbox (brief_id, id);
)sql";

// What became of pushed leads in the CRM (`baton crm pull`), for post-handoff accuracy:
// one row per lead and CRM, the stage as last read and when it first read "opportunity".
constexpr const char *kV6 = R"sql(
CREATE TABLE crm_outcomes (
    lead_id              INTEGER NOT NULL REFERENCES leads (id),
    crm_system           TEXT NOT NULL,
    crm_id               TEXT NOT NULL,
    lifecycle_stage      TEXT,
    lead_status          TEXT,
    opportunity_seen_at  TEXT,  -- the first pull that found the lead an opportunity
    pulled_at            TEXT NOT NULL,
    PRIMARY KEY (lead_id, crm_system)
);
)sql";

// Delivery beyond the CRM: a webhook and a JSONL file get the approved brief itself, each as
// its own outbox operation (post_webhook, append_jsonl), planned at approval for the targets
// enabled here. SQLite cannot change a CHECK in place, so the outbox is rebuilt with the new
// kinds, rows and ids as they were.
constexpr const char *kV7 = R"sql(
CREATE TABLE delivery_targets (
    target      TEXT PRIMARY KEY CHECK (target IN ('webhook', 'jsonl')),
    enabled_at  TEXT NOT NULL,
    enabled_by  TEXT NOT NULL
);
CREATE TABLE outbox_v7 (
    id              INTEGER PRIMARY KEY,
    brief_id        INTEGER NOT NULL REFERENCES briefs (id),
    kind            TEXT NOT NULL CHECK (kind IN ('upsert_person', 'create_note', 'create_task',
                                                  'close_task', 'retract_note', 'post_webhook',
                                                  'append_jsonl')),
    op_key          TEXT NOT NULL UNIQUE,
    payload         TEXT NOT NULL,
    depends_on      INTEGER REFERENCES outbox (id),
    status          TEXT NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'in_flight', 'done', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    last_request    TEXT,
    last_response   TEXT,
    crm_system      TEXT,
    crm_id          TEXT,
    cancel_reason   TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
INSERT INTO outbox_v7 SELECT id, brief_id, kind, op_key, payload, depends_on, status, attempts,
    next_attempt_at, last_error, last_request, last_response, crm_system, crm_id, cancel_reason,
    created_at, updated_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_v7 RENAME TO outbox;
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_brief ON outbox (brief_id, id);
)sql";

// What the dashboard reads per brief, beside the brief's JSON so that 90 days of KPIs never
// parse it: its data completeness, the newest signal the lead had sent when it was briefed
// (handoff generation time runs from there) and its four agents' time. They are filled in
// for briefs written before, in one pass: each pass rewrites every brief's row, JSON and all.
// One covering index serves the KPI queries by day (the columns sit after the JSON, and
// reading them from the row would walk its overflow pages).
constexpr const char *kV8 = R"sql(
ALTER TABLE briefs ADD COLUMN completeness REAL;
ALTER TABLE briefs ADD COLUMN signal_at TEXT;
ALTER TABLE briefs ADD COLUMN pipeline_ms REAL;
UPDATE briefs SET completeness = brief ->> '$.data_quality.completeness',
    pipeline_ms = (SELECT sum(s.duration_ms) FROM agent_steps s
                   WHERE s.lead_id = briefs.lead_id AND s.run_id = briefs.run_id),
    signal_at = (SELECT max(e.occurred_at) FROM lead_identities li
                 JOIN events e ON e.lead_system = li.source_system AND e.lead_ref = li.source_id
                 WHERE li.lead_id = briefs.lead_id AND e.occurred_at <= briefs.created_at);
CREATE INDEX briefs_kpi ON briefs (created_at, sla_due, signal_at, completeness, pipeline_ms,
                                   escalation_reasons);
CREATE INDEX review_actions_by_time ON review_actions (at, action, brief_id);
CREATE INDEX outbox_by_update ON outbox (updated_at, status, kind);
)sql";

// Contract drift: fields records arrived with that their contract does not declare (a new
// column in a CRM export lands in the lead's open "properties"), counted per batch, for the
// Contracts page. Nothing is lost meanwhile: the records keep them.
constexpr const char *kV9 = R"sql(
CREATE TABLE contract_drift (
    batch_id INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    contract TEXT NOT NULL,
    version  INTEGER NOT NULL,
    field    TEXT NOT NULL,
    records  INTEGER NOT NULL,
    PRIMARY KEY (batch_id, contract, version, field)
);
CREATE INDEX quarantine_by_time ON quarantine (created_at, contract, field);
)sql";

// A run keeps the list of leads it works through in one value, and an item row is written
// when a lead is done, instead of a pending row per lead written up front and updated
// later: at 100,000 leads that was 0.37 s before any worker could start, and an update
// plus an index entry for every lead (cold run 7.85 s -> 7.39 s). Runs from before keep
// their pending rows, which the pipeline still reads.
constexpr const char *kV10 = R"sql(
ALTER TABLE pipeline_runs ADD COLUMN leads BLOB; -- sorted lead ids as varint deltas
DROP INDEX run_items_pending;
)sql";

// A brief's inputs_considered, packed (agents/InputsConsidered.h): about 38 bytes a record
// instead of 100 as JSON, and most of what a run writes (measured at 21,600 briefs: the
// briefs table 422 MB -> 267 MB, the writer 6.0 s -> 5.2 s). The brief's JSON holds null in
// its place and every reader puts the list back. Briefs written before stay whole.
constexpr const char *kV11 = R"sql(
ALTER TABLE briefs ADD COLUMN inputs BLOB;
)sql";

} // namespace

// A search matches briefs all over the table, by id; looking each up in the table reads its
// whole row (brief and inputs, several pages). This index, led by id, holds every column the
// inbox filters and orders by, so a search's count and page read only it.
constexpr const char *kV16 = R"sql(
CREATE INDEX briefs_inbox ON briefs (id, status, owner, sla_due, grid, score, created_at,
                                     lead_name, company);
)sql";

// PostgreSQL only: brief_search_text parses a brief's JSON once per row. The v16 view's
// subquery was flattened, so each of its eight uses of the parsed brief parsed it again
// (EXPLAIN ANALYZE: 6.0 ms to index one brief, now 1.2 ms); every edit in review pays it in
// its transaction. Same columns, same text. The lateral subquery's OFFSET 0 keeps it from
// being flattened; the id stays the table's, so a search by id still uses its index.
// SQLite's view is unchanged: its step does nothing.
constexpr const char *kV18Postgres = R"sql(
CREATE OR REPLACE VIEW brief_search_text AS
SELECT r.id AS id,
       coalesce(b.j #>> '{lead,name}', '') || ' ' || coalesce(b.j #>> '{lead,email}', '') AS lead,
       coalesce(b.j #>> '{lead,company}', '') AS company,
       coalesce(b.j #>> '{lead,job_title}', '') || ' ' ||
       (SELECT coalesce(string_agg(s.value ->> 'text', ' ' ORDER BY s.n), '')
          FROM jsonb_array_elements(CASE jsonb_typeof(b.j #> '{summary,intent_signals}')
               WHEN 'array' THEN b.j #> '{summary,intent_signals}' END)
               WITH ORDINALITY AS s (value, n)) || ' ' ||
       (SELECT coalesce(string_agg(s.value ->> 'text', ' ' ORDER BY s.n), '')
          FROM jsonb_array_elements(CASE jsonb_typeof(b.j #> '{summary,talking_points}')
               WHEN 'array' THEN b.j #> '{summary,talking_points}' END)
               WITH ORDINALITY AS s (value, n)) || ' ' ||
       (SELECT coalesce(string_agg(s.value ->> 'text', ' ' ORDER BY s.n), '')
          FROM jsonb_array_elements(CASE jsonb_typeof(b.j #> '{summary,risks}')
               WHEN 'array' THEN b.j #> '{summary,risks}' END)
               WITH ORDINALITY AS s (value, n)) || ' ' ||
       (SELECT coalesce(string_agg(a.value ->> 'reason', ' ' ORDER BY a.n), '')
          FROM jsonb_array_elements(CASE jsonb_typeof(b.j #> '{recommended_actions}')
               WHEN 'array' THEN b.j #> '{recommended_actions}' END)
               WITH ORDINALITY AS a (value, n)) AS body
FROM briefs r, LATERAL (SELECT coalesce(r.edited, r.brief)::jsonb AS j OFFSET 0) b;
)sql";

// PostgreSQL only: an event's batch is checked once per statement instead of once per row.
// The foreign key ran a query and took a row lock per imported event, the largest single
// cost of an import on the server. The triggers keep what it promised: every event's batch
// exists, locked against deletion until the transaction ends, and a batch that has events
// is neither deleted nor renumbered. SQLite keeps its foreign key.
constexpr const char *kV19Postgres = R"sql(
ALTER TABLE events DROP CONSTRAINT IF EXISTS events_batch_id_fkey;
CREATE FUNCTION baton_events_batches_exist() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE
    missing BIGINT;
BEGIN
    PERFORM 1 FROM ingest_batches b WHERE b.id IN (SELECT DISTINCT batch_id FROM new_events)
        FOR KEY SHARE OF b;
    SELECT n.batch_id INTO missing FROM (SELECT DISTINCT batch_id FROM new_events) n
     WHERE NOT EXISTS (SELECT 1 FROM ingest_batches b WHERE b.id = n.batch_id) LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'insert or update on table "events" names ingest batch %, which does not exist', missing
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_batches_exist_insert AFTER INSERT ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT
    EXECUTE FUNCTION baton_events_batches_exist();
CREATE TRIGGER events_batches_exist_update AFTER UPDATE ON events
    REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT
    EXECUTE FUNCTION baton_events_batches_exist();
CREATE FUNCTION baton_batches_keep_events() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id THEN
        RETURN NEW;
    END IF;
    IF EXISTS (SELECT 1 FROM events WHERE batch_id = OLD.id) THEN
        RAISE EXCEPTION 'ingest batch % has events: it stays', OLD.id
            USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER ingest_batches_keep_events BEFORE DELETE OR UPDATE OF id ON ingest_batches
    FOR EACH ROW EXECUTE FUNCTION baton_batches_keep_events();
)sql";

const std::vector<Migration> &migrations()
{
    static const std::vector<Migration> steps = {
        {1, "records, contracts, ingest batches and quarantine", kV1, false},
        {2, "drop-folder sync cursors", kV2, false},
        {3, "pipeline runs, steps and briefs", kV3, false},
        {4, "review actions, the audit log and search", kV4, true},
        {5, "the CRM outbox", kV5, false},
        {6, "outcomes read back from the CRM", kV6, false},
        {7, "webhook and JSONL delivery targets", kV7, true},
        {8, "what the dashboard reads per brief", kV8, false},
        {9, "contract drift", kV9, false},
        {10, "a run's leads in one value, items as they finish", kV10, false},
        {11, "a brief's inputs kept packed", kV11, false},
        {12, "consent per channel on leads", sql::kV12, false},
        {13, "profiles bound to OS accounts, the store's kind", sql::kV13, false},
        {14, "retract and rerun as review actions of their own", sql::rebuildReviewActions(), true},
        {15, "approvals undone within a grace period", sql::heldOperationsAndUnapprove(), true},
        {16, "the inbox's narrow index, for search", kV16, false},
        {17, "a run's chunks, claimed by workers under leases", sql::kV17, false,
         sql::kV17Postgres},
        {18, "the search text parses a brief once (PostgreSQL)", "", false, kV18Postgres},
        {19, "an event's batch checked per statement (PostgreSQL)", "", false, kV19Postgres},
    };
    return steps;
}

int latestSchemaVersion()
{
    return migrations().back().version;
}

namespace {

void refuseNewer(Database &db, int current)
{
    if (current > latestSchemaVersion()) {
        throw StoreError(SQLITE_ERROR,
                         "store " + db.path().string() + " has schema version " +
                             std::to_string(current) + ", newer than this Baton knows (" +
                             std::to_string(latestSchemaVersion()) + "): update Baton");
    }
}

void runPostgresStep(Database &db, int version, std::string_view title, std::string_view sql)
{
    try {
        db.exec(sql);
    } catch (const StoreError &e) {
        throw StoreError(e.code(),
                         "migration to v" + std::to_string(version) + " (" + std::string(title) +
                             ") failed: " + e.what(),
                         e.sqlState());
    }
}

// A database that holds tables but no Baton schema is someone else's: Baton does not move in.
void refuseForeignDatabase(Database &db)
{
    auto st = db.prepare("SELECT count(*) FROM information_schema.tables WHERE table_schema = "
                         "current_schema()");
    st.step();
    if (st.int64At(0) > 0)
        throw StoreError(SQLITE_NOTADB, "store " + pg::redactedLocation(db.path().native()) +
                                            ": a PostgreSQL database, but not a Baton store "
                                            "(it holds other tables); give Baton a database of "
                                            "its own");
}

// Each step in its own transaction, as on SQLite; an advisory lock keeps two processes
// that open a new team database at once from both creating it.
void migratePostgres(Database &db, int target)
{
    for (;;) {
        Transaction tx(db);
        db.exec("SELECT pg_advisory_xact_lock(" + std::to_string(Database::ApplicationId) + ")");
        const int current = db.userVersion();
        refuseNewer(db, current);
        if (current >= target)
            return;
        if (current == 0) {
            refuseForeignDatabase(db);
            runPostgresStep(db, pg::BaselineVersion, "the whole schema", pg::baselineSchema());
        } else {
            const Migration &step = migrations().at(static_cast<std::size_t>(current));
            if (step.postgresSql.empty())
                throw StoreError(SQLITE_ERROR, "migration to v" + std::to_string(step.version) +
                                                   " has no PostgreSQL step");
            runPostgresStep(db, step.version, step.title, step.postgresSql);
            db.exec("UPDATE baton_schema SET version = " + std::to_string(step.version));
        }
        tx.commit();
    }
}

} // namespace

void migrate(Database &db, int target)
{
    if (target < 0)
        target = latestSchemaVersion();
    if (db.engine() == Engine::Postgres) {
        if (target < pg::BaselineVersion)
            throw StoreError(SQLITE_ERROR, "a PostgreSQL store starts at schema v" +
                                               std::to_string(pg::BaselineVersion));
        return migratePostgres(db, target);
    }
    const int current = db.userVersion();
    refuseNewer(db, current);
    for (const Migration &step : migrations()) {
        if (step.version <= current || step.version > target)
            continue;
        // Foreign keys can only be switched outside a transaction; back on however we leave.
        struct KeysOff
        {
            Database &db;
            bool on;
            ~KeysOff()
            {
                try {
                    if (on)
                        db.exec("PRAGMA foreign_keys=ON");
                } catch (...) {
                }
            }
        } keys{db, step.rebuildsTables};
        if (step.rebuildsTables)
            db.exec("PRAGMA foreign_keys=OFF");
        Transaction tx(db);
        try {
            db.exec(step.sql);
            if (step.rebuildsTables) {
                auto check = db.prepare("PRAGMA foreign_key_check");
                if (check.step())
                    throw StoreError(SQLITE_CONSTRAINT_FOREIGNKEY, "a row of " + check.textAt(0) +
                                                                       " refers to a missing " +
                                                                       check.textAt(2) + " row");
            }
        } catch (const StoreError &e) {
            throw StoreError(e.code(), "migration to v" + std::to_string(step.version) + " (" +
                                           std::string(step.title) + ") failed: " + e.what());
        }
        db.exec("PRAGMA application_id=" + std::to_string(Database::ApplicationId));
        db.exec("PRAGMA user_version=" + std::to_string(step.version));
        tx.commit();
    }
}

} // namespace baton::store
