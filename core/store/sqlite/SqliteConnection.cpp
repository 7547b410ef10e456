#include "store/sqlite/SqliteConnection.h"

#include "store/FilePrivacy.h"
#include "store/StoreError.h"
#include "store/sqlite/SqliteStatement.h"

#include <mutex>
#include <sqlite3.h>
#include <utility>

static_assert(baton::store::StoreError::kSqliteBusy == SQLITE_BUSY);

namespace baton::store {

namespace {

std::string describe(const std::filesystem::path &path, const std::string &what)
{
    return "store " + path.string() + ": " + what;
}

void configureSqliteOnce()
{
    // Memory statistics take a global mutex on every allocation SQLite makes; Baton does
    // not read them, and imports allocate per row.
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}

} // namespace

SqliteConnection::SqliteConnection(sqlite3 *db, std::filesystem::path path)
    : m_db(db), m_path(std::move(path))
{
}

SqliteConnection::~SqliteConnection()
{
    sqlite3_close_v2(m_db);
}

std::unique_ptr<SqliteConnection> SqliteConnection::open(const std::filesystem::path &path,
                                                         const Database::Options &options)
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
    std::unique_ptr<SqliteConnection> db(new SqliteConnection(raw, path));
    if (rc != SQLITE_OK) {
        const std::string message = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        throw StoreError(rc, describe(path, "cannot open: " + message));
    }
    db->configure(options);
    if (options.quickCheck) {
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        db->verify(ec || size <= options.quickCheckUpToBytes);
    }
    return db;
}

std::unique_ptr<SqliteConnection> SqliteConnection::openInMemory()
{
    configureSqliteOnce();
    sqlite3 *raw = nullptr;
    const int rc =
        sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, nullptr);
    std::unique_ptr<SqliteConnection> db(new SqliteConnection(raw, ":memory:"));
    if (rc != SQLITE_OK)
        throw StoreError(rc, "cannot open in-memory database");
    db->exec("PRAGMA foreign_keys=ON");
    return db;
}

void SqliteConnection::configure(const Database::Options &options)
{
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);
    sqlite3_extended_result_codes(m_db, 1);
    try {
        // The first statement that reads the header is where a non-database file fails.
        exec("PRAGMA foreign_keys=ON");
        if (!options.readOnly) {
            SqliteStatement mode(m_db, "PRAGMA journal_mode=WAL");
            if (mode.step() && mode.textViewAt(0) != "wal")
                throw StoreError(SQLITE_ERROR, "cannot switch to WAL: journal mode is " +
                                                   std::string(mode.textViewAt(0)));
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

std::vector<std::string> SqliteConnection::checkIntegrity(bool thorough)
{
    SqliteStatement check(m_db, thorough ? "PRAGMA integrity_check" : "PRAGMA quick_check");
    std::vector<std::string> problems;
    try {
        while (check.step())
            if (check.textViewAt(0) != "ok")
                problems.emplace_back(check.textViewAt(0));
    } catch (const StoreError &e) {
        // Damage bad enough stops the check itself: that is its finding.
        const int code = e.code() & 0xff;
        if (code != SQLITE_CORRUPT && code != SQLITE_NOTADB)
            throw;
        problems.push_back(e.what());
    }
    return problems;
}

std::int64_t SqliteConnection::pragmaValue(const char *sql)
{
    SqliteStatement st(m_db, sql);
    return st.step() ? st.int64At(0) : 0;
}

void SqliteConnection::verify(bool everyPage)
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
        const auto id = pragmaValue("PRAGMA application_id");
        if (id != Database::ApplicationId && pragmaValue("SELECT count(*) FROM sqlite_schema") > 0)
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

void SqliteConnection::exec(std::string_view sql)
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

std::unique_ptr<StatementBackend> SqliteConnection::prepare(std::string_view sql, bool)
{
    return std::make_unique<SqliteStatement>(m_db, sql);
}

void SqliteConnection::beginWrite()
{
    // IMMEDIATE: a writer learns about a competing writer up front (within the busy
    // timeout) rather than failing half-way.
    exec("BEGIN IMMEDIATE");
}

bool SqliteConnection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

int SqliteConnection::changes() const
{
    return sqlite3_changes(m_db);
}

int SqliteConnection::schemaVersion()
{
    return static_cast<int>(pragmaValue("PRAGMA user_version"));
}

} // namespace baton::store
