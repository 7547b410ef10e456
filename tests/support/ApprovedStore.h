#pragma once

#include "DemoStore.h"
#include "agents/Policy.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/IdGenerator.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewService.h"
#include "util/Time.h"

#include <optional>
#include <utility>
#include <vector>

// A demo store of `leads` leads with the demo team and one pipeline run's briefs, awaiting
// review: what the push tests approve and deliver.
inline void buildBriefedStore(const std::filesystem::path &store,
                              const std::filesystem::path &filesDir, int leads, std::uint64_t seed,
                              const baton::contracts::ContractRegistry &registry)
{
    const auto now = *baton::util::parseRfc3339("2026-11-16T12:00:00Z");
    buildDemoStore(store, filesDir, leads, seed, now);
    auto db = baton::store::openStore(testStoreLocation(store));
    baton::pipeline::saveUsers(db, baton::pipeline::demoTeam());
    const auto policy = baton::agents::defaultPolicy(registry);
    const baton::FixedClock clock(now);
    baton::RandomIdGenerator ids(seed);
    baton::pipeline::Orchestrator(db, registry, policy, clock, ids).run({});
    checkpointTestStore(db);
}

// A briefed demo store built once per test case in `dir`, and a fresh copy of it per test.
class BriefedStores
{
public:
    BriefedStores(std::filesystem::path dir, const baton::contracts::ContractRegistry &registry,
                  int leads = 1200, std::uint64_t seed = 5)
        : m_dir(std::move(dir))
    {
        buildBriefedStore(m_dir / "template.sqlite", m_dir / "demo", leads, seed, registry);
    }

    std::string fresh()
    {
        return copyStore(m_dir / "template.sqlite",
                         m_dir / ("s" + std::to_string(++m_copies) + ".sqlite"));
    }

private:
    std::filesystem::path m_dir;
    int m_copies = 0;
};

// Approves every brief awaiting review, each by its owner, as a rep would; returns how many.
// The store holds no approval for a grace period first (an admin sets it to 0, audited): the
// push tests deliver at once.
inline int approveAll(baton::store::Database &db,
                      const baton::contracts::ContractRegistry &registry)
{
    const baton::SystemClock clock;
    baton::review::ReviewService service(db, registry, clock);
    baton::review::ApprovalGrace(db).setPeriod(service.actor("alex.kim@baton.example", "test"),
                                               std::chrono::seconds(0), clock.now());
    std::vector<std::pair<std::int64_t, std::string>> open;
    auto st = db.prepare("SELECT id, owner FROM briefs WHERE status = 'pending_review'");
    while (st.step())
        open.emplace_back(st.int64At(0), st.textAt(1));
    for (const auto &[id, owner] : open)
        service.approve(service.actor(owner, "test"), id, service.brief(id).version);
    return static_cast<int>(open.size());
}
