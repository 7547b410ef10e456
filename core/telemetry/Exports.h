#pragma once

#include <string>
#include <vector>

namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::telemetry {

struct ExportOptions
{
    std::string since; // RFC 3339 or a day: runs and batches started from then
    std::string jobNamespace = "baton";
    std::string datasetNamespace = "baton"; // where Baton's tables live, for lineage tools
    std::string producer = "https://github.com/baton-console/baton/tree/v0.1.0";
};

// OpenLineage RunEvents (spec 2-0-2), one JSON object per string, in time order: a START and
// a COMPLETE, FAIL or ABORT per pipeline run (job "pipeline.run": the lead, account, event
// and enrichment tables in, briefs out) and per ingest batch (job "ingest.<source>": the
// file in, the tables it wrote out, with row counts). Datasets carry a schema facet built
// from the contract version that governs them. A run still going has only its START.
std::vector<std::string> openLineageEvents(store::Database &db,
                                           const contracts::ContractRegistry &registry,
                                           const ExportOptions &options);

// Each pipeline run as an OTLP/JSON ExportTraceServiceRequest (the protobuf JSON mapping:
// resourceSpans / scopeSpans / spans, hex trace and span ids, times as decimal strings of
// Unix nanoseconds): per lead briefed, a span for its evaluation with one child per agent
// step, carrying the lead, the brief, the agent and its version. Steps store their measured
// durations, not their start times: children are laid end to end from the run's start.
std::vector<std::string> otlpTraces(store::Database &db, const ExportOptions &options);

// A UUID (version 8, RFC 9562) derived from `seed`: a stable run id for something that has
// none (an ingest batch), the same on every export.
std::string derivedUuid(const std::string &seed);

} // namespace baton::telemetry
