#include "telemetry/Exports.h"

#include "contracts/ContractRegistry.h"
#include "store/Database.h"
#include "util/Sha256.h"
#include "util/Time.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

namespace baton::telemetry {

namespace {

using json = nlohmann::json;

constexpr const char *kRunEventSchema =
    "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
constexpr const char *kSchemaFacet =
    "https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json#/$defs/SchemaDatasetFacet";
constexpr const char *kJobTypeFacet =
    "https://openlineage.io/spec/facets/2-0-2/JobTypeJobFacet.json#/$defs/JobTypeJobFacet";
constexpr const char *kErrorFacet = "https://openlineage.io/spec/facets/1-0-1/"
                                    "ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet";
constexpr const char *kOutputStatsFacet =
    "https://openlineage.io/spec/facets/1-0-2/OutputStatisticsOutputDatasetFacet.json#/$defs/"
    "OutputStatisticsOutputDatasetFacet";

// Which table each contract's records land in.
const std::map<std::string, std::string> &tableOf()
{
    static const std::map<std::string, std::string> tables = {{"lead", "leads"},
                                                              {"account", "accounts"},
                                                              {"engagement_event", "events"},
                                                              {"enrichment_record", "enrichment"},
                                                              {"brief", "briefs"}};
    return tables;
}

// The schema facet of a dataset: the top-level properties of its contract's JSON Schema.
json schemaFacet(const contracts::ContractRegistry &registry, const std::string &contract,
                 int version, const std::string &producer)
{
    const auto *c = version > 0 ? registry.find(contract, version) : nullptr;
    if (!c)
        for (const auto *v : registry.versions())
            if (v->name == contract && (!c || v->version > c->version))
                c = v;
    json fields = json::array();
    if (c) {
        const auto schema = json::parse(c->schemaText, nullptr, false);
        const json properties = schema.value("properties", json::object());
        for (const auto &[name, property] : properties.items()) {
            std::string type = "object";
            if (property.contains("type")) {
                const auto &t = property["type"];
                if (t.is_string())
                    type = t.get<std::string>();
                else if (t.is_array())
                    for (const auto &each : t)
                        if (each.is_string() && each != "null") {
                            type = each.get<std::string>();
                            break;
                        }
            }
            json field = {{"name", name}, {"type", type}};
            if (property.contains("description") && property["description"].is_string())
                field["description"] = property["description"];
            fields.push_back(std::move(field));
        }
    }
    return {{"_producer", producer}, {"_schemaURL", kSchemaFacet}, {"fields", fields}};
}

json dataset(const ExportOptions &o, const contracts::ContractRegistry &registry,
             const std::string &contract, int version)
{
    return {{"namespace", o.datasetNamespace},
            {"name", tableOf().at(contract)},
            {"facets", {{"schema", schemaFacet(registry, contract, version, o.producer)}}}};
}

json jobType(const ExportOptions &o, const char *type)
{
    return {{"_producer", o.producer},
            {"_schemaURL", kJobTypeFacet},
            {"processingType", "BATCH"},
            {"integration", "BATON"},
            {"jobType", type}};
}

json runEvent(const ExportOptions &o, const char *eventType, const std::string &time,
              const std::string &runId, const std::string &job, const json &jobFacets,
              const json &inputs, const json &outputs, const json &runFacets)
{
    return {{"eventType", eventType},
            {"eventTime", util::withMillis(time)},
            {"producer", o.producer},
            {"schemaURL", kRunEventSchema},
            {"run", {{"runId", runId}, {"facets", runFacets}}},
            {"job", {{"namespace", o.jobNamespace}, {"name", job}, {"facets", jobFacets}}},
            {"inputs", inputs},
            {"outputs", outputs}};
}

const char *endType(const std::string &status)
{
    return status == "done" ? "COMPLETE" : status == "failed" ? "FAIL" : "ABORT";
}

std::string since(const ExportOptions &o)
{
    return o.since.size() == 10 ? o.since + "T00:00:00Z" : o.since;
}

} // namespace

std::string derivedUuid(const std::string &seed)
{
    auto d = util::sha256(seed);
    d[6] = static_cast<std::uint8_t>((d[6] & 0x0f) | 0x80); // version 8
    d[8] = static_cast<std::uint8_t>((d[8] & 0x3f) | 0x80); // RFC 9562 variant
    const std::string hex = util::toHex(d);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
           hex.substr(16, 4) + "-" + hex.substr(20, 12);
}

std::vector<std::string> openLineageEvents(store::Database &db,
                                           const contracts::ContractRegistry &registry,
                                           const ExportOptions &o)
{
    std::vector<std::pair<std::string, json>> events; // (time, event)
    {
        auto st = db.prepare("SELECT id, status, started_at, finished_at, leads_total, "
                             "briefs_written, failed FROM pipeline_runs WHERE started_at >= ? "
                             "ORDER BY started_at");
        st.bind(1, since(o));
        while (st.step()) {
            const std::string id = st.textAt(0), status = st.textAt(1);
            json inputs = json::array();
            for (const char *c : {"lead", "account", "engagement_event", "enrichment_record"})
                inputs.push_back(dataset(o, registry, c, 0));
            json outputs = json::array({dataset(o, registry, "brief", 1)});
            const json jobFacets = {{"jobType", jobType(o, "PIPELINE")}};
            events.emplace_back(st.textAt(2), runEvent(o, "START", st.textAt(2), id, "pipeline.run",
                                                       jobFacets, inputs, outputs, json::object()));
            if (status == "running" || st.isNull(3))
                continue;
            json runFacets = json::object();
            if (status == "failed")
                runFacets["errorMessage"] = {
                    {"_producer", o.producer},
                    {"_schemaURL", kErrorFacet},
                    {"message", std::to_string(st.int64At(6)) + " leads failed"},
                    {"programmingLanguage", "C++"}};
            outputs[0]["outputFacets"] = {{"outputStatistics",
                                           {{"_producer", o.producer},
                                            {"_schemaURL", kOutputStatsFacet},
                                            {"rowCount", st.int64At(5)}}}};
            events.emplace_back(st.textAt(3),
                                runEvent(o, endType(status), st.textAt(3), id, "pipeline.run",
                                         jobFacets, inputs, outputs, runFacets));
        }
    }
    {
        auto st = db.prepare("SELECT id, source_system, file_name, coalesce(file_path, ''), "
                             "file_sha256, status, started_at, finished_at, coalesce(error, ''), "
                             "records_quarantined FROM ingest_batches WHERE started_at >= ? "
                             "ORDER BY started_at");
        auto usage = db.prepare("SELECT contract, version, records FROM contract_usage WHERE "
                                "batch_id = ? ORDER BY contract");
        st.bind(1, since(o));
        while (st.step()) {
            const std::string runId =
                derivedUuid("baton-ingest:" + st.textAt(4) + ":" + st.textAt(6));
            const std::string path = st.textAt(3).empty() ? st.textAt(2) : st.textAt(3);
            const json inputs = json::array({{{"namespace", "file"}, {"name", path}}});
            json outputs = json::array();
            usage.bind(1, st.int64At(0));
            while (usage.step()) {
                const std::string contract = usage.textAt(0);
                if (!tableOf().count(contract))
                    continue;
                json d = dataset(o, registry, contract, usage.intAt(1));
                d["outputFacets"] = {{"outputStatistics",
                                      {{"_producer", o.producer},
                                       {"_schemaURL", kOutputStatsFacet},
                                       {"rowCount", usage.int64At(2)}}}};
                outputs.push_back(std::move(d));
            }
            usage.reset();
            const std::string job = "ingest." + st.textAt(1);
            const json jobFacets = {{"jobType", jobType(o, "INGEST")}};
            events.emplace_back(st.textAt(6),
                                runEvent(o, "START", st.textAt(6), runId, job, jobFacets, inputs,
                                         json::array(), json::object()));
            const std::string status = st.textAt(5);
            if (status == "running" || st.isNull(7))
                continue;
            json runFacets = json::object();
            if (status == "failed")
                runFacets["errorMessage"] = {{"_producer", o.producer},
                                             {"_schemaURL", kErrorFacet},
                                             {"message", st.textAt(8)},
                                             {"programmingLanguage", "C++"}};
            events.emplace_back(st.textAt(7), runEvent(o, endType(status), st.textAt(7), runId, job,
                                                       jobFacets, inputs, outputs, runFacets));
        }
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (const auto &[time, e] : events)
        out.push_back(e.dump());
    return out;
}

namespace {

std::string unixNanos(std::chrono::system_clock::time_point at)
{
    return std::to_string(
        std::chrono::duration_cast<std::chrono::nanoseconds>(at.time_since_epoch()).count());
}

json attribute(const std::string &key, const json &value)
{
    if (value.is_number_integer()) // int64 is a string in the protobuf JSON mapping
        return {{"key", key}, {"value", {{"intValue", std::to_string(value.get<std::int64_t>())}}}};
    if (value.is_number())
        return {{"key", key}, {"value", {{"doubleValue", value.get<double>()}}}};
    return {{"key", key}, {"value", {{"stringValue", value.get<std::string>()}}}};
}

} // namespace

std::vector<std::string> otlpTraces(store::Database &db, const ExportOptions &o)
{
    std::vector<std::string> out;
    auto runs = db.prepare("SELECT id, started_at, status, trigger FROM pipeline_runs WHERE "
                           "started_at >= ? ORDER BY started_at");
    auto steps = db.prepare(
        "SELECT s.lead_id, s.agent, s.version, s.decision, s.duration_ms, s.trace_id, s.span_id, "
        "coalesce(i.brief_id, 0) FROM agent_steps s LEFT JOIN run_items i ON i.run_id = "
        "s.run_id AND i.lead_id = s.lead_id WHERE s.run_id = ? ORDER BY s.lead_id, s.id");
    runs.bind(1, since(o));
    while (runs.step()) {
        const std::string runId = runs.textAt(0);
        const auto started = util::parseRfc3339(runs.textAt(1));
        if (!started)
            continue;
        json spans = json::array();
        std::int64_t lead = -1;
        auto cursor = *started;
        json parent;
        const auto closeParent = [&] {
            if (parent.is_null())
                return;
            parent["endTimeUnixNano"] = unixNanos(cursor);
            spans.push_back(std::move(parent));
            parent = json();
        };
        steps.bind(1, runId);
        while (steps.step()) {
            const std::string traceId = steps.textAt(5);
            if (steps.int64At(0) != lead) {
                closeParent();
                lead = steps.int64At(0);
                cursor = *started;
                // The lead's span: its id derived from the trace, so exports agree.
                parent = {
                    {"traceId", traceId},
                    {"spanId", util::sha256Hex(traceId + ":lead").substr(0, 16)},
                    {"name", "baton.evaluate_lead"},
                    {"kind", 1}, // SPAN_KIND_INTERNAL
                    {"startTimeUnixNano", unixNanos(cursor)},
                    {"attributes", json::array({attribute("baton.run_id", runId),
                                                attribute("baton.lead_id", lead),
                                                attribute("baton.brief_id", steps.int64At(7))})},
                    {"status", {{"code", 1}}}}; // STATUS_CODE_OK
            }
            const auto duration = std::chrono::duration_cast<std::chrono::system_clock::duration>(
                std::chrono::duration<double, std::milli>(steps.doubleAt(4)));
            spans.push_back(
                {{"traceId", traceId},
                 {"spanId", steps.textAt(6)},
                 {"parentSpanId", parent["spanId"]},
                 {"name", "baton.agent." + steps.textAt(1)},
                 {"kind", 1},
                 {"startTimeUnixNano", unixNanos(cursor)},
                 {"endTimeUnixNano", unixNanos(cursor + duration)},
                 {"attributes", json::array({attribute("baton.agent", steps.textAt(1)),
                                             attribute("baton.agent.version", steps.textAt(2)),
                                             attribute("baton.decision", steps.textAt(3)),
                                             attribute("baton.lead_id", lead),
                                             attribute("baton.brief_id", steps.int64At(7)),
                                             attribute("baton.run_id", runId)})},
                 {"status", {{"code", 1}}}});
            cursor += duration;
        }
        steps.reset();
        closeParent();
        const json request = {
            {"resourceSpans",
             json::array(
                 {{{"resource",
                    {{"attributes", json::array({attribute("service.name", "baton"),
                                                 attribute("service.namespace", o.jobNamespace),
                                                 attribute("baton.run.trigger", runs.textAt(3)),
                                                 attribute("baton.run.status", runs.textAt(2))})}}},
                   {"scopeSpans",
                    json::array({{{"scope", {{"name", "baton.pipeline"}, {"version", "1"}}},
                                  {"spans", spans}}})}}})}};
        out.push_back(request.dump());
    }
    return out;
}

} // namespace baton::telemetry
