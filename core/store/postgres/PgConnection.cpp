#include "store/postgres/PgConnection.h"

#include "store/PasswordSource.h"
#include "store/StoreError.h"
#include "store/postgres/PgSql.h"
#include "store/postgres/PgStatement.h"

#include <libpq-fe.h>
#include <sqlite3.h>

namespace baton::store {

namespace {

constexpr int kOldestServer = 130000;

std::string trimmed(std::string text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.pop_back();
    return text;
}

// libpq's own words name the cause; the prefix names the database and what to do.
std::string whyNotConnected(const std::string &location, const std::string &libpq)
{
    std::string advice;
    if (libpq.find("password authentication failed") != std::string::npos ||
        libpq.find("no password supplied") != std::string::npos)
        advice = " (check the user, and the password in ~/.pgpass, PGPASSFILE, the service file or "
                 "the OS keychain's team-database secret: `baton secret set team-database`)";
    else if (libpq.find("does not exist") != std::string::npos)
        advice = " (ask the team's database owner for the database and your login)";
    else if (libpq.find("Connection refused") != std::string::npos ||
             libpq.find("No such file or directory") != std::string::npos ||
             libpq.find("could not translate host name") != std::string::npos ||
             libpq.find("timeout expired") != std::string::npos)
        advice = " (is the server running and reachable from here?)";
    return "team database " + location + ": cannot connect: " + trimmed(libpq) + advice;
}

// libpq first, as psql would; when the server asked for a password that none of libpq's
// places had, once more with the one the installed PasswordSource (the OS keychain) keeps.
PGconn *connect(const std::string &location, const std::string &shown, bool &fromSource)
{
    PGconn *raw = PQconnectdb(location.c_str());
    fromSource = false;
    if (!raw || PQstatus(raw) == CONNECTION_OK || !PQconnectionNeedsPassword(raw))
        return raw;
    const auto password = passwordFor(shown);
    if (!password)
        return raw;
    PQfinish(raw);
    // The location is expanded first, so the password given after it is the one used.
    const char *keywords[] = {"dbname", "password", nullptr};
    const char *values[] = {location.c_str(), password->c_str(), nullptr};
    fromSource = true;
    return PQconnectdbParams(keywords, values, 1);
}

} // namespace

PgConnection::PgConnection(pg_conn *conn, std::string location)
    : m_conn(conn), m_location(std::move(location))
{
}

PgConnection::~PgConnection()
{
    PQfinish(m_conn);
}

std::unique_ptr<PgConnection> PgConnection::open(const std::string &location)
{
    const std::string shown = pg::redactedLocation(location);
    bool fromSource = false;
    PGconn *raw = connect(location, shown, fromSource);
    std::unique_ptr<PgConnection> db(new PgConnection(raw, shown));
    if (!raw)
        throw StoreError(SQLITE_NOMEM, "team database " + shown + ": out of memory");
    if (PQstatus(raw) != CONNECTION_OK)
        throw StoreError(SQLITE_CANTOPEN,
                         whyNotConnected(shown, PQerrorMessage(raw)) +
                             (fromSource ? " (the password tried was the team-database secret; it "
                                           "came from the OS keychain or Baton's secrets file)"
                                         : ""));
    if (PQserverVersion(raw) < kOldestServer)
        throw StoreError(SQLITE_CANTOPEN, "team database " + shown +
                                              ": the server runs PostgreSQL " +
                                              std::to_string(PQserverVersion(raw) / 10000) +
                                              "; Baton needs PostgreSQL 13 or newer");
    PQsetNoticeProcessor(
        raw, [](void *, const char *) {}, nullptr);
    PQsetClientEncoding(raw, "UTF8");
    // Timestamps are ISO-8601 text in UTC on both engines; nothing depends on the server's zone.
    db->exec("SET client_min_messages = warning");
    return db;
}

std::string PgConnection::lastError() const
{
    return trimmed(PQerrorMessage(m_conn));
}

void PgConnection::exec(std::string_view sql)
{
    PGresult *result = PQexec(m_conn, std::string(sql).c_str());
    const auto status = PQresultStatus(result);
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        const char *tuples = PQcmdTuples(result);
        m_changes = tuples && *tuples ? std::atoi(tuples) : 0;
        PQclear(result);
        return;
    }
    const std::string sqlState = errorState(result);
    PQclear(result);
    std::string shown(sql.substr(0, 200));
    throw StoreError(pg::sqliteCodeFor(sqlState), lastError() + " in: " + shown, sqlState);
}

std::unique_ptr<StatementBackend> PgConnection::prepare(std::string_view sql, bool persistent)
{
    return std::make_unique<PgStatement>(*this, sql, persistent);
}

void PgConnection::beginWrite()
{
    exec("BEGIN");
}

bool PgConnection::inTransaction() const
{
    const auto status = PQtransactionStatus(m_conn);
    return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

int PgConnection::schemaVersion()
{
    PgStatement exists(*this, "SELECT to_regclass('baton_schema') IS NOT NULL", false);
    if (!exists.step() || exists.int64At(0) == 0)
        return 0;
    PgStatement st(*this, "SELECT version FROM baton_schema", false);
    return st.step() ? static_cast<int>(st.int64At(0)) : 0;
}

void PgConnection::copyIn(std::string_view copySql, std::string_view data)
{
    PGresult *started = PQexec(m_conn, std::string(copySql).c_str());
    const bool copying = PQresultStatus(started) == PGRES_COPY_IN;
    PQclear(started);
    if (!copying)
        throw StoreError(SQLITE_ERROR, lastError() + " in: " + std::string(copySql));
    constexpr std::size_t kChunk = 1 << 20;
    bool sent = true;
    for (std::size_t at = 0; sent && at < data.size(); at += kChunk) {
        const auto part = data.substr(at, kChunk);
        sent = PQputCopyData(m_conn, part.data(), static_cast<int>(part.size())) == 1;
    }
    PQputCopyEnd(m_conn, sent ? nullptr : "the client could not send its rows");
    std::string error;
    std::string sqlState;
    while (PGresult *r = PQgetResult(m_conn)) {
        if (PQresultStatus(r) != PGRES_COMMAND_OK && error.empty()) {
            error = lastError();
            sqlState = errorState(r);
        }
        PQclear(r);
    }
    if (!error.empty())
        throw StoreError(pg::sqliteCodeFor(sqlState), error + " in: " + std::string(copySql),
                         sqlState);
}

std::string PgConnection::errorState(const pg_result *result) const
{
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (state && *state)
        return state;
    return PQstatus(m_conn) == CONNECTION_BAD ? "08006" : "";
}

void PgConnection::listen(std::string_view channel)
{
    exec("LISTEN " + std::string(channel));
}

std::vector<std::string> PgConnection::takeNotifications()
{
    std::vector<std::string> out;
    PQconsumeInput(m_conn); // reads what the socket holds; never waits
    while (PGnotify *n = PQnotifies(m_conn)) {
        out.emplace_back(n->extra ? n->extra : "");
        PQfreemem(n);
    }
    return out;
}

std::vector<std::string> PgConnection::checkIntegrity(bool)
{
    // The server checks its own pages (checksums, WAL); amcheck is an extension a team's
    // database need not have. Baton's own check of the content is `audit verify`.
    return {};
}

} // namespace baton::store
