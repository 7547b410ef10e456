#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::telemetry {

// A brief's lineage as a graph, left to right: the source files and their ingest batches,
// the records the brief considered (events grouped by type, opened into days and then
// events on demand, so a lead with thousands stays readable), the agent steps that read them, the
// brief's fields, and on to the outbox operations and the CRM objects they made.
struct LineageNode
{
    enum class Kind
    {
        File,
        Batch,
        Record,     // a lead, account or enrichment record
        EventGroup, // events of one type ("events:TYPE"), or of a type on one day
        Event,      // one event, once its group is expanded
        Step,
        Field,
        Operation,
        CrmObject
    };
    std::string id; // "file:contacts.csv", "batch:3", "lead#1", "events:page_view:2026-11-20"
    Kind kind = Kind::Record;
    std::string label;
    std::string version;    // contract@version or agent@version
    std::string time;       // when it was imported, ran, made or settled
    std::int64_t count = 1; // records in a group
    std::string detail;     // what clicking it shows (JSON or text)
    int layer() const;      // its column: 0 files .. 7 CRM objects
};

struct LineageEdge
{
    std::string from, to;
};

struct LineageGraph
{
    std::int64_t briefId = 0;
    std::vector<LineageNode> nodes;
    std::vector<LineageEdge> edges;
    // The record refs the brief lists in inputs_considered, as the graph covers them.
    std::vector<std::string> inputRefs;

    const LineageNode *node(const std::string &id) const;
    // Everything a node came from, itself included: selecting a brief field shows only the
    // steps and records (and their batches and files) it rests on.
    std::vector<std::string> upstream(const std::string &id) const;
};

// Throws std::invalid_argument when there is no such brief.
LineageGraph briefLineage(store::Database &db, std::int64_t briefId);

// A lead's lineage is its newest brief's (each older brief has its own); nullopt when the
// lead has none.
std::optional<std::int64_t> newestBriefOfLead(store::Database &db, std::int64_t leadId);

// Opens a group: a type ("events:TYPE") into its days ("events:TYPE:DAY"), a day into its
// events (at most `limit`), with the edges that replace the group's.
LineageGraph expandEventGroup(store::Database &db, const LineageGraph &graph,
                              const std::string &groupId, std::size_t limit = 200);

} // namespace baton::telemetry
