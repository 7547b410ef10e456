#include "store/Database.h"

#include "store/FilePrivacy.h"
#include "store/StoreError.h"

#include <mutex>
#include <sqlite3.h>
#include <utility>

namespace baton::store {

namespace {

std::string describe(const std::filesystem::path &path, const std::string &what)
{
    return "store " + path.string() + ": " + what;
}

} // namespace

Database::Database(sqlite3 *db, std::filesystem::path path) : m_db(db), m_path(std::move(path))
{
}

Database::Database(Database &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)), m_path(std::move(other.m_path)),
      m_cache(std::move(other.m_cache))
{
}

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        m_cache.clear();
        sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
        m_path = std::move(other.m_path);
        m_cache = std::move(other.m_cache);
    }
    return *this;
}

Database::~Database()
{
    m_cache.clear(); // statements must be finalized before the connection closes
    sqlite3_close_v2(m_db);
}

namespace {

void configureSqliteOnce()
{
    // Memory statistics take a global mutex on every allocation SQLite makes; Baton does
    // not read them, and imports allocate per row.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace

Database Database::open(const std::filesystem::path &path, Options options)
{
    configureSqliteOnce();
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    if (options.create && !options.readOnly) {
        std::error_code ec;
        if (!path.parent_path().empty() && !std::filesystem::exists(path.parent_path(), ec)) {
            std::filesystem::create_directories(path.parent_path(), ec);
            std::filesystem::permissions(path.parent_path(), std::filesystem::perms::owner_all, ec);
        }
        if (path.string() != ":memory:" && path.string().rfind("file:", 0) != 0)
            createPrivateFile(path);
    }
    sqlite3 *raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Database db(raw, path);
    if (rc != SQLITE_OK) {
        const std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        throw StoreError(rc, describe(path, "cannot open: " + message));
    }
    db.configure(options);
    if (options.quickCheck) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        db.verify(ec || size <= options.quickCheckUpToBytes);
    }
    return db;
}

Database Database::openInMemory()
{
    configureSqliteOnce();
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr);
    Database db(raw, ":memory:");
    if (rc != SQLITE_OK)
        throw StoreError(rc, "cannot open in-memory database");
    db.exec("PRAGMA foreign_keys=ON");
    return db;
}

void Database::configure(const Options &options)
{
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
    try {
        // The first statement that reads the header is where a non-database file fails.
        exec("PRAGMA foreign_keys=ON");
        if (!options.readOnly) {
            Statement mode(m_db, "PRAGMA journal_mode=WAL");
            if (mode.step() && mode.textViewAt(0) != "wal")
                throw StoreError(SQLITE_ERROR,
                                 "cannot switch to WAL: journal mode is " + mode.textAt(0));
        }
        exec("PRAGMA synchronous=NORMAL");
        exec("PRAGMA temp_store=MEMORY");
        exec("PRAGMA cache_size=-65536"); // 64 MiB: imports touch big indexes
    } catch (const StoreError &e) {
        if ((e.code() & 0xff) == SQLITE_NOTADB)
            throw StoreError(e.code(), describe(m_path, "not a SQLite database (is it a Baton "
                                                        "store? the file may be damaged)"));
        throw StoreError(e.code(), describe(m_path, e.what()));
    }
}

std::vector<std::string> Database::checkIntegrity(bool thorough)
{
    Statement check(m_db, thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    std::vector<std::string> problems;
    try {
        while (check.step())
            if (check.textViewAt(0) != "ok")
                problems.push_back(check.textAt(0));
    } catch (const StoreError &e) {
        // Damage bad enough stops the check itself: that is its finding.
        const int code = e.code() & 0xff;
        if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
            throw;
        problems.push_back(e.what());
    }
    return problems;
}

void Database::verify(bool everyPage)
{
    try {
        if (everyPage) {
            std::string problems;
            for (const auto &p : checkIntegrity(false))
                problems += (problems.empty() ? "" : "; ") + p;
            if (!problems.empty())
                throw StoreError(SQLITE_CORRUPT,
                                 describe(m_path, "damaged (quick_check: " + problems + ")"));
        }
        Statement appId(m_db, "PRAGMA application_id");
        appId.step();
        const auto id = appId.int64At(0);
        Statement tables(m_db, "SELECT count(*) FROM sqlite_schema");
        tables.step();
        if (id != ApplicationId && tables.int64At(0) > 0)
            throw StoreError(SQLITE_NOTADB,
                             describe(m_path, "a SQLite database, but not a Baton store"));
    } catch (const StoreError &e) {
        const std::string what = e.what();
        if (what.rfind("store ", 0) == 0)
            throw;
        if ((e.code() & 0xff) == SQLITE_NOTADB || (e.code() & 0xff) == SQLITE_CORRUPT)
            throw StoreError(e.code(), describe(m_path, "damaged or not a database: " + what));
        throw StoreError(e.code(), describe(m_path, what));
    }
}

void Database::exec(std::string_view sql)
{
    char *error = nullptr;
    const std::string text(sql);
    const int rc = sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        throw StoreError(rc, message);
    }
}

Statement Database::prepare(std::string_view sql)
{
    return Statement(m_db, sql);
}

Statement &Database::cached(std::string_view sql)
{
    auto it = m_cache.find(std::string(sql));
    if (it == m_cache.end())
        it = m_cache.emplace(std::string(sql), std::make_unique<Statement>(m_db, sql)).first;
    it->second->reset();
    return *it->second;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

void Database::setLastInsertRowId(std::int64_t id)
{
    sqlite3_set_last_insert_rowid(m_db, id);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

int Database::userVersion()
{
    Statement st(m_db, "PRAGMA user_version");
    st.step();
    return st.intAt(0);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace baton::store
