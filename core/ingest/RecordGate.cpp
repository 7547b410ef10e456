#include "ingest/RecordGate.h"

#include "contracts/ContractRegistry.h"
#include "ingest/RecordSource.h"
#include "util/Time.h"
#include "util/Utf8.h"

#include <nlohmann/json.hpp>

namespace baton::ingest {

RecordGate::RecordGate(const contracts::ContractRegistry &registry, const RecordSource &source,
                       std::string fileName, std::chrono::system_clock::time_point now)
    : m_registry(registry), m_source(source), m_fileName(std::move(fileName)), m_now(now)
{
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

    const contracts::ContractVersion *contract =
        item.version == 0 ? m_registry.current(item.contract, m_now)
                          : m_registry.find(item.contract, item.version);
    if (!contract) {
        std::string known;
        for (const std::string &name : m_registry.names())
            known += (known.empty() ? "" : ", ") + name;
        const std::string what = item.version == 0
                                     ? "unknown contract \"" + item.contract + "\""
                                     : "unknown contract version " + item.contract + "@" +
                                           std::to_string(item.version);
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
    out.row = makeRecordRow(*table, contract->key(), contract->version, std::move(item.record));
}

} // namespace baton::ingest
