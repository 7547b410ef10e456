-- A store frozen at schema version 3 (pipeline runs and briefs, before review): one lead
-- and one brief, written by Baton's own migrations to 3. Loaded by test_store.
PRAGMA application_id=1111577678;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
INSERT INTO ingest_batches VALUES(1,'hubspot','hubspot','contacts.csv',NULL,'ab12',120,'done','2026-11-01T09:00:00Z',NULL,NULL,0,0,0,0,0,0,0,NULL,NULL);
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
INSERT INTO leads VALUES(1,'hubspot','501',1,X'00',NULL,2,'ana.ruiz@example.com','Ana','Ruiz',NULL,'Nordwind Logistik GmbH',NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'{}','2026-11-01T09:00:01Z',NULL);
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
INSERT INTO pipeline_runs VALUES('01a2-run','manual','2026-11-02T08:00:00Z','cfg','pol','{}','done',NULL,1,0,0,'2026-11-02T08:00:00Z',NULL,0,0,0,0,0,0,0);
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
INSERT INTO briefs VALUES(1,1,'01a2-run','fp1','pending_review',1,'lena.fischer@baton.example','2026-11-02T12:00:00Z',71.5,'A2','[]','{"lead":{"id":1,"name":"Ana Ruiz","email":"ana.ruiz@example.com","company":"Nordwind Logistik GmbH","job_title":"Head of Operations"},"summary":{"intent_signals":[{"text":"Requested a demo of route planning.","evidence":["event#1"]}],"talking_points":[],"risks":[]},"recommended_actions":[{"action":"book_demo","reason":"Requested a demo"}]}','2026-11-02T08:00:00Z',NULL);
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
CREATE TABLE users (
    id        INTEGER PRIMARY KEY,
    email     TEXT NOT NULL UNIQUE,
    name      TEXT NOT NULL,
    role      TEXT NOT NULL CHECK (role IN ('rep', 'manager', 'marketing_ops', 'admin')),
    team      TEXT,
    territory TEXT,
    manager   TEXT REFERENCES users (email)
);
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
CREATE TABLE batch_touches (
    batch_id INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('lead', 'domain', 'email')),
    a        TEXT NOT NULL,
    b        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (batch_id, kind, a, b)
) WITHOUT ROWID;
CREATE INDEX ingest_batches_by_sha ON ingest_batches (file_sha256, status);
CREATE INDEX accounts_by_domain ON accounts (domain);
CREATE INDEX leads_by_email ON leads (email);
CREATE INDEX events_by_lead ON events (lead_system, lead_ref, occurred_at);
CREATE INDEX enrichment_by_subject ON enrichment (subject_kind, subject_key);
CREATE INDEX quarantine_by_batch ON quarantine (batch_id, line);
CREATE INDEX sync_files_by_name ON sync_files (folder, file_name);
CREATE INDEX run_items_pending ON run_items (run_id, status);
CREATE INDEX briefs_by_status ON briefs (status, sla_due);
CREATE INDEX briefs_by_owner ON briefs (owner, status);
CREATE INDEX agent_steps_by_lead ON agent_steps (lead_id, run_id);
CREATE INDEX leads_by_company_domain ON leads (company_domain);
CREATE INDEX lead_identities_by_lead ON lead_identities (lead_id);
COMMIT;
PRAGMA user_version=3;
