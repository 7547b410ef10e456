#include "telemetry/Lineage.h"

#include "agents/InputsConsidered.h"
#include "agents/ScoringAgent.h"
#include "store/Database.h"
#include "util/Time.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace baton::telemetry {

namespace {

using json = nlohmann::json;
using Kind = LineageNode::Kind;

// The brief fields each agent writes: a field's lineage runs through its step.
const std::map<std::string, std::string> &fieldAgent()
{
    static const std::map<std::string, std::string> fields = {
        {"profile", "enrichment"},          {"score", "scoring"},   {"summary", "summarization"},
        {"recommended_actions", "handoff"}, {"routing", "handoff"}, {"escalation", "handoff"},
        {"data_quality", "handoff"},        {"lead", "enrichment"}};
    return fields;
}

std::string kindOf(const std::string &ref)
{
    return ref.substr(0, ref.find('#'));
}

std::int64_t idOf(const std::string &ref)
{
    const auto hash = ref.find('#');
    return hash == std::string::npos ? 0 : std::stoll(ref.substr(hash + 1));
}

// The events among `ids` grouped as the agents count them: by kind (a visit to a pricing page
// is a pricing view), each with its events' ids, and how many fall in the brief's signal
// window up to `asOf` and before it.
struct KindGroup
{
    std::vector<std::int64_t> ids;
    agents::EventCount count;
};

std::map<std::string, KindGroup>
eventsByKind(store::Database &db, const std::vector<std::int64_t> &ids, agents::TimePoint asOf)
{
    std::map<std::string, KindGroup> out;
    // json_each's values are text on PostgreSQL: cast, to compare with the ids.
    auto st = db.prepare("SELECT id, type, coalesce(asset, ''), occurred_at FROM events WHERE id "
                         "IN (SELECT CAST(value AS BIGINT) FROM json_each(?))");
    st.bind(1, json(ids).dump());
    while (st.step()) {
        agents::EventFact e;
        e.id = st.int64At(0);
        e.type = st.textAt(1);
        e.asset = st.textAt(2);
        e.occurredAt = util::parseRfc3339(st.textAt(3)).value_or(agents::TimePoint{});
        KindGroup &g = out[std::string(agents::eventKind(e))];
        g.ids.push_back(e.id);
        if (agents::inSignalWindow(e, asOf))
            ++g.count.inWindow;
        else if (e.occurredAt < asOf)
            ++g.count.earlier;
    }
    return out;
}

} // namespace

int LineageNode::layer() const
{
    switch (kind) {
    case Kind::File:
        return 0;
    case Kind::Batch:
        return 1;
    case Kind::Record:
    case Kind::EventGroup:
    case Kind::Event:
        return 2;
    case Kind::Step:
        return 3;
    case Kind::Field:
        return 4;
    case Kind::Operation:
        return 5;
    case Kind::CrmObject:
        return 6;
    }
    return 0;
}

const LineageNode *LineageGraph::node(const std::string &id) const
{
    for (const auto &n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

std::vector<std::string> LineageGraph::upstream(const std::string &id) const
{
    std::multimap<std::string, std::string> into; // to -> from
    for (const auto &e : edges)
        into.emplace(e.to, e.from);
    std::set<std::string> seen = {id};
    std::vector<std::string> todo = {id};
    while (!todo.empty()) {
        const std::string at = todo.back();
        todo.pop_back();
        const auto [begin, end] = into.equal_range(at);
        for (auto it = begin; it != end; ++it)
            if (seen.insert(it->second).second)
                todo.push_back(it->second);
    }
    return {seen.begin(), seen.end()};
}

std::optional<std::int64_t> newestBriefOfLead(store::Database &db, std::int64_t leadId)
{
    auto st = db.prepare("SELECT max(id) FROM briefs WHERE lead_id = ?");
    st.bind(1, leadId);
    return st.step() ? st.optionalInt64At(0) : std::nullopt;
}

LineageGraph briefLineage(store::Database &db, std::int64_t briefId)
{
    LineageGraph g;
    g.briefId = briefId;
    std::int64_t leadId = 0;
    std::string runId, created, brief;
    {
        auto st = db.prepare("SELECT lead_id, run_id, created_at, coalesce(edited, brief), CASE "
                             "WHEN edited IS NULL THEN inputs END FROM briefs WHERE id = ?");
        st.bind(1, briefId);
        if (!st.step())
            throw std::invalid_argument("no brief #" + std::to_string(briefId));
        leadId = st.int64At(0);
        runId = st.textAt(1);
        created = st.textAt(2);
        brief = agents::storedBrief(st.textAt(3),
                                    st.isNull(4) ? std::nullopt : std::optional(st.blobViewAt(4)));
    }
    const auto doc = json::parse(brief, nullptr, false);
    std::set<std::string> nodeIds;
    const auto add = [&](LineageNode n) {
        if (nodeIds.insert(n.id).second)
            g.nodes.push_back(std::move(n));
    };
    std::set<std::pair<std::string, std::string>> edgeSet;
    const auto link = [&](const std::string &from, const std::string &to) {
        if (edgeSet.emplace(from, to).second)
            g.edges.push_back({from, to});
    };

    // Records, by kind; each to its batch, each batch to its file.
    std::map<std::string, std::vector<std::int64_t>> byKind;
    for (const auto &item : doc.value("inputs_considered", json::array())) {
        const std::string ref = item.value("ref", "");
        if (ref.empty())
            continue;
        g.inputRefs.push_back(ref);
        byKind[kindOf(ref)].push_back(idOf(ref));
    }
    std::set<std::int64_t> batches;
    const std::map<std::string, std::pair<const char *, const char *>> tables = {
        {"lead", {"leads", "lead"}},
        {"account", {"accounts", "account"}},
        {"enrichment", {"enrichment", "enrichment_record"}}};
    for (const auto &[kind, table] : tables) {
        if (!byKind.count(kind))
            continue;
        auto st = db.prepare(std::string("SELECT id, batch_id, contract_version, ") +
                             (kind == "lead" ? "coalesce(email, '')" : "source_id") +
                             ", source_system FROM " + table.first +
                             " WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))");
        st.bind(1, json(byKind[kind]).dump());
        while (st.step()) {
            const std::string ref = kind + "#" + std::to_string(st.int64At(0));
            add({ref, Kind::Record, ref + " " + st.textAt(3),
                 std::string(table.second) + "@" + std::to_string(st.int64At(2)), "", 1,
                 json({{"ref", ref}, {"source", st.textAt(4)}, {"batch", st.int64At(1)}}).dump()});
            link("batch:" + std::to_string(st.int64At(1)), ref);
            batches.insert(st.int64At(1));
        }
    }
    if (byKind.count("event")) {
        // One node per kind of event to begin with, named and counted as the score's factor
        // is; it opens into days, a day into events.
        const auto asOf = util::parseRfc3339(created).value_or(agents::TimePoint{});
        for (const auto &[kind, group] : eventsByKind(db, byKind["event"], asOf)) {
            auto st = db.prepare(
                "SELECT batch_id, contract_version, count(*), min(occurred_at), "
                "max(occurred_at), count(DISTINCT substr(occurred_at, 1, 10)) "
                "FROM events WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?)) GROUP "
                "BY 1, 2 ORDER BY 1");
            st.bind(1, json(group.ids).dump());
            const std::string id = "events:" + kind;
            while (st.step()) {
                const std::string version = "engagement_event@" + std::to_string(st.int64At(1));
                if (!nodeIds.count(id))
                    add({id, Kind::EventGroup, agents::countedFactorName(kind, group.count),
                         version, st.textAt(4), std::int64_t(group.ids.size()),
                         json({{"type", kind},
                               {"first", st.textAt(3)},
                               {"last", st.textAt(4)},
                               {"days", st.int64At(5)},
                               {"window_days", agents::kSignalWindowDays},
                               {"in_window", group.count.inWindow},
                               {"earlier", group.count.earlier}})
                             .dump()});
                link("batch:" + std::to_string(st.int64At(0)), id);
                batches.insert(st.int64At(0));
            }
        }
    }
    {
        auto st = db.prepare(
            "SELECT id, source_system, file_name, coalesce(file_path, ''), "
            "started_at, status, records_read, records_quarantined FROM "
            "ingest_batches WHERE id IN (SELECT CAST(value AS BIGINT) FROM json_each(?))");
        st.bind(1, json(std::vector<std::int64_t>(batches.begin(), batches.end())).dump());
        while (st.step()) {
            const std::string batch = "batch:" + std::to_string(st.int64At(0));
            const std::string file = "file:" + (st.textAt(3).empty() ? st.textAt(2) : st.textAt(3));
            add({file, Kind::File, st.textAt(2), st.textAt(1), "", 1,
                 json({{"path", st.textAt(3)}, {"name", st.textAt(2)}}).dump()});
            add({batch, Kind::Batch,
                 "batch " + std::to_string(st.int64At(0)) + " (" + st.textAt(1) + ")", "",
                 st.textAt(4), 1,
                 json({{"status", st.textAt(5)},
                       {"records_read", st.int64At(6)},
                       {"quarantined", st.int64At(7)}})
                     .dump()});
            link(file, batch);
        }
    }

    // Steps: what each read (records, or another step) and which fields it wrote.
    {
        auto st = db.prepare("SELECT agent, version, inputs, output, decision, duration_ms, "
                             "rationale FROM agent_steps WHERE lead_id = ? AND run_id = ? ORDER "
                             "BY id");
        st.bindAll(leadId, runId);
        while (st.step()) {
            const std::string agent = st.textAt(0);
            const std::string id = "step:" + agent;
            const auto inputs = json::parse(st.textAt(2), nullptr, false);
            add({id, Kind::Step, agent, agent + "@" + st.textAt(1), created, 1,
                 json({{"decision", st.textAt(4)},
                       {"rationale", json::parse(st.textAt(6), nullptr, false)},
                       {"duration_ms", st.doubleAt(5)},
                       {"inputs", inputs},
                       {"output", json::parse(st.textAt(3), nullptr, false)}})
                     .dump()});
            if (inputs.is_array()) {
                for (const auto &in : inputs)
                    if (in.is_object() && nodeIds.count(in.value("ref", "")))
                        link(in.value("ref", ""), id);
            } else if (inputs.is_object()) {
                if (inputs.contains("events"))
                    for (const auto &n : g.nodes)
                        if (n.kind == Kind::EventGroup)
                            link(n.id, id);
                if (inputs.contains("profile"))
                    link("step:enrichment", id);
                for (const auto &s : inputs.value("steps", json::array()))
                    if (s.is_string())
                        link("step:" + s.get<std::string>(), id);
            }
        }
    }
    for (const auto &[field, agent] : fieldAgent()) {
        if (!doc.contains(field))
            continue;
        const std::string id = "field:/" + field;
        add({id, Kind::Field, "/" + field, "brief@1", created, 1, doc[field].dump(2)});
        link("step:" + agent, id);
    }
    // On to the CRM: each operation from the fields it carries, to the object it made.
    {
        auto st = db.prepare("SELECT id, kind, status, coalesce(crm_system, ''), "
                             "coalesce(crm_id, ''), updated_at, attempts, coalesce(last_error, "
                             "'') FROM outbox WHERE brief_id = ? ORDER BY id");
        st.bind(1, briefId);
        while (st.step()) {
            const std::string op = "op:" + std::to_string(st.int64At(0));
            add({op, Kind::Operation, st.textAt(1) + " (" + st.textAt(2) + ")", "", st.textAt(5), 1,
                 json({{"status", st.textAt(2)},
                       {"attempts", st.int64At(6)},
                       {"last_error", st.textAt(7)}})
                     .dump()});
            for (const char *field : {"profile", "summary", "score", "recommended_actions"})
                if (nodeIds.count(std::string("field:/") + field))
                    link(std::string("field:/") + field, op);
            if (!st.textAt(4).empty()) {
                const std::string object = "crm:" + st.textAt(3) + ":" + st.textAt(4);
                add({object, Kind::CrmObject, st.textAt(3) + " " + st.textAt(4), "", st.textAt(5),
                     1, ""});
                link(op, object);
            }
        }
    }
    return g;
}

LineageGraph expandEventGroup(store::Database &db, const LineageGraph &graph,
                              const std::string &groupId, std::size_t limit)
{
    LineageGraph g = graph;
    const auto *group = graph.node(groupId);
    if (!group || group->kind != Kind::EventGroup)
        return g;
    const auto detail = json::parse(group->detail, nullptr, false);
    const std::string type = detail.value("type", "");
    const std::string day = detail.value("day", "");
    std::vector<std::int64_t> all;
    for (const auto &ref : graph.inputRefs)
        if (kindOf(ref) == "event")
            all.push_back(idOf(ref));
    // The group's events: of its kind, as the agents count them (not only of its stored type).
    auto groups = eventsByKind(db, all, agents::TimePoint{});
    const std::vector<std::int64_t> ids = std::move(groups[type].ids);
    std::vector<std::string> out; // the steps the group fed
    for (const auto &e : graph.edges)
        if (e.from == groupId)
            out.push_back(e.to);
    std::vector<LineageEdge> edges;
    for (const auto &e : g.edges)
        if (e.from != groupId && e.to != groupId)
            edges.push_back(e);
    g.nodes.erase(std::remove_if(g.nodes.begin(), g.nodes.end(),
                                 [&](const LineageNode &n) { return n.id == groupId; }),
                  g.nodes.end());
    if (day.empty()) {
        // A type opens into its days.
        auto st = db.prepare(
            "SELECT substr(occurred_at, 1, 10), batch_id, contract_version, "
            "count(*), min(occurred_at), max(occurred_at) FROM events WHERE id "
            "IN (SELECT CAST(value AS BIGINT) FROM json_each(?1)) GROUP BY 1, 2, 3 ORDER BY 1");
        st.bind(1, json(ids).dump());
        std::map<std::string, std::size_t> at;
        while (st.step()) {
            const std::string id = "events:" + type + ":" + st.textAt(0);
            if (!at.count(id)) {
                at[id] = g.nodes.size();
                g.nodes.push_back({id, Kind::EventGroup, type + " · " + st.textAt(0),
                                   "engagement_event@" + std::to_string(st.int64At(2)),
                                   st.textAt(5), 0,
                                   json({{"type", type},
                                         {"day", st.textAt(0)},
                                         {"first", st.textAt(4)},
                                         {"last", st.textAt(5)}})
                                       .dump()});
                for (const auto &to : out)
                    edges.push_back({id, to});
            }
            g.nodes[at[id]].count += st.int64At(3);
            edges.push_back({"batch:" + std::to_string(st.int64At(1)), id});
        }
        g.edges = std::move(edges);
        return g;
    }
    auto st =
        db.prepare("SELECT id, occurred_at, batch_id, coalesce(asset, ''), "
                   "contract_version FROM events WHERE id IN (SELECT CAST(value AS BIGINT) FROM "
                   "json_each(?1)) AND substr(occurred_at, 1, 10) = ?2 "
                   "ORDER BY occurred_at LIMIT ?3");
    st.bindAll(json(ids).dump(), day, static_cast<std::int64_t>(limit));
    while (st.step()) {
        const std::string ref = "event#" + std::to_string(st.int64At(0));
        g.nodes.push_back(
            {ref, Kind::Event, ref + " " + st.textAt(3),
             "engagement_event@" + std::to_string(st.int64At(4)), st.textAt(1), 1,
             json({{"ref", ref}, {"occurred_at", st.textAt(1)}, {"asset", st.textAt(3)}}).dump()});
        edges.push_back({"batch:" + std::to_string(st.int64At(2)), ref});
        for (const auto &to : out)
            edges.push_back({ref, to});
    }
    g.edges = std::move(edges);
    return g;
}

} // namespace baton::telemetry
