#include "telemetry/ContractReport.h"

#include "contracts/ContractRegistry.h"
#include "store/Database.h"
#include "util/Time.h"

#include <algorithm>
#include <map>

namespace baton::telemetry {

ContractReport contractReport(store::Database &db, const contracts::ContractRegistry &registry,
                              std::chrono::system_clock::time_point now)
{
    ContractReport report;
    std::map<std::string, std::int64_t> records, quarantined;
    {
        auto st = db.prepare("SELECT contract || '@' || version, sum(records) FROM contract_usage "
                             "GROUP BY contract, version");
        while (st.step())
            records[st.textAt(0)] = st.int64At(1);
        auto q = db.prepare("SELECT contract, count(*) FROM quarantine WHERE contract IS NOT NULL "
                            "GROUP BY contract");
        while (q.step())
            quarantined[q.textAt(0)] = q.int64At(1);
    }
    auto versions = registry.versions();
    std::sort(versions.begin(), versions.end(), [](const auto *a, const auto *b) {
        return a->name != b->name ? a->name < b->name : a->version < b->version;
    });
    for (const auto *c : versions) {
        ContractVersionRow row;
        row.name = c->name;
        row.version = c->version;
        row.status = contracts::toString(c->statusAt(now));
        if (c->deprecatedSince)
            row.deprecatedSince = util::formatUtc(*c->deprecatedSince);
        if (c->sunsetAt)
            row.sunsetAt = util::formatUtc(*c->sunsetAt);
        if (row.status != "active")
            if (const auto *next = registry.current(c->name, now); next && next != c)
                row.successor = next->key();
        row.records = records[c->key()];
        row.quarantined = quarantined[c->key()];
        report.versions.push_back(std::move(row));
    }
    {
        auto st = db.prepare("SELECT d.contract || '@' || d.version, d.field, sum(d.records), "
                             "max(b.started_at) FROM contract_drift d JOIN ingest_batches b ON "
                             "b.id = d.batch_id GROUP BY 1, 2 ORDER BY 3 DESC");
        while (st.step())
            report.drift.push_back({st.textAt(0), st.textAt(1), st.int64At(2), st.textAt(3)});
    }
    {
        // Violations per field and day (the day its batch ran), against everything checked
        // under the contract that day: accepted, and quarantined for any reason. A record
        // refused before its version was known (a vendor file's unreadable value) names the
        // contract alone: it was checked against the contract, so every version counts.
        std::map<std::pair<std::string, std::string>, std::int64_t> arrived, arrivedByName;
        const auto count = [&](const std::string &contract, const std::string &day,
                               std::int64_t n) {
            arrived[{contract, day}] += n;
            arrivedByName[{contract.substr(0, contract.find('@')), day}] += n;
        };
        auto a = db.prepare("SELECT u.contract || '@' || u.version, substr(b.started_at, 1, 10), "
                            "sum(u.records) FROM contract_usage u JOIN ingest_batches b ON b.id = "
                            "u.batch_id GROUP BY 1, 2");
        while (a.step())
            count(a.textAt(0), a.textAt(1), a.int64At(2));
        auto q = db.prepare("SELECT q.contract, substr(b.started_at, 1, 10), count(*) FROM "
                            "quarantine q JOIN ingest_batches b ON b.id = q.batch_id WHERE "
                            "q.contract IS NOT NULL GROUP BY 1, 2");
        while (q.step())
            count(q.textAt(0), q.textAt(1), q.int64At(2));
        auto st = db.prepare("SELECT q.contract, coalesce(q.field, ''), substr(b.started_at, 1, "
                             "10), count(*) FROM quarantine q JOIN ingest_batches b ON b.id = "
                             "q.batch_id WHERE q.contract IS NOT NULL GROUP BY 1, 2, 3 ORDER BY "
                             "3, 1, 2");
        while (st.step()) {
            const std::string contract = st.textAt(0), day = st.textAt(2);
            const bool versioned = contract.find('@') != std::string::npos;
            report.violations.push_back(
                {contract, st.textAt(1), day, st.int64At(3),
                 versioned ? arrived[{contract, day}] : arrivedByName[{contract, day}]});
        }
    }
    return report;
}

} // namespace baton::telemetry
