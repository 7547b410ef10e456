#include "store/StorePort.h"

#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "util/Sha256.h"

#include <algorithm>
#include <charconv>
#include <sqlite3.h>

namespace baton::store {

// A table as the port copies it: its key (the order rows are copied and hashed in, and where
// a resumed copy carries on) and the columns that point at rows of the same table, which are
// copied empty and filled in once every row is there.
struct StorePort::Table
{
    const char *name;
    std::vector<const char *> key;
    std::vector<const char *> later = {};
};

namespace {

// clang-format off
// In the order foreign keys need. briefs_fts is rebuilt, not copied; search_index_state and
// baton_schema are the new database's own.
const std::vector<StorePort::Table> &tables()
{
    static const std::vector<StorePort::Table> list = {
        {"ingest_batches", {"id"}},
        {"contracts", {"name", "version"}},
        {"contract_usage", {"batch_id", "contract", "version"}},
        {"accounts", {"id"}},
        {"leads", {"id"}},
        {"lead_identities", {"source_system", "source_id"}},
        {"events", {"id"}},
        {"enrichment", {"id"}},
        {"quarantine", {"id"}},
        {"sync_cursors", {"folder"}},
        {"sync_files", {"folder", "sha256"}},
        {"users", {"id"}, {"manager"}},
        {"pipeline_runs", {"id"}},
        {"run_items", {"run_id", "lead_id"}},
        {"run_chunks", {"run_id", "seq"}},
        {"agent_steps", {"id"}},
        {"scoring_models", {"id"}},
        {"batch_touches", {"batch_id", "kind", "a", "b"}},
        {"briefs", {"id"}, {"superseded_by"}},
        {"review_actions", {"id"}},
        {"audit_log", {"seq"}},
        {"crm_outcomes", {"lead_id", "crm_system"}},
        {"delivery_targets", {"target"}},
        {"outbox", {"id"}, {"depends_on"}},
        {"contract_drift", {"batch_id", "contract", "version", "field"}},
        {"store_settings", {"key"}},
    };
    return list;
}
// clang-format on

constexpr int kMaxParameters = 30000; // PostgreSQL takes up to 65,535 per statement
constexpr std::int64_t kMaxBatchRows = 2000;
constexpr std::string_view kMarker = "port.source";

enum class Kind
{
    Integer,
    Real,
    Text,
    Bytes
};

struct Column
{
    std::string name;
    Kind kind;
};

struct Cell
{
    bool null = true;
    Kind kind = Kind::Text;
    std::string bytes;
};

std::vector<Column> columnsOf(Database &pg, const std::string &table)
{
    auto st = pg.prepare("SELECT column_name, data_type FROM information_schema.columns WHERE "
                         "table_schema = current_schema() AND table_name = ? ORDER BY "
                         "ordinal_position");
    st.bind(1, table);
    std::vector<Column> out;
    while (st.step()) {
        const std::string type = st.textAt(1);
        const Kind kind = type == "bigint" || type == "integer" ? Kind::Integer
                          : type == "double precision"          ? Kind::Real
                          : type == "bytea"                     ? Kind::Bytes
                                                                : Kind::Text;
        out.push_back({st.textAt(0), kind});
    }
    if (out.empty())
        throw StoreError(SQLITE_ERROR, "the team database has no table " + table);
    return out;
}

// One value as both engines read it the same: what is written, and what is hashed.
Cell cellAt(const Statement &st, int i, Kind kind)
{
    Cell c;
    c.kind = kind;
    if (st.isNull(i))
        return c;
    c.null = false;
    if (kind == Kind::Integer) {
        c.bytes = std::to_string(st.int64At(i));
    } else if (kind == Kind::Real) {
        char buffer[32];
        c.bytes.assign(buffer, std::to_chars(buffer, buffer + sizeof buffer, st.doubleAt(i)).ptr);
    } else if (kind == Kind::Bytes) {
        const auto b = st.blobViewAt(i);
        c.bytes.assign(reinterpret_cast<const char *>(b.data()), b.size());
    } else {
        c.bytes = std::string(st.textViewAt(i));
    }
    return c;
}

void bindCell(Statement &st, int index, const Cell &c)
{
    if (c.null)
        st.bind(index, nullptr);
    else if (c.kind == Kind::Bytes)
        st.bindBlob(index,
                    {reinterpret_cast<const std::uint8_t *>(c.bytes.data()), c.bytes.size()});
    else if (c.kind == Kind::Integer)
        st.bind(index, static_cast<std::int64_t>(std::stoll(c.bytes)));
    else
        st.bind(index, c.bytes);
}

std::string joined(const std::vector<std::string> &names, const char *separator = ", ")
{
    std::string out;
    for (const auto &n : names)
        out += (out.empty() ? "" : separator) + n;
    return out;
}

std::vector<std::string> names(const std::vector<Column> &columns)
{
    std::vector<std::string> out;
    for (const auto &c : columns)
        out.push_back(c.name);
    return out;
}

std::vector<std::string> keyNames(const StorePort::Table &t)
{
    return {t.key.begin(), t.key.end()};
}

std::int64_t countOf(Database &db, const std::string &table)
{
    auto st = db.prepare("SELECT count(*) FROM " + table);
    st.step();
    return st.int64At(0);
}

bool isLater(const StorePort::Table &t, const std::string &column)
{
    return std::any_of(t.later.begin(), t.later.end(), [&](const char *c) { return column == c; });
}

} // namespace

bool StorePort::Result::ok() const
{
    return std::all_of(checks.begin(), checks.end(), [](const auto &c) { return c.matches(); });
}

StorePort::StorePort(Database &from, Database &to, std::string sourceName)
    : m_from(from), m_to(to), m_sourceName(std::move(sourceName))
{
}

void StorePort::requireEmptyOrOurs(bool &resumed)
{
    auto marker = m_to.prepare("SELECT value FROM store_settings WHERE key = ?");
    marker.bind(1, kMarker);
    if (marker.step()) {
        if (marker.textAt(0) != m_sourceName)
            throw StoreError(SQLITE_ERROR, "the team database is half-way through a port from " +
                                               marker.textAt(0) + ", not " + m_sourceName);
        resumed = true;
        return;
    }
    for (const auto &t : tables())
        if (countOf(m_to, t.name) > 0)
            throw StoreError(SQLITE_ERROR, std::string("the team database already holds data (") +
                                               t.name + "): a port goes into a new database");
    auto mark = m_to.prepare("INSERT INTO store_settings (key, value) VALUES (?, ?)");
    mark.bindAll(kMarker, m_sourceName);
    mark.run();
}

StorePort::Result StorePort::run(const std::function<void(const Progress &)> &progress)
{
    if (m_from.userVersion() != m_to.userVersion())
        throw StoreError(SQLITE_ERROR, "the stores' schema versions differ (" +
                                           std::to_string(m_from.userVersion()) + " and " +
                                           std::to_string(m_to.userVersion()) + ")");
    Result result;
    requireEmptyOrOurs(result.resumed);
    for (const auto &t : tables())
        result.rowsCopied += copy(t, progress);
    finish();
    result.checks = check();
    return result;
}

std::int64_t StorePort::copy(const Table &t, const std::function<void(const Progress &)> &progress)
{
    const auto columns = columnsOf(m_to, t.name);
    const auto keys = keyNames(t);
    const std::int64_t total = countOf(m_from, t.name);
    std::int64_t done = countOf(m_to, t.name);
    if (t.name == std::string("store_settings"))
        --done; // our marker
    std::vector<Cell> last;
    if (done > 0) {
        auto at = m_from.prepare("SELECT " + joined(keys) + " FROM " + t.name + " ORDER BY " +
                                 joined(keys) + " LIMIT 1 OFFSET ?");
        at.bind(1, done - 1);
        if (!at.step())
            throw StoreError(SQLITE_ERROR, std::string("the team database has more rows of ") +
                                               t.name + " than the store: not the same store");
        for (std::size_t k = 0; k < keys.size(); ++k) {
            const auto it = std::find_if(columns.begin(), columns.end(),
                                         [&](const Column &c) { return c.name == keys[k]; });
            last.push_back(cellAt(at, static_cast<int>(k), it->kind));
        }
    }
    const std::int64_t batchRows =
        std::min<std::int64_t>(kMaxBatchRows, kMaxParameters / std::int64_t(columns.size()));
    std::vector<int> keyIndex;
    for (const auto &k : keys)
        keyIndex.push_back(
            static_cast<int>(std::find_if(columns.begin(), columns.end(),
                                          [&](const Column &c) { return c.name == k; }) -
                             columns.begin()));
    const std::string select = "SELECT " + joined(names(columns)) + " FROM " + t.name;
    const std::string order = " ORDER BY " + joined(keys) + " LIMIT ?";
    const std::string after = " WHERE (" + joined(keys) + ") > (" +
                              joined(std::vector<std::string>(keys.size(), "?")) + ")";
    std::int64_t copied = 0;
    for (;;) {
        auto &read = m_from.cached(select + (last.empty() ? "" : after) + order);
        int index = 0;
        for (const auto &k : last)
            bindCell(read, ++index, k);
        read.bind(++index, batchRows);
        std::vector<std::vector<Cell>> rows;
        while (read.step()) {
            std::vector<Cell> row;
            for (std::size_t c = 0; c < columns.size(); ++c)
                row.push_back(cellAt(read, static_cast<int>(c), columns[c].kind));
            rows.push_back(std::move(row));
        }
        read.reset();
        if (rows.empty())
            break;
        std::string insert =
            "INSERT INTO " + std::string(t.name) + " (" + joined(names(columns)) + ") VALUES ";
        const std::string tuple = "(" + joined(std::vector<std::string>(columns.size(), "?")) + ")";
        for (std::size_t r = 0; r < rows.size(); ++r)
            insert += (r ? "," : "") + tuple;
        Transaction tx(m_to);
        auto &write = m_to.cached(insert);
        int p = 0;
        for (const auto &row : rows)
            for (std::size_t c = 0; c < columns.size(); ++c)
                bindCell(write, ++p, isLater(t, columns[c].name) ? Cell{} : row[c]);
        write.run();
        tx.commit();
        last.clear();
        for (const int k : keyIndex)
            last.push_back(rows.back()[static_cast<std::size_t>(k)]);
        copied += static_cast<std::int64_t>(rows.size());
        done += static_cast<std::int64_t>(rows.size());
        progress({t.name, done, total});
    }
    progress({t.name, done, total});
    return copied;
}

// What could only be written once every row was there: self references, identity sequences
// past the copied ids, the search index, and the end of the port.
void StorePort::finish()
{
    Transaction tx(m_to);
    for (const auto &t : tables()) {
        for (const char *column : t.later) {
            auto read = m_from.prepare(std::string("SELECT id, ") + column + " FROM " + t.name +
                                       " WHERE " + column + " IS NOT NULL");
            auto &write = m_to.cached(std::string("UPDATE ") + t.name + " SET " + column +
                                      " = ? WHERE id = ?");
            while (read.step()) {
                if (std::string(column) == "manager")
                    write.bind(1, read.textAt(1));
                else
                    write.bind(1, read.int64At(1));
                write.bind(2, read.int64At(0));
                write.run();
            }
        }
        if (t.key.size() == 1 && std::string(t.key[0]) == "id" &&
            t.name != std::string("pipeline_runs"))
            m_to.exec(std::string("SELECT setval(pg_get_serial_sequence('") + t.name +
                      "', 'id'), coalesce(max(id), 0) + 1, false) FROM " + t.name);
    }
    m_to.exec("DELETE FROM briefs_fts");
    m_to.exec("INSERT INTO briefs_fts (id, doc) SELECT id, to_tsvector('simple', lead || ' ' || "
              "company || ' ' || body) FROM brief_search_text");
    m_to.exec("UPDATE search_index_state SET indexed_through = (SELECT coalesce(max(id), 0) FROM "
              "briefs)");
    auto unmark = m_to.prepare("DELETE FROM store_settings WHERE key = ?");
    unmark.bind(1, kMarker);
    unmark.run();
    tx.commit();
}

std::vector<StorePort::TableCheck> StorePort::check()
{
    std::vector<TableCheck> out;
    for (const auto &t : tables()) {
        const auto columns = columnsOf(m_to, t.name);
        // Rows in the same order on both sides: by bytes, as SQLite compares text, whatever
        // collation the team's database was made with.
        std::vector<std::string> sqliteOrder, pgOrder;
        for (const char *k : t.key) {
            const auto it = std::find_if(columns.begin(), columns.end(),
                                         [&](const Column &c) { return c.name == k; });
            sqliteOrder.emplace_back(k);
            pgOrder.push_back(std::string(k) + (it->kind == Kind::Text ? " COLLATE \"C\"" : ""));
        }
        const std::string select = "SELECT " + joined(names(columns)) + " FROM " + t.name;
        TableCheck c;
        c.table = t.name;
        const auto hashOf = [&](Database &db, std::int64_t &rows) {
            auto st = db.prepare(select + " ORDER BY " +
                                 joined(db.engine() == Engine::Postgres ? pgOrder : sqliteOrder));
            std::string chain(64, '0');
            while (st.step()) {
                std::string row = chain;
                for (std::size_t i = 0; i < columns.size(); ++i) {
                    const Cell cell = cellAt(st, static_cast<int>(i), columns[i].kind);
                    row += cell.null ? std::string("\x1eN") : "\x1f" + cell.bytes;
                }
                chain = util::sha256Hex(row);
                ++rows;
            }
            return chain;
        };
        c.sourceHash = hashOf(m_from, c.sourceRows);
        c.targetHash = hashOf(m_to, c.targetRows);
        out.push_back(std::move(c));
    }
    return out;
}

} // namespace baton::store
