#include "ingest/ContractCatalog.h"

#include "contracts/ContractRegistry.h"
#include "store/Database.h"
#include "store/Transaction.h"
#include "util/Time.h"

namespace baton::ingest {

void recordContracts(store::Database &db, const contracts::ContractRegistry &registry,
                     std::chrono::system_clock::time_point now)
{
    store::Transaction tx(db);
    auto &st =
        db.cached("INSERT INTO contracts (name, version, status, deprecated_since, sunset_at, "
                  "schema_sha256, registered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                  "ON CONFLICT (name, version) DO UPDATE SET status = excluded.status, "
                  "deprecated_since = excluded.deprecated_since, sunset_at = excluded.sunset_at, "
                  "schema_sha256 = excluded.schema_sha256 "
                  "WHERE contracts.status IS DISTINCT FROM excluded.status OR "
                  "contracts.schema_sha256 IS DISTINCT FROM excluded.schema_sha256");
    const std::string nowText = util::formatUtc(now);
    for (const contracts::ContractVersion *v : registry.versions()) {
        std::optional<std::string> deprecated, sunset;
        if (v->deprecatedSince)
            deprecated = util::formatUtc(*v->deprecatedSince);
        if (v->sunsetAt)
            sunset = util::formatUtc(*v->sunsetAt);
        st.bindAll(v->name, std::int64_t(v->version), std::string(toString(v->statusAt(now))),
                   deprecated, sunset, v->schemaSha256, nowText);
        st.run();
    }
    tx.commit();
}

} // namespace baton::ingest
