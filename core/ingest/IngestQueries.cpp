#include "ingest/IngestQueries.h"

#include "store/Database.h"

namespace baton::ingest {

namespace {

constexpr std::string_view kBatchColumns =
    "id, source_system, format, file_name, coalesce(file_path, ''), file_sha256, file_size, "
    "status, started_at, finished_at, duration_ms, records_read, records_accepted, "
    "records_inserted, records_updated, records_unchanged, records_quarantined, "
    "records_deprecated, error";

BatchSummary readBatch(const store::Statement &st)
{
    BatchSummary b;
    b.id = st.int64At(0);
    b.sourceSystem = st.textAt(1);
    b.format = st.textAt(2);
    b.fileName = st.textAt(3);
    b.filePath = st.textAt(4);
    b.sha256 = st.textAt(5);
    b.fileSize = st.int64At(6);
    b.status = st.textAt(7);
    b.startedAt = st.textAt(8);
    b.finishedAt = st.optionalTextAt(9);
    b.durationMs = st.optionalInt64At(10);
    b.read = st.int64At(11);
    b.accepted = st.int64At(12);
    b.inserted = st.int64At(13);
    b.updated = st.int64At(14);
    b.unchanged = st.int64At(15);
    b.quarantined = st.int64At(16);
    b.deprecated = st.int64At(17);
    b.error = st.optionalTextAt(18);
    return b;
}

// LIKE pattern for a user's filter text, with LIKE's own wildcards escaped.
std::string likePattern(const std::string &text)
{
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

// Case-insensitive on both engines (SQLite's LIKE folds ASCII, PostgreSQL's folds nothing).
constexpr std::string_view kBatchWhere =
    " WHERE (?1 = '' OR lower(file_name) LIKE lower(?2) ESCAPE '\\' OR lower(source_system) "
    "LIKE lower(?2) ESCAPE '\\' OR lower(status) LIKE lower(?2) ESCAPE '\\' OR lower(format) "
    "LIKE lower(?2) ESCAPE '\\')";

// CAST: PostgreSQL cannot type a parameter whose first use is "IS NULL".
constexpr std::string_view kQuarantineWhere =
    " WHERE (CAST(?1 AS BIGINT) IS NULL OR batch_id = ?1) AND (?2 = '' OR lower(file_name) LIKE "
    "lower(?3) ESCAPE '\\' OR lower(field) LIKE lower(?3) ESCAPE '\\' OR lower(message) LIKE "
    "lower(?3) ESCAPE '\\' OR lower(contract) LIKE lower(?3) ESCAPE '\\')";

} // namespace

IngestQueries::IngestQueries(store::Database &db) : m_db(db)
{
}

std::int64_t IngestQueries::batchCount(const std::string &text)
{
    auto &st = m_db.cached("SELECT count(*) FROM ingest_batches" + std::string(kBatchWhere));
    st.bindAll(text, likePattern(text));
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

std::vector<BatchSummary> IngestQueries::batches(std::int64_t offset, std::int64_t limit,
                                                 const std::string &text)
{
    auto &st = m_db.cached("SELECT " + std::string(kBatchColumns) + " FROM ingest_batches" +
                           std::string(kBatchWhere) + " ORDER BY id DESC LIMIT ?3 OFFSET ?4");
    st.bindAll(text, likePattern(text), limit, offset);
    std::vector<BatchSummary> out;
    while (st.step())
        out.push_back(readBatch(st));
    st.reset();
    return out;
}

std::optional<BatchSummary> IngestQueries::batch(std::int64_t id)
{
    auto &st =
        m_db.cached("SELECT " + std::string(kBatchColumns) + " FROM ingest_batches WHERE id = ?");
    st.bind(1, id);
    std::optional<BatchSummary> out;
    if (st.step())
        out = readBatch(st);
    st.reset();
    return out;
}

std::int64_t IngestQueries::quarantineCount(const QuarantineFilter &f)
{
    auto &st = m_db.cached("SELECT count(*) FROM quarantine" + std::string(kQuarantineWhere));
    st.bindAll(f.batchId, f.text, likePattern(f.text));
    st.step();
    const auto n = st.int64At(0);
    st.reset();
    return n;
}

std::vector<QuarantineRow> IngestQueries::quarantine(const QuarantineFilter &f, std::int64_t offset,
                                                     std::int64_t limit)
{
    auto &st = m_db.cached(
        "SELECT id, batch_id, file_name, line, contract, coalesce(field, ''), message, errors, "
        "coalesce(raw, ''), created_at FROM quarantine" +
        std::string(kQuarantineWhere) + " ORDER BY batch_id DESC, id LIMIT ?4 OFFSET ?5");
    st.bindAll(f.batchId, f.text, likePattern(f.text), limit, offset);
    std::vector<QuarantineRow> out;
    while (st.step()) {
        QuarantineRow q;
        q.id = st.int64At(0);
        q.batchId = st.int64At(1);
        q.fileName = st.textAt(2);
        q.line = st.optionalInt64At(3);
        q.contract = st.optionalTextAt(4);
        q.field = st.textAt(5);
        q.message = st.textAt(6);
        q.errorsJson = st.textAt(7);
        q.raw = st.textAt(8);
        q.createdAt = st.textAt(9);
        out.push_back(std::move(q));
    }
    st.reset();
    return out;
}

std::vector<TableCount> IngestQueries::tableCounts()
{
    std::vector<TableCount> out;
    for (const char *table :
         {"accounts", "leads", "lead_identities", "events", "enrichment", "ingest_batches",
          "quarantine", "contracts", "sync_cursors", "users", "pipeline_runs", "briefs"}) {
        auto &st = m_db.cached(std::string("SELECT count(*) FROM ") + table);
        st.step();
        out.push_back({table, st.int64At(0)});
        st.reset();
    }
    return out;
}

std::vector<ContractSeen> IngestQueries::contractsSeen()
{
    auto &st = m_db.cached("SELECT contract, version, sum(records), count(DISTINCT batch_id) "
                           "FROM contract_usage GROUP BY contract, version "
                           "ORDER BY contract, version");
    std::vector<ContractSeen> out;
    while (st.step())
        out.push_back({st.textAt(0), st.intAt(1), st.int64At(2), st.int64At(3)});
    st.reset();
    return out;
}

std::vector<QuarantineSummary> IngestQueries::quarantineByField(int limit)
{
    auto &st = m_db.cached("SELECT coalesce(nullif(field, ''), '(whole record)'), min(message), "
                           "count(*) FROM quarantine GROUP BY 1 ORDER BY 3 DESC, 1 LIMIT ?");
    st.bind(1, limit);
    std::vector<QuarantineSummary> out;
    while (st.step())
        out.push_back({st.textAt(0), st.textAt(1), st.int64At(2)});
    st.reset();
    return out;
}

} // namespace baton::ingest
