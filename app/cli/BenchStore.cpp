#include "cli/BenchStore.h"

#include "store/Database.h"
#include "store/OpenStore.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <stdexcept>
#include <unistd.h>

namespace baton::app {

QString benchDirectory(const QCommandLineParser &parser, const QTemporaryDir &temporary)
{
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                            : temporary.path();
    QDir().mkpath(dir);
    return dir;
}

void clearPipelineOutput(store::Database &db)
{
    // SQLite checks each deleted brief for briefs superseded by it, and superseded_by has no
    // index: with every row going there is nothing to find, but the checks alone made
    // clearing 40,000 briefs take minutes. The pragma is a no-op inside a transaction.
    const bool sqlite = db.sqliteHandle() != nullptr;
    for (const char *dependent : {"review_actions", "outbox"}) {
        auto st = db.prepare(std::string("SELECT EXISTS (SELECT 1 FROM ") + dependent + ")");
        if (st.step() && st.int64At(0) != 0)
            throw std::runtime_error(std::string("the bench store has ") + dependent +
                                     " of its briefs: build a new one rather than reuse it");
    }
    if (sqlite)
        db.exec("PRAGMA foreign_keys=OFF");
    store::Transaction tx(db);
    db.exec("DELETE FROM agent_steps; DELETE FROM run_items; DELETE FROM run_chunks; "
            "DELETE FROM briefs; DELETE FROM pipeline_runs");
    tx.commit();
    if (sqlite)
        db.exec("PRAGMA foreign_keys=ON");
}

namespace {

// A connection parameter added to a libpq location: the last value of a parameter wins, in a
// URI's query as in a keyword/value string. Bench names and logins need no escaping.
std::string withParameter(const std::string &location, const std::string &key,
                          const std::string &value)
{
    if (store::isPostgresLocation(location) && location.find("://") != std::string::npos)
        return location + (location.find('?') == std::string::npos ? "?" : "&") + key + "=" + value;
    return location + " " + key + "=" + value;
}

} // namespace

BenchStore::BenchStore(store::Engine engine, std::string location, std::string server,
                       std::string database)
    : m_engine(engine), m_location(std::move(location)), m_server(std::move(server)),
      m_database(std::move(database))
{
}

BenchStore BenchStore::file(const QString &path)
{
    return BenchStore(store::Engine::Sqlite, path.toStdString(), {}, {});
}

BenchStore BenchStore::postgres(const std::string &serverUri, const std::string &suffix)
{
    std::string name = "bench_" + std::to_string(::getpid());
    if (!suffix.empty())
        name += "_" + suffix;
    return BenchStore(store::Engine::Postgres, withParameter(serverUri, "dbname", name), serverUri,
                      name);
}

BenchStore::BenchStore(BenchStore &&other) noexcept
    : m_engine(other.m_engine), m_location(std::move(other.m_location)),
      m_server(std::move(other.m_server)), m_database(std::move(other.m_database))
{
    other.m_database.clear();
}

BenchStore::~BenchStore()
{
    try {
        dropDatabase();
    } catch (const std::exception &) {
        // A bench that could not drop its database leaves it behind, named bench_<pid>.
    }
}

void BenchStore::onServer(const std::string &sql) const
{
    auto server = store::Database::open(m_server);
    server.exec(sql);
}

void BenchStore::dropDatabase()
{
    if (m_engine == store::Engine::Postgres && !m_database.empty())
        onServer("DROP DATABASE IF EXISTS " + m_database + " WITH (FORCE)");
}

std::string BenchStore::fresh()
{
    if (m_engine == store::Engine::Sqlite) {
        const QString path = QString::fromStdString(m_location);
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        return m_location;
    }
    dropDatabase();
    onServer("CREATE DATABASE " + m_database);
    return m_location;
}

store::StorePort::Result BenchStore::portFrom(const std::string &sqlitePath)
{
    auto from = store::openStore(sqlitePath);
    auto to = store::openStore(fresh());
    auto result =
        store::StorePort(from, to, sqlitePath).run([](const store::StorePort::Progress &) {});
    to.exec("ANALYZE");
    return result;
}

QString BenchStore::engineName() const
{
    return m_engine == store::Engine::Sqlite ? QStringLiteral("SQLite")
                                             : QStringLiteral("PostgreSQL");
}

std::string BenchStore::locationAs(const std::string &login) const
{
    return withParameter(m_location, "user", login);
}

} // namespace baton::app
