#include "ingest/RecordGate.h"

#include "contracts/ContractRegistry.h"
#include "ingest/RecordSource.h"
#include "util/Time.h"
#include "util/Utf8.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace baton::ingest {

RecordGate::RecordGate(const contracts::ContractRegistry &registry, const RecordSource &source,
                       std::string fileName, std::chrono::system_clock::time_point now)
    : m_registry(registry), m_source(source), m_fileName(std::move(fileName)), m_now(now)
{
    for (const auto *c : registry.versions()) {
        const auto schema = nlohmann::json::parse(c->schemaText, nullptr, false);
        if (!schema.is_object())
            continue;
        Known known;
        const auto properties = schema.value("properties", nlohmann::json::object());
        for (const auto &[name, property] : properties.items()) {
            known.fields.push_back(name);
            if (name == "properties" && property.is_object() && property.contains("properties")) {
                known.propertiesDeclared = true;
                for (const auto &[inner, ignored] : property["properties"].items())
                    known.properties.push_back(inner);
            }
        }
        std::sort(known.fields.begin(), known.fields.end());
        std::sort(known.properties.begin(), known.properties.end());
        m_known.emplace(c->key(), std::move(known));
    }
}

void RecordGate::findUnknown(const std::string &contractKey, const nlohmann::json &record,
                             std::vector<std::string> &out) const
{
    out.clear();
    const auto it = m_known.find(contractKey);
    if (it == m_known.end() || !record.is_object())
        return;
    // Object keys come sorted (std::map): one walk against the sorted declared names.
    const auto walk = [&](const nlohmann::json &object, const std::vector<std::string> &known,
                          const char *prefix) {
        auto k = known.begin();
        for (auto field = object.begin(); field != object.end(); ++field) {
            while (k != known.end() && *k < field.key())
                ++k;
            if (k == known.end() || *k != field.key())
                out.push_back(prefix + field.key());
        }
    };
    walk(record, it->second.fields, "");
    const auto bag = record.find("properties");
    if (it->second.propertiesDeclared && bag != record.end() && bag->is_object())
        walk(*bag, it->second.properties, "properties/");
    else if (!it->second.propertiesDeclared && bag != record.end() && bag->is_object())
        for (auto field = bag->begin(); field != bag->end(); ++field)
            out.push_back("properties/" + field.key());
}

void RecordGate::reject(const ParsedItem &item, const std::string &contract,
                        const std::vector<contracts::ValidationError> &errors,
                        GateResult &out) const
{
    out.accepted = false;
    QuarantineEntry &q = out.quarantine;
    q = QuarantineEntry{};
    q.fileName = m_fileName;
    q.line = static_cast<std::int64_t>(item.line);
    q.recordIndex = static_cast<std::int64_t>(item.index);
    if (!contract.empty())
        q.contract = contract;
    nlohmann::json list = nlohmann::json::array();
    for (const auto &e : errors) {
        const std::string field = m_source.labelFor(e.pointer);
        if (q.field.empty())
            q.field = field;
        q.message += (q.message.empty() ? "" : "; ") +
                     (field.empty() ? e.message : field + ": " + e.message);
        list.push_back({{"pointer", e.pointer}, {"field", field}, {"message", e.message}});
    }
    q.errorsJson = list.dump();
    const std::string_view raw = item.raw.substr(0, kMaxRawBytes);
    q.raw = util::escapeInvalidUtf8(raw);
    if (item.raw.size() > kMaxRawBytes)
        q.raw += " [truncated: " + std::to_string(item.raw.size()) + " bytes in all]";
}

void RecordGate::check(ParsedItem &item, GateResult &out) const
{
    out.deprecated = false;
    if (!item.errors.empty())
        return reject(item, item.contract, item.errors, out);

    const contracts::ContractVersion *contract = item.version == 0
                                                     ? m_registry.current(item.contract, m_now)
                                                     : m_registry.find(item.contract, item.version);
    if (!contract) {
        std::string known;
        for (const std::string &name : m_registry.names())
            known += (known.empty() ? "" : ", ") + name;
        const std::string what = item.version == 0 ? "unknown contract \"" + item.contract + "\""
                                                   : "unknown contract version " + item.contract +
                                                         "@" + std::to_string(item.version);
        return reject(item, item.contract, {{"contract", what + " (known: " + known + ")"}}, out);
    }
    const auto status = contract->statusAt(m_now);
    if (status == contracts::ContractStatus::Sunset) {
        return reject(item, contract->key(),
                      {{"version", "contract " + contract->key() + " was sunset on " +
                                       util::formatUtc(*contract->sunsetAt) +
                                       ": re-export with a current version"}},
                      out);
    }
    const auto table = tableForContract(contract->name);
    if (!table)
        return reject(item, contract->key(),
                      {{"contract", "contract " + contract->name + " is not importable"}}, out);

    std::vector<contracts::ValidationError> errors;
    if (!m_registry.validate(contract->name, contract->version, item.record, errors))
        return reject(item, contract->key(), errors, out);

    out.accepted = true;
    out.deprecated = status == contracts::ContractStatus::Deprecated;
    findUnknown(contract->key(), item.record, out.unknownFields);
    out.row = makeRecordRow(*table, contract->key(), contract->version, std::move(item.record));
}

} // namespace baton::ingest
