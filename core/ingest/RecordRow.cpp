#include "ingest/RecordRow.h"

#include "util/Time.h"

#include <nlohmann/json.hpp>

namespace baton::ingest {

std::optional<RecordTable> tableForContract(std::string_view contract)
{
    if (contract == "lead")
        return RecordTable::Lead;
    if (contract == "account")
        return RecordTable::Account;
    if (contract == "engagement_event")
        return RecordTable::Event;
    if (contract == "enrichment_record")
        return RecordTable::Enrichment;
    return std::nullopt;
}

namespace {

// Moves the string out: the record is consumed by makeRecordRow.
SqlValue text(nlohmann::json &r, const char *key)
{
    const auto it = r.find(key);
    if (it == r.end() || !it->is_string())
        return {};
    return std::move(it->get_ref<std::string &>());
}

SqlValue integer(const nlohmann::json &r, const char *key)
{
    const auto it = r.find(key);
    if (it == r.end() || !it->is_number_integer())
        return {};
    return it->get<std::int64_t>();
}

// Stored times are normalised to UTC "Z" form so that text order is time order.
SqlValue utc(nlohmann::json &r, const char *key)
{
    const auto it = r.find(key);
    if (it == r.end() || !it->is_string())
        return {};
    std::string &text = it->get_ref<std::string &>();
    // Importers already write UTC "Z" times; only reformat what is not in that form.
    if (text.size() == 20 && text.back() == 'Z' && text[10] == 'T')
        return std::move(text);
    if (auto t = util::parseRfc3339(text))
        return util::formatUtc(*t);
    return std::move(text);
}

// Type-tagged, length-prefixed: no two different column lists share an encoding.
std::string canonicalColumns(const std::vector<SqlValue> &columns)
{
    std::string out;
    out.reserve(256);
    for (const SqlValue &v : columns) {
        if (const auto *s = std::get_if<std::string>(&v)) {
            out += 's';
            out += std::to_string(s->size());
            out += ':';
            out += *s;
        } else if (const auto *i = std::get_if<std::int64_t>(&v)) {
            out += 'i';
            out += std::to_string(*i);
            out += ';';
        } else if (const auto *d = std::get_if<double>(&v)) {
            out += 'd';
            out += std::to_string(*d);
            out += ';';
        } else {
            out += 'n';
        }
    }
    return out;
}

} // namespace

std::optional<Touch> touchOf(const RecordRow &row)
{
    const auto str = [&](std::size_t i) -> const std::string * {
        return i < row.columns.size() ? std::get_if<std::string>(&row.columns[i]) : nullptr;
    };
    switch (row.table) {
    case RecordTable::Lead:
        if (str(0) && str(1))
            return Touch{"lead", *str(0), *str(1)};
        break;
    case RecordTable::Event:
        if (str(2) && str(3))
            return Touch{"lead", *str(2), *str(3)};
        break;
    case RecordTable::Account:
        if (str(3))
            return Touch{"domain", *str(3), ""};
        break;
    case RecordTable::Enrichment:
        if (str(2) && str(3))
            return Touch{*str(2) == "account" ? "domain" : "email", *str(3), ""};
        break;
    }
    return std::nullopt;
}

RecordRow makeRecordRow(RecordTable table, std::string contractKey, int contractVersion,
                        nlohmann::json &&r)
{
    RecordRow row;
    row.table = table;
    row.contractKey = std::move(contractKey);
    row.contractVersion = contractVersion;
    // Events are the bulk of every import and keep no copy of the record: their hash covers
    // the canonical form of each field instead of one dump of the whole record.
    std::string canonical = table == RecordTable::Event ? std::string() : r.dump();
    if (table != RecordTable::Event)
        row.contentHash = util::sha256(canonical);
    auto &c = row.columns;
    c.push_back(text(r, "source_system"));
    c.push_back(text(r, "source_id"));
    switch (table) {
    case RecordTable::Lead: {
        for (const char *key :
             {"email", "first_name", "last_name", "job_title", "company", "company_domain",
              "country", "lifecycle_stage", "lead_status", "owner"})
            c.push_back(text(r, key));
        c.push_back(utc(r, "created_at"));
        c.push_back(utc(r, "converted_at"));
        for (const char *flag : {"opted_out", "do_not_call", "do_not_contact"}) {
            const auto it = r.find(flag);
            c.push_back(std::int64_t(it != r.end() && *it == true ? 1 : 0));
        }
        if (const auto it = r.find("email_opt_outs");
            it != r.end() && it->is_array() && !it->empty())
            c.push_back(it->dump());
        else
            c.push_back(std::monostate());
        c.push_back(utc(r, "consent_updated_at"));
        c.push_back(std::move(canonical));
        if (const auto ids = r.find("identities"); ids != r.end() && ids->is_array())
            for (const auto &id : *ids)
                row.identities.emplace_back(id.at("source_system").get<std::string>(),
                                            id.at("source_id").get<std::string>());
        break;
    }
    case RecordTable::Account:
        c.push_back(text(r, "name"));
        c.push_back(text(r, "domain"));
        c.push_back(text(r, "industry"));
        c.push_back(integer(r, "employees"));
        c.push_back(text(r, "country"));
        c.push_back(std::move(canonical));
        break;
    case RecordTable::Event: {
        auto &lead = r.at("lead");
        c.push_back(text(lead, "source_system"));
        c.push_back(text(lead, "source_id"));
        c.push_back(text(r, "type"));
        c.push_back(utc(r, "occurred_at"));
        c.push_back(integer(r, "activity_type_id"));
        c.push_back(text(r, "campaign_id"));
        c.push_back(text(r, "asset"));
        const auto attrs = r.find("attributes");
        c.push_back(attrs == r.end() || attrs->empty() ? SqlValue{} : SqlValue{attrs->dump()});
        row.contentHash = util::sha256(canonicalColumns(c));
        break;
    }
    case RecordTable::Enrichment: {
        auto &subject = r.at("subject");
        c.push_back(text(subject, "kind"));
        c.push_back(text(subject, "key"));
        c.push_back(utc(r, "observed_at"));
        c.push_back(std::move(canonical));
        break;
    }
    }
    return row;
}

} // namespace baton::ingest
