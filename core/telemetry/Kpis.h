#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::telemetry {

// Middle and tail of a set of durations; both 0 when the set is empty.
struct Percentiles
{
    double p50 = 0, p95 = 0;
    std::int64_t count = 0;
};
// Nearest-rank percentiles (p50 of {1, 2, 3, 4} is 2), the definition the tests compute by
// hand.
Percentiles percentiles(std::vector<double> values);

// One day of the handoff pipeline, UTC.
struct DayKpis
{
    std::string day;         // YYYY-MM-DD
    std::int64_t briefs = 0; // generated that day
    std::int64_t escalatedAtCreation = 0;
    Percentiles handoffHours; // newest signal to brief
    Percentiles pipelineMs;   // the four agents' time per brief
    // Of the briefs generated that day: how many were approved, edited, escalated (at
    // creation or in review) by the period's end.
    std::int64_t approved = 0, edited = 0, escalated = 0;
    Percentiles reviewHours;      // brief to first decision (approve, escalate, resolve)
    std::int64_t slaBreaches = 0; // decided after sla_due, or undecided past it
    std::int64_t pushDone = 0, pushFailed = 0; // CRM operations settled that day
    std::int64_t violations = 0;               // records quarantined that day
};

struct ViolationCount
{
    std::string source, contract, field; // contract as "name@version" when known
    std::int64_t records = 0;
};

// Post-handoff accuracy for one score band: approved briefs, and how many of their leads
// became opportunities within 30 days of the approval (as `baton crm pull` saw it).
struct BandAccuracy
{
    std::string band;
    std::int64_t approved = 0, opportunities = 0;
    double meanScore = 0; // the band's mean score, 0..100: what the calibration plots against
};

// The same, for the briefs one scoring version scored (a canary's candidate beside the live
// version): how often its approved leads converted, against what it predicted.
struct VersionAccuracy
{
    std::string version;
    std::int64_t approved = 0, opportunities = 0;
    double meanScore = 0;
};

// A source that has not synced, or enrichment that has not arrived, within its limit.
struct Heartbeat
{
    std::string what;     // "hubspot sync", "enrichment"
    std::string lastSeen; // RFC 3339, empty: never
    double hoursLate = 0;
};

struct KpiReport
{
    std::string from, to; // days, inclusive
    std::vector<DayKpis> days;
    std::map<std::string, std::int64_t> dataQuality; // completeness bucket "0.9-1.0" -> briefs
    std::vector<ViolationCount> violations;
    std::vector<BandAccuracy> accuracy;
    std::vector<VersionAccuracy> accuracyByVersion; // by version, in name order
    std::vector<Heartbeat> heartbeats;
    double millis = 0; // how long computing took
};

// The policy's heartbeats (agents::HeartbeatPolicy), in hours.
struct HeartbeatLimits
{
    double syncHours = 24;        // a source's last finished import
    double enrichmentHours = 168; // the last enrichment record
};

// Every KPI of the dashboard over [from, to] (days, UTC), computed from the store with
// covering indexes: no brief's JSON is parsed. `now` (RFC 3339) decides open SLAs and
// heartbeats.
KpiReport computeKpis(store::Database &db, const std::string &from, const std::string &to,
                      const std::string &now, const HeartbeatLimits &limits = {});

// The report as JSON (`baton export kpis`) and as CSV, one row per day.
std::string kpisJson(const KpiReport &report);
std::string kpisCsv(const KpiReport &report);

} // namespace baton::telemetry
