#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

struct DemoHistoryOptions
{
    int days = 28;                             // how many days the demo has lived before `now`
    std::uint64_t seed = 42;                   // what the team does, as reproducible as the data
    std::chrono::system_clock::time_point now; // the last day ends here
    std::string osAccount; // who built the demo: the OS account every action carries
};

struct DemoHistorySummary
{
    int runs = 0, pushes = 0, pulls = 0;
    std::int64_t briefs = 0;
    std::int64_t approved = 0, edited = 0, escalated = 0, reassigned = 0;
    std::int64_t resolvedApproved = 0, returned = 0, rejected = 0;
    std::int64_t refused = 0; // actions the review service refused (consent at approval)
    std::int64_t operationsDone = 0, opportunities = 0;
    double seconds = 0;
};

// The demo's past, lived through the product's own services: for each of the last `days`
// days, the scheduled pipeline run as of that day, the demo team reviewing what waits for
// them (the real ReviewService, so review_actions and the audit chain are real), the
// approved briefs pushed to the built-in CRM sandbox (started on a loopback port for the
// duration) and, once a week, what sales made of them read back. Every step runs on a clock
// set to its moment of that day, so briefs, SLAs, audit entries and KPIs are dated across
// the weeks up to `now`.
//
// Why this is honest although the demo's files hold all 90 days at once: a run as of a day
// reads only the events that had occurred by then (pipeline::LeadInputReader), so a brief
// never cites a later event, and each day's run covers every lead, so a lead whose new
// events fall on that day is evaluated that day, as a daily import would have made it.
// What the files cannot replay is a contact's own fields as of a past day (a later
// unsubscribe flag is already set): the consent gate then refuses an approval, and that
// brief waits like any other.
class DemoHistory
{
public:
    DemoHistory(store::Database &db, const contracts::ContractRegistry &registry,
                DemoHistoryOptions options);
    ~DemoHistory();
    DemoHistory(const DemoHistory &) = delete;
    DemoHistory &operator=(const DemoHistory &) = delete;

    // `progress` gets the share of days lived. Throws std::runtime_error when the sandbox
    // cannot listen or a run fails.
    DemoHistorySummary live(const std::function<void(double fraction)> &progress = {});

private:
    struct Day;
    void liveDay(Day &day);
    void runPipeline(Day &day);
    void review(Day &day);
    void actAsOwner(Day &day, std::int64_t briefId);
    void actAsManager(Day &day, std::int64_t briefId);
    void push(Day &day);
    void pullOutcomes();

    struct Parts;
    store::Database &m_db;
    const contracts::ContractRegistry &m_registry;
    DemoHistoryOptions m_options;
    std::unique_ptr<Parts> m_parts;
    DemoHistorySummary m_summary;
};

} // namespace baton::app
