#include "store/MigrationSql.h"

namespace baton::store::sql {

// A run's leads in chunks that `baton run` processes on any machine claim under a lease, so
// several share one run and one killed loses nothing: its chunks' leases end and another
// takes them. A chunk's items and briefs commit together with its `done`, so a chunk is
// wholly done or not at all. Leases are milliseconds since the epoch on the database's clock,
// which every machine shares.
const char *const kV17 = R"sql(
CREATE TABLE run_chunks (
    run_id      TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    first_lead  INTEGER NOT NULL, -- the run's leads from here
    last_lead   INTEGER NOT NULL, -- to here, both included
    done        INTEGER NOT NULL DEFAULT 0,
    worker      TEXT,             -- host/pid/nonce of the lease holder
    lease_until INTEGER,
    PRIMARY KEY (run_id, seq)
) WITHOUT ROWID;
)sql";

// Team databases set up before this step granted tables that existed then.
const char *const kV17Postgres = R"sql(
CREATE TABLE run_chunks (
    run_id      TEXT NOT NULL REFERENCES pipeline_runs (id) ON DELETE CASCADE,
    seq         BIGINT NOT NULL,
    first_lead  BIGINT NOT NULL,
    last_lead   BIGINT NOT NULL,
    done        BIGINT NOT NULL DEFAULT 0,
    worker      TEXT,
    lease_until BIGINT,
    PRIMARY KEY (run_id, seq)
);
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'baton_marketing_ops')
       AND EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'baton_grants'
                   AND table_schema = current_schema()) THEN
        REVOKE ALL ON run_chunks FROM PUBLIC;
        GRANT SELECT ON run_chunks TO baton_rep, baton_manager, baton_marketing_ops, baton_admin;
        GRANT INSERT, UPDATE, DELETE ON run_chunks TO baton_marketing_ops, baton_admin;
    END IF;
END
$$;
)sql";

} // namespace baton::store::sql
