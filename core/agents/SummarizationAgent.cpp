#include "agents/SummarizationAgent.h"

#include "agents/Normalization.h"
#include "util/MapSlot.h"
#include "util/Time.h"

#include <algorithm>
#include <map>

namespace baton::agents {

namespace {

constexpr std::size_t kMaxEvidence = 5;
constexpr int kTimelineDays = 90;

std::string day(TimePoint t)
{
    return util::formatUtc(t).substr(0, 10);
}

std::string eventRef(const EventFact &e)
{
    return "event#" + std::to_string(e.id);
}

// The newest first, at most kMaxEvidence.
std::vector<std::string> refs(std::vector<const EventFact *> events)
{
    std::sort(events.begin(), events.end(),
              [](auto *a, auto *b) { return a->occurredAt > b->occurredAt; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < events.size() && i < kMaxEvidence; ++i)
        out.push_back(eventRef(*events[i]));
    return out;
}

std::string quoted(const std::string &asset)
{
    return asset.empty() ? std::string() : " \"" + asset + "\"";
}

std::string field(const EnrichedProfile &p, const char *name)
{
    const auto it = p.fields.find(name);
    if (it == p.fields.end() || it->second.value.is_null())
        return {};
    return it->second.value.is_string() ? it->second.value.get<std::string>()
                                        : it->second.value.dump();
}

std::vector<std::string> evidenceOf(const EnrichedProfile &p,
                                    std::initializer_list<const char *> names)
{
    std::vector<std::string> out;
    for (const char *name : names)
        if (const auto it = p.fields.find(name); it != p.fields.end())
            for (const auto &e : it->second.evidence)
                if (std::find(out.begin(), out.end(), e) == out.end())
                    out.push_back(e);
    return out;
}

} // namespace

nlohmann::json Summary::toJson() const
{
    const auto sentences = [](const std::vector<Sentence> &list) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto &s : list)
            out.push_back({{"text", s.text}, {"evidence", s.evidence}});
        return out;
    };
    nlohmann::json weeks = nlohmann::json::array();
    for (const auto &w : timeline)
        weeks.push_back({{"week", w.weekStart}, {"counts", w.counts}, {"evidence", w.evidence}});
    return {{"backend", backend},
            {"timeline", weeks},
            {"intent_signals", sentences(intentSignals)},
            {"talking_points", sentences(talkingPoints)},
            {"risks", sentences(risks)}};
}

Summary SummarizationAgent::run(const LeadFacts &lead, const EnrichedProfile &profile,
                                const std::vector<EventFact> &events, TimePoint now) const
{
    Summary out;
    const auto daysAgo = [&](const EventFact &e) {
        return std::chrono::duration<double>(now - e.occurredAt).count() / 86400.0;
    };
    std::map<std::string, std::vector<const EventFact *>, std::less<>> last30, last14;
    std::map<long long, TimelineWeek> weeks;
    for (const EventFact &e : events) {
        const double age = daysAgo(e);
        if (age < 0 || age > kTimelineDays)
            continue;
        const std::string_view type = eventKind(e);
        if (inSignalWindow(e, now))
            util::slot(last30, type).push_back(&e);
        if (age <= 14)
            util::slot(last14, type).push_back(&e);
        // Weeks start on Monday; 1970-01-01 was a Thursday.
        const long long days =
            std::chrono::duration_cast<std::chrono::hours>(e.occurredAt.time_since_epoch())
                .count() /
            24;
        const long long monday = days - ((days + 3) % 7);
        TimelineWeek &w = weeks[monday];
        if (w.weekStart.empty())
            w.weekStart = day(TimePoint(std::chrono::hours(24 * monday)));
        ++util::slot(w.counts, type);
        if (w.evidence.size() < kMaxEvidence)
            w.evidence.push_back(eventRef(e));
    }
    for (auto &[monday, week] : weeks)
        out.timeline.push_back(std::move(week));
    for (const auto &[kind, list] : last30)
        out.windowCounts[kind] = static_cast<int>(list.size());
    const std::string window = " in the last " + std::to_string(kSignalWindowDays) + " days";

    const auto latest = [](const std::vector<const EventFact *> &list) {
        return *std::max_element(list.begin(), list.end(),
                                 [](auto *a, auto *b) { return a->occurredAt < b->occurredAt; });
    };
    if (const auto it = last30.find("demo_request"); it != last30.end()) {
        const EventFact *e = latest(it->second);
        out.intentSignals.push_back(
            {"Requested a demo on " + day(e->occurredAt) + quoted(e->asset) + ".",
             refs(it->second)});
    }
    if (const auto it = last30.find("pricing_page_view"); it != last30.end()) {
        out.intentSignals.push_back({"Viewed pricing " + std::to_string(it->second.size()) +
                                         (it->second.size() == 1 ? " time" : " times") + window +
                                         ", last on " + day(latest(it->second)->occurredAt) + ".",
                                     refs(it->second)});
    }
    if (const auto it = last14.find("web_visit"); it != last14.end() && it->second.size() >= 5) {
        out.intentSignals.push_back({"Visited the website " + std::to_string(it->second.size()) +
                                         " times in the last 14 days.",
                                     refs(it->second)});
    }
    for (const char *type : {"webinar_attended", "content_download"}) {
        const auto it = last30.find(type);
        if (it == last30.end())
            continue;
        const EventFact *e = latest(it->second);
        const std::string verb =
            std::string(type) == "webinar_attended" ? "Attended the webinar" : "Downloaded";
        out.intentSignals.push_back(
            {verb + quoted(e->asset) + " on " + day(e->occurredAt) + ".", refs({e})});
        out.talkingPoints.push_back(
            {std::string(type) == "webinar_attended"
                 ? "Follow up on the webinar" + quoted(e->asset) + " they attended."
                 : "Refer to" + quoted(e->asset) + ", which they downloaded.",
             refs({e})});
    }
    if (const auto it = last30.find("email_click"); it != last30.end() && it->second.size() >= 2) {
        out.intentSignals.push_back(
            {"Clicked through " + std::to_string(it->second.size()) + " emails" + window + ".",
             refs(it->second)});
    }

    const std::string title = field(profile, "job_title"), company = field(profile, "company");
    if (!title.empty() || !company.empty()) {
        std::string who = title.empty() ? "Works" : title;
        who += company.empty() ? "" : " at " + company;
        std::vector<std::string> details;
        for (const char *name : {"industry", "size_band", "country"})
            if (const auto v = field(profile, name); !v.empty())
                details.push_back(std::string(name) == "size_band" ? v + " employees" : v);
        std::string detail;
        for (const auto &d : details)
            detail += (detail.empty() ? " (" : ", ") + d;
        out.talkingPoints.insert(
            out.talkingPoints.begin(),
            {who + (detail.empty() ? "" : detail + ")") + ".",
             evidenceOf(profile, {"job_title", "company", "industry", "size_band", "country"})});
    }
    if (const auto it = last30.find("demo_request"); it != last30.end())
        out.talkingPoints.push_back(
            {"Confirm the demo they asked for on " + day(latest(it->second)->occurredAt) + ".",
             refs(it->second)});
    if (const auto it = last30.find("pricing_page_view"); it != last30.end())
        out.talkingPoints.push_back(
            {"Ask which pricing questions are open: they looked at pricing recently.",
             refs(it->second)});

    const std::string leadRef = "lead#" + std::to_string(lead.id);
    if (lead.optedOut)
        out.risks.push_back({"Opted out of email: do not email.", {leadRef}});
    for (const EventFact &e : events) {
        if (e.type == "unsubscribe")
            out.risks.push_back(
                {"Unsubscribed from email on " + day(e.occurredAt) + ".", {eventRef(e)}});
        else if (e.type == "bounce")
            out.risks.push_back(
                {"An email bounced on " + day(e.occurredAt) + ": the address may be invalid.",
                 {eventRef(e)}});
    }
    for (const auto &conflict : profile.conflicts) {
        std::vector<std::string> evidence;
        for (const auto &c : conflict.candidates)
            evidence.push_back(c.evidence);
        out.risks.push_back(
            {"Sources disagree on " + conflict.field + ": check it before relying on it.",
             evidence});
    }
    if (!profile.staleFields.empty()) {
        std::string fields;
        for (const auto &f : profile.staleFields)
            fields += (fields.empty() ? "" : ", ") + f;
        std::vector<std::string> evidence;
        for (const auto &f : profile.staleFields)
            for (const auto &e : profile.fields.at(f).evidence)
                evidence.push_back(e);
        out.risks.push_back({"Company data is stale (" + fields + ").", evidence});
    }
    const bool quiet = std::none_of(events.begin(), events.end(), [&](const EventFact &e) {
        const double age = daysAgo(e);
        return age >= 0 && age <= 30;
    });
    if (quiet)
        out.risks.push_back({"No engagement in the last 30 days.", {leadRef}});
    // The contract of this agent: no sentence without evidence.
    for (auto *list : {&out.intentSignals, &out.talkingPoints, &out.risks})
        list->erase(std::remove_if(list->begin(), list->end(),
                                   [](const Sentence &s) { return s.evidence.empty(); }),
                    list->end());
    return out;
}

} // namespace baton::agents
