-- Baton store fixture at schema v1, frozen: the store as Baton v1 left it.
-- Used by test_store to check migrations upgrade old stores without losing data.
PRAGMA application_id=1111577678;
PRAGMA user_version=1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
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
CREATE TABLE contract_usage (
    batch_id INTEGER NOT NULL REFERENCES ingest_batches (id) ON DELETE CASCADE,
    contract TEXT NOT NULL,
    version  INTEGER NOT NULL,
    records  INTEGER NOT NULL,
    PRIMARY KEY (batch_id, contract, version)
);
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
INSERT INTO "events" VALUES(1,'marketo','783957693',2,X'01',NULL,2,'marketo','5414087','web_visit','2026-08-30T10:00:00Z',1,NULL,NULL,NULL,NULL);
INSERT INTO "events" VALUES(2,'marketo','783957694',2,X'02',NULL,2,'marketo','5414087','form_submit','2026-08-30T10:05:00Z',2,NULL,NULL,NULL,NULL);
INSERT INTO "events" VALUES(3,'marketo','783957695',2,X'03',NULL,2,'marketo','5414087','email_open','2026-08-31T09:00:00Z',10,NULL,NULL,NULL,NULL);
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
INSERT INTO "ingest_batches" VALUES(1,'hubspot','hubspot','hubspot-crm-exports-all-contacts-2026-09-01.csv','/home/ops/exports/hubspot-crm-exports-all-contacts-2026-09-01.csv','a3f1c2',412,'done','2026-09-01T08:00:00Z','2026-09-01T08:00:01Z',120,2,1,1,0,0,1,0,NULL,NULL);
INSERT INTO "ingest_batches" VALUES(2,'marketo','marketo','activities-2026-09-01.csv',NULL,'b7e9d0',900,'done','2026-09-01T08:01:00Z',NULL,NULL,3,3,3,0,0,0,0,NULL,NULL);
CREATE TABLE lead_identities (
    source_system TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    lead_id       INTEGER NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
    PRIMARY KEY (source_system, source_id)
) WITHOUT ROWID;
INSERT INTO "lead_identities" VALUES('hubspot','1051',1);
INSERT INTO "lead_identities" VALUES('marketo','5414087',1);
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
INSERT INTO "leads" VALUES(1,'hubspot','1051',1,X'00112233',NULL,2,'ana.ruiz@example.com','Ana','Ruiz','VP Marketing',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,'{"email":"ana.ruiz@example.com","source_id":"1051","source_system":"hubspot"}','2026-09-01T08:00:01Z',NULL);
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
INSERT INTO "quarantine" VALUES(1,1,'hubspot-crm-exports-all-contacts-2026-09-01.csv',3,1,'lead@2','Email','Email: expected a valid email address','[]','"1052","Bo","Li","not-an-email"','2026-09-01T08:00:01Z');
CREATE INDEX ingest_batches_by_sha ON ingest_batches (file_sha256, status);
CREATE INDEX accounts_by_domain ON accounts (domain);
CREATE INDEX leads_by_email ON leads (email);
CREATE INDEX events_by_lead ON events (lead_system, lead_ref, occurred_at);
CREATE INDEX enrichment_by_subject ON enrichment (subject_kind, subject_key);
CREATE INDEX quarantine_by_batch ON quarantine (batch_id, line);
COMMIT;
