#include "ingest/ImportStore.h"

#include "ingest/EventCopy.h"
#include "store/BufferedInsert.h"
#include "store/Database.h"

#include <cerrno>
#include <csignal>
#include <limits>
#include <stdexcept>
#include <string_view>
#include <unistd.h>
#include <unordered_set>
#include <utility>

namespace baton::ingest {

namespace {

// Upserts keyed by (source_system, source_id). The WHERE makes an identical record a
// no-op (no change). No RETURNING: SQLite materialises RETURNING rows in a temporary table,
// which costs more than the insert on the hot path; see upsert() for how outcomes are told.
constexpr std::string_view kUpsertLead = R"sql(
INSERT INTO leads (source_system, source_id, email, first_name, last_name, title, company,
    company_domain, country, lifecycle_stage, lead_status, owner, created_at, converted_at,
    opted_out, do_not_call, do_not_contact, email_opt_outs, consent_at, record, batch_id,
    content_hash, contract_version, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
    ?21, ?22, ?23, ?24)
ON CONFLICT (source_system, source_id) DO UPDATE SET
    email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
    title = excluded.title, company = excluded.company, company_domain = excluded.company_domain,
    country = excluded.country, lifecycle_stage = excluded.lifecycle_stage,
    lead_status = excluded.lead_status, owner = excluded.owner, created_at = excluded.created_at,
    converted_at = excluded.converted_at, opted_out = excluded.opted_out,
    do_not_call = excluded.do_not_call, do_not_contact = excluded.do_not_contact,
    email_opt_outs = excluded.email_opt_outs, consent_at = excluded.consent_at,
    record = excluded.record, batch_id = excluded.batch_id,
    previous_hash = leads.content_hash, content_hash = excluded.content_hash,
    contract_version = excluded.contract_version, updated_at = excluded.imported_at
WHERE leads.content_hash IS DISTINCT FROM excluded.content_hash
)sql";

constexpr std::string_view kUpsertAccount = R"sql(
INSERT INTO accounts (source_system, source_id, name, domain, industry, employees, country,
    record, batch_id, content_hash, contract_version, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (source_system, source_id) DO UPDATE SET
    name = excluded.name, domain = excluded.domain, industry = excluded.industry,
    employees = excluded.employees, country = excluded.country, record = excluded.record,
    batch_id = excluded.batch_id, previous_hash = accounts.content_hash,
    content_hash = excluded.content_hash, contract_version = excluded.contract_version,
    updated_at = excluded.imported_at
WHERE accounts.content_hash IS DISTINCT FROM excluded.content_hash
)sql";

constexpr std::string_view kUpsertEvent = R"sql(
INSERT INTO events (source_system, source_id, lead_system, lead_ref, type, occurred_at,
    activity_type_id, campaign_id, asset, attributes, batch_id, content_hash, contract_version)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT (source_system, source_id) DO UPDATE SET
    lead_system = excluded.lead_system, lead_ref = excluded.lead_ref, type = excluded.type,
    occurred_at = excluded.occurred_at, activity_type_id = excluded.activity_type_id,
    campaign_id = excluded.campaign_id, asset = excluded.asset,
    attributes = excluded.attributes, batch_id = excluded.batch_id,
    previous_hash = events.content_hash, content_hash = excluded.content_hash,
    contract_version = excluded.contract_version, updated_at = ?14
WHERE events.content_hash IS DISTINCT FROM excluded.content_hash
)sql";

constexpr std::string_view kUpsertEnrichment = R"sql(
INSERT INTO enrichment (source_system, source_id, subject_kind, subject_key, observed_at,
    record, batch_id, content_hash, contract_version, imported_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
ON CONFLICT (source_system, source_id) DO UPDATE SET
    subject_kind = excluded.subject_kind, subject_key = excluded.subject_key,
    observed_at = excluded.observed_at, record = excluded.record,
    batch_id = excluded.batch_id, previous_hash = enrichment.content_hash,
    content_hash = excluded.content_hash, contract_version = excluded.contract_version,
    updated_at = excluded.imported_at
WHERE enrichment.content_hash IS DISTINCT FROM excluded.content_hash
)sql";

std::string_view upsertSql(RecordTable table)
{
    switch (table) {
    case RecordTable::Lead:
        return kUpsertLead;
    case RecordTable::Account:
        return kUpsertAccount;
    case RecordTable::Event:
        return kUpsertEvent;
    case RecordTable::Enrichment:
        return kUpsertEnrichment;
    }
    throw std::logic_error("unknown record table");
}

constexpr int kEventColumns = 13; // ten record columns, batch, hash, contract version

std::string multiRowEventUpsert(std::size_t rows)
{
    std::string sql = "INSERT INTO events (source_system, source_id, lead_system, lead_ref, type, "
                      "occurred_at, activity_type_id, campaign_id, asset, attributes, batch_id, "
                      "content_hash, contract_version) VALUES ";
    for (std::size_t r = 0; r < rows; ++r)
        sql += r ? ",(?,?,?,?,?,?,?,?,?,?,?,?,?)" : "(?,?,?,?,?,?,?,?,?,?,?,?,?)";
    const std::string now = "?" + std::to_string(rows * kEventColumns + 1);
    sql +=
        " ON CONFLICT (source_system, source_id) DO UPDATE SET "
        "lead_system = excluded.lead_system, lead_ref = excluded.lead_ref, type = excluded.type, "
        "occurred_at = excluded.occurred_at, activity_type_id = excluded.activity_type_id, "
        "campaign_id = excluded.campaign_id, asset = excluded.asset, "
        "attributes = excluded.attributes, batch_id = excluded.batch_id, "
        "previous_hash = events.content_hash, content_hash = excluded.content_hash, "
        "contract_version = excluded.contract_version, updated_at = " +
        now + " WHERE events.content_hash IS DISTINCT FROM excluded.content_hash";
    return sql;
}

void bindColumns(store::Statement &st, int &index, const RecordRow &row)
{
    for (const SqlValue &value : row.columns) {
        ++index;
        std::visit(
            [&](const auto &v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::monostate>)
                    st.bind(index, nullptr);
                else if constexpr (std::is_same_v<T, std::string>)
                    st.bindStatic(index, v); // rows outlive the step that follows
                else
                    st.bind(index, v);
            },
            value);
    }
}

} // namespace

ImportStore::ImportStore(store::Database &db) : m_db(db)
{
}

std::int64_t ImportStore::beginBatch(const BatchStart &s)
{
    auto &st = m_db.cached("INSERT INTO ingest_batches (source_system, format, file_name, "
                           "file_path, file_sha256, file_size, status, started_at, owner_pid) "
                           "VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?) RETURNING id");
    st.bindAll(s.sourceSystem, s.format, s.fileName, s.filePath, s.sha256, s.fileSize, s.startedAt,
               static_cast<std::int64_t>(::getpid()));
    st.step();
    const std::int64_t id = st.int64At(0);
    st.reset();
    return id;
}

ImportStore::Written ImportStore::writeRow(const RecordRow &row, std::int64_t batchId,
                                           const std::string &now)
{
    const bool postgres = m_db.engine() == store::Engine::Postgres;
    // On PostgreSQL a row's xmax is 0 when this statement inserted it: RETURNING says which.
    auto &st = postgres ? m_db.cached(std::string(upsertSql(row.table)) + " RETURNING id, xmax = 0")
                        : m_db.cached(upsertSql(row.table));
    int index = 0;
    bindColumns(st, index, row);
    st.bind(++index, batchId);
    st.bindBlob(++index, row.contentHash);
    st.bind(++index, row.contractVersion);
    st.bindStatic(++index, now);
    Written out;
    if (postgres) {
        if (st.step()) {
            out.changed = true;
            out.insertedId = st.int64At(1) ? st.int64At(0) : 0;
        }
        st.reset();
        return out;
    }
    // An upsert that updates leaves last_insert_rowid alone and one that inserts sets it to
    // the new row's id (always >= 1): zero it first and the two are told apart for free.
    m_db.setLastInsertRowId(0);
    st.step();
    out.changed = m_db.changes() != 0;
    out.insertedId = m_db.lastInsertRowId();
    st.reset();
    return out;
}

UpsertOutcome ImportStore::upsert(const RecordRow &row, std::int64_t batchId,
                                  const std::string &now)
{
    const Written written = writeRow(row, batchId, now);
    if (!written.changed)
        return UpsertOutcome::Unchanged;
    const bool updated = written.insertedId == 0;
    if (row.table == RecordTable::Lead) {
        std::int64_t id = written.insertedId;
        if (updated) {
            auto &find =
                m_db.cached("SELECT id FROM leads WHERE source_system = ? AND source_id = ?");
            find.bindStatic(1, std::get<std::string>(row.columns[0]));
            find.bindStatic(2, std::get<std::string>(row.columns[1]));
            find.step();
            id = find.int64At(0);
            find.reset();
        }
        auto &identity = m_db.cached(
            "INSERT INTO lead_identities (source_system, source_id, lead_id) VALUES (?, ?, ?) "
            "ON CONFLICT (source_system, source_id) DO UPDATE SET lead_id = excluded.lead_id");
        identity.bindAll(std::get<std::string>(row.columns[0]),
                         std::get<std::string>(row.columns[1]), id);
        identity.run();
        for (const auto &[system, sourceId] : row.identities) {
            identity.bindAll(system, sourceId, id);
            identity.run();
        }
    }
    return updated ? UpsertOutcome::Updated : UpsertOutcome::Inserted;
}

std::size_t ImportStore::eventsPerUpsert() const
{
    return m_db.engine() == store::Engine::Postgres ? std::numeric_limits<std::size_t>::max()
                                                    : kEventsPerStatement;
}

std::size_t ImportStore::eventsHeldAcrossChunks() const
{
    return m_db.engine() == store::Engine::Postgres ? 4096 : 0;
}

void ImportStore::upsertEvents(const std::vector<const RecordRow *> &rows, std::int64_t batchId,
                               const std::string &now, BatchCounts &counts)
{
    // A file may hold one record twice (a re-sent activity). SQLite's upsert takes a
    // statement's rows one after the other, but PostgreSQL's refuses to touch a row twice in
    // one statement: a statement ends before a record repeats, so both write the same.
    struct KeyHash
    {
        std::size_t operator()(const std::pair<std::string_view, std::string_view> &k) const
        {
            const std::hash<std::string_view> h;
            return h(k.first) * 31 + h(k.second);
        }
    };
    std::unordered_set<std::pair<std::string_view, std::string_view>, KeyHash> seen;
    seen.reserve(rows.size());
    std::size_t start = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto &columns = rows[i]->columns;
        const auto *system = std::get_if<std::string>(&columns.at(0));
        const auto *id = std::get_if<std::string>(&columns.at(1));
        if (!system || !id)
            continue; // refused by the NOT NULL columns, as one statement or another
        const std::pair<std::string_view, std::string_view> key{*system, *id};
        if (!seen.insert(key).second) {
            upsertDistinctEvents(std::span(rows).subspan(start, i - start), batchId, now, counts);
            start = i;
            seen = {key};
        }
    }
    upsertDistinctEvents(std::span(rows).subspan(start), batchId, now, counts);
}

void ImportStore::upsertDistinctEvents(std::span<const RecordRow *const> rows, std::int64_t batchId,
                                       const std::string &now, BatchCounts &counts)
{
    if (rows.empty())
        return;
    if (m_db.engine() == store::Engine::Postgres)
        return copyEvents(m_db, rows, batchId, now, counts);
    // New rows get ids above the current maximum (INTEGER PRIMARY KEY without
    // AUTOINCREMENT): counting those after the statement tells inserts from updates.
    auto &maxId = m_db.cached("SELECT coalesce(max(id), 0) FROM events");
    maxId.step();
    const std::int64_t before = maxId.int64At(0);
    maxId.reset();

    auto &st = m_db.cached(multiRowEventUpsert(rows.size()));
    int index = 0;
    for (const RecordRow *row : rows) {
        bindColumns(st, index, *row);
        st.bind(++index, batchId);
        st.bindBlob(++index, row->contentHash);
        st.bind(++index, row->contractVersion);
    }
    st.bindStatic(++index, now);
    st.step();
    const std::int64_t changed = m_db.changes();
    st.reset();

    auto &inserted = m_db.cached("SELECT count(*) FROM events WHERE id > ?");
    inserted.bind(1, before);
    inserted.step();
    const std::int64_t added = inserted.int64At(0);
    inserted.reset();
    counts.inserted += added;
    counts.updated += changed - added;
    counts.unchanged += static_cast<std::int64_t>(rows.size()) - changed;
}

void ImportStore::recordTouches(std::int64_t batchId, const std::vector<Touch> &touches)
{
    // Many rows a statement: an import touches about one lead per event, and on PostgreSQL
    // a statement per touch was a round trip per event.
    store::BufferedInsert insert("INSERT INTO batch_touches (batch_id, kind, a, b)", 4,
                                 "ON CONFLICT DO NOTHING");
    for (const Touch &t : touches)
        insert.add(batchId, t.kind, t.a, t.b);
    insert.flush(m_db);
}

void ImportStore::quarantine(std::int64_t batchId, const QuarantineEntry &e, const std::string &now)
{
    auto &st = m_db.cached("INSERT INTO quarantine (batch_id, file_name, line, record_index, "
                           "contract, field, message, errors, raw, created_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st.bindAll(batchId, e.fileName, e.line, e.recordIndex, e.contract, e.field, e.message,
               e.errorsJson, e.raw, now);
    st.run();
}

void ImportStore::finishBatch(std::int64_t batchId, const BatchCounts &c,
                              const std::map<std::string, std::int64_t> &usage,
                              const std::map<std::string, std::int64_t> &drift,
                              const std::string &finishedAt, std::int64_t durationMs)
{
    auto &st = m_db.cached(
        "UPDATE ingest_batches SET status = 'done', finished_at = ?, duration_ms = ?, "
        "records_read = ?, records_accepted = ?, records_inserted = ?, records_updated = ?, "
        "records_unchanged = ?, records_quarantined = ?, records_deprecated = ? WHERE id = ?");
    st.bindAll(finishedAt, durationMs, c.read, c.accepted, c.inserted, c.updated, c.unchanged,
               c.quarantined, c.deprecated, batchId);
    st.run();
    auto &use = m_db.cached("INSERT INTO contract_usage (batch_id, contract, version, records) "
                            "VALUES (?, ?, ?, ?)");
    for (const auto &[key, count] : usage) {
        const auto at = key.find('@');
        use.bindAll(batchId, key.substr(0, at),
                    static_cast<std::int64_t>(std::stoll(key.substr(at + 1))), count);
        use.run();
    }
    auto &unknown = m_db.cached("INSERT INTO contract_drift (batch_id, contract, version, field, "
                                "records) VALUES (?, ?, ?, ?, ?)");
    for (const auto &[key, count] : drift) {
        const auto tab = key.find('\t');
        const auto at = key.find('@');
        unknown.bindAll(batchId, key.substr(0, at),
                        static_cast<std::int64_t>(std::stoll(key.substr(at + 1, tab - at - 1))),
                        key.substr(tab + 1), count);
        unknown.run();
    }
}

void ImportStore::failBatch(std::int64_t batchId, const std::string &error,
                            const std::string &finishedAt, std::int64_t durationMs)
{
    auto &st = m_db.cached("UPDATE ingest_batches SET status = 'failed', error = ?1, "
                           "finished_at = ?2, duration_ms = ?3, records_quarantined = "
                           "(SELECT count(*) FROM quarantine WHERE batch_id = ?4) WHERE id = ?4");
    st.bindAll(error, finishedAt, durationMs, batchId);
    st.run();
}

std::optional<std::int64_t> ImportStore::findCompletedBatch(const std::string &sha256)
{
    auto &st = m_db.cached("SELECT id FROM ingest_batches WHERE file_sha256 = ? AND "
                           "status = 'done' ORDER BY id LIMIT 1");
    st.bind(1, sha256);
    std::optional<std::int64_t> id;
    if (st.step())
        id = st.int64At(0);
    st.reset();
    return id;
}

int ImportStore::markInterruptedBatches()
{
    // Another process may be importing right now: only batches whose process is gone are
    // interrupted. (A pid can be reused, which at worst delays the marking.)
    std::vector<std::int64_t> dead;
    auto &running =
        m_db.cached("SELECT id, owner_pid FROM ingest_batches WHERE status = 'running'");
    while (running.step()) {
        const auto pid = static_cast<pid_t>(running.int64At(1));
        if (pid != ::getpid() && (pid <= 0 || (::kill(pid, 0) != 0 && errno == ESRCH)))
            dead.push_back(running.int64At(0));
    }
    running.reset();
    auto &mark = m_db.cached(
        "UPDATE ingest_batches SET status = 'interrupted', error = 'the import stopped before "
        "it finished (Baton was closed or crashed); importing the file again completes it' "
        "WHERE id = ?");
    for (std::int64_t id : dead) {
        mark.bind(1, id);
        mark.run();
    }
    return static_cast<int>(dead.size());
}

void ImportStore::dropQuarantineOfInterrupted(const std::string &sha256)
{
    auto &st = m_db.cached("DELETE FROM quarantine WHERE batch_id IN (SELECT id FROM "
                           "ingest_batches WHERE file_sha256 = ? AND status = 'interrupted')");
    st.bind(1, sha256);
    st.run();
}

} // namespace baton::ingest
