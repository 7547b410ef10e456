#pragma once

#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "governance/Identity.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "TestStoreLocation.h"

#include <filesystem>
#include <set>
#include <stdexcept>
#include <cstdint>
#include <string>
#include <tuple>

// A demo store built the way `baton demo` builds one: the generated files imported through
// the real importers, checkpointed so that the file alone can be copied. `store` is a
// path (standing for its own database on PostgreSQL, TestStoreLocation.h) or a location.
inline void buildDemoStore(const std::filesystem::path &store,
                           const std::filesystem::path &filesDir, int leads, std::uint64_t seed,
                           std::chrono::system_clock::time_point now)
{
    baton::demo::DemoOptions options;
    options.leads = leads;
    options.seed = seed;
    options.now = now;
    const auto files = baton::demo::generateDemo(filesDir, options);
    auto db = baton::store::openStore(testStoreLocation(store));
    const baton::FixedClock clock(now);
    const auto registry = baton::contracts::ContractRegistry::builtIn();
    baton::ingest::Importer importer(db, registry, clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        if (importer.importFile(file).failed)
            throw std::runtime_error("demo import failed: " + file.string());
    baton::governance::Identity(db, clock).markDemoStore(); // as `baton demo` does
    checkpointTestStore(db);
}

// A fresh copy of a template store (built once per test case), replacing an earlier copy;
// throws if it cannot be made, so a test never runs on a missing store.
// The first column of the first row of `sql` (-1 when there is none): counts in tests.
inline std::int64_t scalar(baton::store::Database &db, const std::string &sql)
{
    auto st = db.prepare(sql);
    return st.step() ? st.int64At(0) : -1;
}

inline std::string copyStore(const std::filesystem::path &from, const std::filesystem::path &to)
{
    return copyTestStore(from, to);
}

// What a store's open briefs decide, without the ids that differ between runs.
using BriefDecisions = std::set<std::tuple<long long, std::string, std::string, std::string>>;

inline BriefDecisions briefDecisions(baton::store::Database &db)
{
    BriefDecisions out;
    auto st = db.prepare("SELECT lead_id, fingerprint, owner, escalation_reasons FROM briefs "
                         "WHERE status <> 'superseded'");
    while (st.step())
        out.emplace(st.int64At(0), st.textAt(1), st.textAt(2), st.textAt(3));
    return out;
}
