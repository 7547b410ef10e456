#include "ingest/EventCopy.h"

#include "ingest/ImportStore.h"
#include "ingest/RecordRow.h"
#include "store/Database.h"

#include <charconv>

namespace baton::ingest {

namespace {

constexpr std::string_view kStaging = R"sql(
CREATE TEMP TABLE IF NOT EXISTS events_in (
    n BIGINT, source_system TEXT, source_id TEXT, lead_system TEXT, lead_ref TEXT, type TEXT,
    occurred_at TEXT, activity_type_id BIGINT, campaign_id TEXT, asset TEXT, attributes TEXT,
    content_hash BYTEA, contract_version BIGINT);
TRUNCATE events_in;
)sql";

constexpr std::string_view kUpsert = R"sql(
INSERT INTO events (source_system, source_id, lead_system, lead_ref, type, occurred_at,
    activity_type_id, campaign_id, asset, attributes, batch_id, content_hash, contract_version)
SELECT source_system, source_id, lead_system, lead_ref, type, occurred_at, activity_type_id,
    campaign_id, asset, attributes, ?1, content_hash, contract_version FROM events_in ORDER BY n
ON CONFLICT (source_system, source_id) DO UPDATE SET
    lead_system = excluded.lead_system, lead_ref = excluded.lead_ref, type = excluded.type,
    occurred_at = excluded.occurred_at, activity_type_id = excluded.activity_type_id,
    campaign_id = excluded.campaign_id, asset = excluded.asset,
    attributes = excluded.attributes, batch_id = excluded.batch_id,
    previous_hash = events.content_hash, content_hash = excluded.content_hash,
    contract_version = excluded.contract_version, updated_at = ?2
WHERE events.content_hash IS DISTINCT FROM excluded.content_hash
RETURNING xmax = 0
)sql";

// COPY's text format: a backslash, tab, newline or carriage return in a value is escaped.
// Most values hold none: runs between them are appended whole.
void appendText(std::string &out, std::string_view text)
{
    std::size_t from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c != '\\' && c != '\t' && c != '\n' && c != '\r')
            continue;
        out.append(text.substr(from, i - from));
        out += '\\';
        out += c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r';
        from = i + 1;
    }
    out.append(text.substr(from));
}

void appendValue(std::string &out, const SqlValue &value)
{
    if (std::holds_alternative<std::monostate>(value)) {
        out += "\\N";
    } else if (const auto *i = std::get_if<std::int64_t>(&value)) {
        out += std::to_string(*i);
    } else if (const auto *d = std::get_if<double>(&value)) {
        char buffer[32];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, *d).ptr);
    } else {
        appendText(out, std::get<std::string>(value));
    }
}

void appendBytes(std::string &out, std::span<const std::uint8_t> bytes)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\\\x"; // bytea's hex form, its backslash escaped for COPY
    for (const std::uint8_t b : bytes) {
        out += kHex[b >> 4];
        out += kHex[b & 0xf];
    }
}

} // namespace

void copyEvents(store::Database &db, std::span<const RecordRow *const> rows, std::int64_t batchId,
                const std::string &now, BatchCounts &counts)
{
    if (rows.empty())
        return;
    db.exec(kStaging);
    std::string data;
    data.reserve(rows.size() * 400);
    std::int64_t n = 0;
    for (const RecordRow *row : rows) {
        data += std::to_string(n++);
        for (const SqlValue &value : row->columns) {
            data += '\t';
            appendValue(data, value);
        }
        data += '\t';
        appendBytes(data, row->contentHash);
        data += '\t';
        data += std::to_string(row->contractVersion);
        data += '\n';
    }
    db.copyIn("COPY events_in FROM STDIN", data);
    auto &upsert = db.cached(kUpsert);
    upsert.bind(1, batchId);
    upsert.bind(2, now);
    std::int64_t inserted = 0, updated = 0;
    while (upsert.step())
        (upsert.int64At(0) ? inserted : updated) += 1;
    upsert.reset();
    counts.inserted += inserted;
    counts.updated += updated;
    counts.unchanged += static_cast<std::int64_t>(rows.size()) - inserted - updated;
}

} // namespace baton::ingest
