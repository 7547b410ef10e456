#include "telemetry/Kpis.h"

#include "store/Database.h"
#include "store/IndexHint.h"
#include "util/Time.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace baton::telemetry {

Percentiles percentiles(std::vector<double> values)
{
    Percentiles out;
    out.count = static_cast<std::int64_t>(values.size());
    if (values.empty())
        return out;
    std::sort(values.begin(), values.end());
    const auto rank = [&](double p) {
        const auto n = static_cast<double>(values.size());
        const auto i = static_cast<std::size_t>(std::max(1.0, std::ceil(p * n))) - 1;
        return values[std::min(i, values.size() - 1)];
    };
    out.p50 = rank(0.5);
    out.p95 = rank(0.95);
    return out;
}

namespace {

// The day after `day` (YYYY-MM-DD), so a period is [from, next(to)).
std::string nextDay(const std::string &day)
{
    const auto at = util::parseRfc3339(day + "T00:00:00Z");
    if (!at)
        return day;
    return util::formatUtc(*at + std::chrono::hours(24)).substr(0, 10);
}

std::string qualityBucket(double completeness)
{
    const int tenth = std::clamp(static_cast<int>(std::floor(completeness * 10 + 1e-9)), 0, 9);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f-%.1f", tenth / 10.0, (tenth + 1) / 10.0);
    return buf;
}

std::string scoreBand(double score)
{
    const int fifth = std::clamp(static_cast<int>(score / 20), 0, 4);
    return std::to_string(fifth * 20) + "-" + std::to_string(fifth * 20 + 20);
}

struct DayWork
{
    DayKpis kpis;
    std::vector<double> handoff, pipeline, review;
};

} // namespace

KpiReport computeKpis(store::Database &db, const std::string &from, const std::string &to,
                      const std::string &now, const HeartbeatLimits &limits)
{
    const auto started = std::chrono::steady_clock::now();
    KpiReport report;
    report.from = from;
    report.to = to;
    const std::string end = nextDay(to);
    std::map<std::string, DayWork> days;
    for (std::string d = from; d < end && days.size() < 3700; d = nextDay(d))
        days[d].kpis.day = d;

    // Briefs generated in the period, with their review and pipeline time: from the covering
    // indexes, never the brief's JSON.
    {
        auto st = db.prepare(
            "SELECT substr(b.created_at, 1, 10), b.signal_at, "
            "b.pipeline_ms, b.completeness, b.escalation_reasons <> '[]', b.sla_due, "
            "b.created_at, r.decided_at, coalesce(r.approved, 0), coalesce(r.edited, 0), "
            "coalesce(r.escalated, 0) FROM " +
            store::indexedBy(db.engine(), "briefs b", "briefs_kpi") +
            " LEFT JOIN (SELECT brief_id, "
            "min(CASE WHEN action IN ('approve', 'escalate', 'resolve') THEN at END) AS "
            "decided_at, max(action = 'approve') AS approved, max(action = 'edit') AS edited, "
            "max(action = 'escalate') AS escalated FROM review_actions WHERE at < ?2 "
            "GROUP BY brief_id) r ON r.brief_id = b.id "
            "WHERE b.created_at >= ?1 AND b.created_at < ?2");
        st.bindAll(from, end);
        while (st.step()) {
            auto &w = days[st.textAt(0)];
            w.kpis.day = st.textAt(0);
            auto &k = w.kpis;
            ++k.briefs;
            const std::string created = st.textAt(6);
            const auto createdAt = util::parseRfc3339(created);
            if (const auto signal = st.optionalTextAt(1)) {
                const auto signalAt = util::parseRfc3339(*signal);
                if (signalAt && createdAt)
                    w.handoff.push_back(
                        std::chrono::duration<double>(*createdAt - *signalAt).count() / 3600);
            }
            if (const auto ms = st.optionalDoubleAt(2))
                w.pipeline.push_back(*ms);
            if (const auto c = st.optionalDoubleAt(3))
                ++report.dataQuality[qualityBucket(*c)];
            const bool escalatedAtCreation = st.int64At(4) != 0;
            k.escalatedAtCreation += escalatedAtCreation;
            const std::string slaDue = st.textAt(5);
            const auto decided = st.optionalTextAt(7);
            k.approved += st.int64At(8) != 0;
            k.edited += st.int64At(9) != 0;
            k.escalated += escalatedAtCreation || st.int64At(10) != 0;
            if (decided) {
                const auto b = util::parseRfc3339(*decided);
                if (createdAt && b)
                    w.review.push_back(std::chrono::duration<double>(*b - *createdAt).count() /
                                       3600);
                // Compared as instants: the two may be written with different precision.
                const auto due = util::parseRfc3339(slaDue);
                k.slaBreaches += due && b && *b > *due;
            } else {
                const auto due = util::parseRfc3339(slaDue), at = util::parseRfc3339(now);
                k.slaBreaches += due && at && *at > *due;
            }
        }
    }
    {
        auto st = db.prepare("SELECT substr(updated_at, 1, 10), sum(status = 'done'), "
                             "sum(status = 'failed') FROM " +
                             store::indexedBy(db.engine(), "outbox", "outbox_by_update") +
                             " WHERE updated_at >= ?1 AND updated_at < ?2 AND status IN "
                             "('done', 'failed') GROUP BY 1");
        st.bindAll(from, end);
        while (st.step()) {
            auto &k = days[st.textAt(0)].kpis;
            k.day = st.textAt(0);
            k.pushDone = st.int64At(1);
            k.pushFailed = st.int64At(2);
        }
    }
    {
        // Quarantined records: per day, and per source, contract (name@version) and field.
        auto st = db.prepare(
            "SELECT substr(q.created_at, 1, 10), b.source_system, coalesce(q.contract, ''), "
            "coalesce(q.field, ''), count(*) FROM quarantine q JOIN ingest_batches b ON b.id = "
            "q.batch_id WHERE q.created_at >= ?1 AND q.created_at < ?2 GROUP BY 1, 2, 3, 4");
        st.bindAll(from, end);
        std::map<std::tuple<std::string, std::string, std::string>, std::int64_t> byKey;
        while (st.step()) {
            auto &k = days[st.textAt(0)].kpis;
            k.day = st.textAt(0);
            k.violations += st.int64At(4);
            byKey[{st.textAt(1), st.textAt(2), st.textAt(3)}] += st.int64At(4);
        }
        for (const auto &[key, n] : byKey)
            report.violations.push_back({std::get<0>(key), std::get<1>(key), std::get<2>(key), n});
        std::sort(report.violations.begin(), report.violations.end(),
                  [](const auto &a, const auto &b) { return a.records > b.records; });
    }
    {
        // Approvals in the period, and whether the lead became an opportunity within 30 days.
        auto st = db.prepare(
            "SELECT b.score, (SELECT min(o.opportunity_seen_at) FROM crm_outcomes o WHERE "
            "o.lead_id = b.lead_id) AS seen, a.at, (SELECT s.version FROM agent_steps s WHERE "
            "s.lead_id = b.lead_id AND s.run_id = b.run_id AND s.agent = 'scoring' LIMIT 1) "
            "FROM " +
            store::indexedBy(db.engine(), "review_actions a", "review_actions_by_time") +
            " JOIN briefs b ON b.id = a.brief_id "
            "WHERE a.at >= ?1 AND a.at < ?2 AND a.action = 'approve'");
        st.bindAll(from, end);
        std::map<std::string, std::pair<BandAccuracy, double>> bands;
        std::map<std::string, VersionAccuracy> versions;
        for (int fifth = 0; fifth < 5; ++fifth) {
            const std::string band = scoreBand(fifth * 20.0);
            bands[band].first.band = band;
        }
        while (st.step()) {
            const double score = st.doubleAt(0);
            auto &[band, scoreSum] = bands[scoreBand(score)];
            ++band.approved;
            scoreSum += score;
            const auto seen = st.optionalTextAt(1);
            const auto approvedAt = util::parseRfc3339(st.textAt(2));
            const auto seenAt = seen ? util::parseRfc3339(*seen) : std::nullopt;
            const bool converted =
                seenAt && approvedAt && *seenAt - *approvedAt <= std::chrono::hours(24 * 30);
            band.opportunities += converted;
            auto &v = versions[st.optionalTextAt(3).value_or("")];
            ++v.approved;
            v.opportunities += converted;
            v.meanScore += score; // a sum until the end
        }
        for (auto &[name, v] : versions) {
            v.version = name;
            v.meanScore /= double(v.approved);
            report.accuracyByVersion.push_back(v);
        }
        for (auto &[name, entry] : bands) {
            entry.first.meanScore =
                entry.first.approved ? entry.second / double(entry.first.approved) : 0;
            report.accuracy.push_back(entry.first);
        }
    }
    {
        const auto at = util::parseRfc3339(now);
        const auto late = [&](const std::string &what, const std::optional<std::string> &last,
                              double limitHours) {
            const auto seen = last ? util::parseRfc3339(*last) : std::nullopt;
            const double hours =
                seen && at ? std::chrono::duration<double>(*at - *seen).count() / 3600 : 1e9;
            if (hours > limitHours)
                report.heartbeats.push_back(
                    {what, last.value_or(""), seen ? hours - limitHours : 0});
        };
        auto st = db.prepare("SELECT source_system, max(finished_at) FROM ingest_batches WHERE "
                             "status = 'done' GROUP BY source_system ORDER BY 1");
        while (st.step())
            late(st.textAt(0) + " sync", st.optionalTextAt(1), limits.syncHours);
        auto enrichment = db.prepare(
            "SELECT max(finished_at) FROM ingest_batches WHERE status = 'done' AND id IN (SELECT "
            "batch_id FROM contract_usage WHERE contract = 'enrichment_record')");
        enrichment.step();
        late("enrichment", enrichment.optionalTextAt(0), limits.enrichmentHours);
    }
    for (auto &[day, w] : days) {
        w.kpis.handoffHours = percentiles(std::move(w.handoff));
        w.kpis.pipelineMs = percentiles(std::move(w.pipeline));
        w.kpis.reviewHours = percentiles(std::move(w.review));
        report.days.push_back(std::move(w.kpis));
    }
    report.millis =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)
            .count();
    return report;
}

std::string kpisJson(const KpiReport &r)
{
    using nlohmann::json;
    const auto pct = [](const Percentiles &p) {
        return json{{"p50", p.p50}, {"p95", p.p95}, {"count", p.count}};
    };
    json days = json::array();
    for (const auto &d : r.days)
        days.push_back({{"day", d.day},
                        {"briefs", d.briefs},
                        {"escalated_at_creation", d.escalatedAtCreation},
                        {"handoff_hours", pct(d.handoffHours)},
                        {"pipeline_ms", pct(d.pipelineMs)},
                        {"approved", d.approved},
                        {"edited", d.edited},
                        {"escalated", d.escalated},
                        {"review_hours", pct(d.reviewHours)},
                        {"sla_breaches", d.slaBreaches},
                        {"push_done", d.pushDone},
                        {"push_failed", d.pushFailed},
                        {"violations", d.violations}});
    json violations = json::array();
    for (const auto &v : r.violations)
        violations.push_back({{"source", v.source},
                              {"contract", v.contract},
                              {"field", v.field},
                              {"records", v.records}});
    json accuracy = json::array();
    for (const auto &a : r.accuracy)
        accuracy.push_back({{"band", a.band},
                            {"approved", a.approved},
                            {"opportunities_within_30_days", a.opportunities},
                            {"mean_score", a.meanScore}});
    json byVersion = json::array();
    for (const auto &v : r.accuracyByVersion)
        byVersion.push_back({{"scoring_version", v.version},
                             {"approved", v.approved},
                             {"opportunities_within_30_days", v.opportunities},
                             {"mean_score", v.meanScore}});
    json heartbeats = json::array();
    for (const auto &h : r.heartbeats)
        heartbeats.push_back(
            {{"what", h.what}, {"last_seen", h.lastSeen}, {"hours_late", h.hoursLate}});
    return json{{"from", r.from},
                {"to", r.to},
                {"days", days},
                {"data_quality", r.dataQuality},
                {"violations", violations},
                {"post_handoff_accuracy", accuracy},
                {"post_handoff_by_scoring_version", byVersion},
                {"heartbeats", heartbeats}}
        .dump(2);
}

std::string kpisCsv(const KpiReport &r)
{
    std::string out = "day,briefs,escalated_at_creation,handoff_hours_p50,handoff_hours_p95,"
                      "pipeline_ms_p50,pipeline_ms_p95,approved,edited,escalated,"
                      "review_hours_p50,review_hours_p95,sla_breaches,push_done,push_failed,"
                      "violations\n";
    for (const auto &d : r.days) {
        char line[512];
        std::snprintf(line, sizeof line,
                      "%s,%lld,%lld,%.3f,%.3f,%.1f,%.1f,%lld,%lld,%lld,%.3f,%.3f,%lld,%lld,%lld,"
                      "%lld\n",
                      d.day.c_str(), static_cast<long long>(d.briefs),
                      static_cast<long long>(d.escalatedAtCreation), d.handoffHours.p50,
                      d.handoffHours.p95, d.pipelineMs.p50, d.pipelineMs.p95,
                      static_cast<long long>(d.approved), static_cast<long long>(d.edited),
                      static_cast<long long>(d.escalated), d.reviewHours.p50, d.reviewHours.p95,
                      static_cast<long long>(d.slaBreaches), static_cast<long long>(d.pushDone),
                      static_cast<long long>(d.pushFailed), static_cast<long long>(d.violations));
        out += line;
    }
    return out;
}

} // namespace baton::telemetry
