#pragma once

#include "store/Database.h"
#include "store/Engine.h"

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QtGlobal>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <unistd.h>
#include <vector>

// Where a test's store lives: the SQLite file it names, or, when the run has a PostgreSQL
// cluster (BATON_TEST_PG, the CTest fixture "postgres"), a new database of its own on that
// cluster, so the same test runs on both engines. Each file path gets one database for the
// life of the process (a test that reopens its store by path reopens the same database), and
// the databases are dropped when the process exits.

// The run's PostgreSQL cluster (a libpq URI naming its maintenance database), else empty.
inline std::string testPgUri()
{
    return qEnvironmentVariable("BATON_TEST_PG").toStdString();
}

inline bool onPostgres()
{
    return !testPgUri().empty();
}

namespace baton_test_detail {

// The cluster URI with its database name (the path segment after the authority) replaced.
inline std::string withDatabase(const std::string &uri, const std::string &name)
{
    const auto scheme = uri.find("://");
    const auto slash = uri.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    if (slash == std::string::npos)
        return uri + "/" + name;
    const auto end = uri.find('?', slash);
    return uri.substr(0, slash + 1) + name + (end == std::string::npos ? "" : uri.substr(end));
}

// The databases this process created, dropped (with any connection still open to them) at
// exit; a failure to drop is ignored: the cluster is thrown away after the run anyway.
class PgTestDatabases
{
public:
    static PgTestDatabases &instance()
    {
        static PgTestDatabases databases;
        return databases;
    }

    PgTestDatabases(const PgTestDatabases &) = delete;
    PgTestDatabases &operator=(const PgTestDatabases &) = delete;

    ~PgTestDatabases()
    {
        if (m_names.empty())
            return;
        try {
            auto server = baton::store::Database::open(testPgUri());
            for (const auto &name : m_names) {
                try {
                    server.exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                } catch (...) {
                }
            }
        } catch (...) {
        }
    }

    // The database standing for `path`, created (empty, or as a copy of `templateUri`'s
    // database) the first time the path is asked for.
    std::string locationFor(const std::string &path, const std::string &templateName = {})
    {
        const std::lock_guard lock(m_mutex);
        if (const auto it = m_byPath.find(path); it != m_byPath.end() && templateName.empty())
            return it->second;
        const std::string name =
            "baton_t_" + std::to_string(::getpid()) + "_" + std::to_string(++m_next);
        std::string sql = "CREATE DATABASE " + name;
        if (!templateName.empty())
            sql += " TEMPLATE " + templateName;
        baton::store::Database::open(testPgUri()).exec(sql);
        m_names.push_back(name);
        const std::string uri = withDatabase(testPgUri(), name);
        m_byPath[path] = uri;
        m_nameByUri[uri] = name;
        return uri;
    }

    std::string nameOf(const std::string &uri)
    {
        const std::lock_guard lock(m_mutex);
        const auto it = m_nameByUri.find(uri);
        return it == m_nameByUri.end() ? std::string() : it->second;
    }

private:
    PgTestDatabases() = default;

    std::mutex m_mutex;
    std::map<std::string, std::string> m_byPath;
    std::map<std::string, std::string> m_nameByUri;
    std::vector<std::string> m_names;
    int m_next = 0;
};

} // namespace baton_test_detail

// The store a test keeps at `path`: that path on SQLite, a database of its own on PostgreSQL.
inline std::string testStoreLocation(const std::filesystem::path &path)
{
    if (!onPostgres() || baton::store::isPostgresLocation(path.native()))
        return path.string();
    return baton_test_detail::PgTestDatabases::instance().locationFor(
        std::filesystem::absolute(path).lexically_normal().string());
}

inline std::string testStoreLocation(const QString &dir, const QString &fileName)
{
    return testStoreLocation(std::filesystem::path(QDir(dir).filePath(fileName).toStdString()));
}

// A fresh copy of the store at `fromPath` (a path or its location) standing for `to`:
// the file copied on SQLite, a database made from it as a template on PostgreSQL (which needs
// every connection to `from` closed). Replaces an earlier copy at `to`.
inline std::string copyTestStore(const std::filesystem::path &fromPath,
                                 const std::filesystem::path &to)
{
    const std::string from = testStoreLocation(fromPath);
    if (!baton::store::isPostgresLocation(from)) {
        std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
        return to.string();
    }
    auto &databases = baton_test_detail::PgTestDatabases::instance();
    return databases.locationFor(std::filesystem::absolute(to).lexically_normal().string(),
                                 databases.nameOf(from));
}

// SQLite's WAL folded into the main file, so that the file alone can be copied; PostgreSQL
// has no file to copy.
inline void checkpointTestStore(baton::store::Database &db)
{
    if (db.engine() == baton::store::Engine::Sqlite)
        db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

// SQLite's hex(blob) (upper-case, '' for NULL) as the run's engine writes it, for tests that
// compare content hashes.
inline std::string hexSql(const std::string &column)
{
    return onPostgres() ? "coalesce(upper(encode(" + column + ", 'hex')), '')"
                        : "hex(" + column + ")";
}
