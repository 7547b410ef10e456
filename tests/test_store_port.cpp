// `baton store port`: a local store moves into a team's PostgreSQL database whole, checked
// table by table, and a port killed half-way carries on when run again. Needs the run's
// throwaway cluster (BATON_TEST_PG); skipped without it.
#include "ProgramRun.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>
#include <csignal>

namespace {

using Ran = ProgramRun;

Ran run(const QString &program, const QStringList &args)
{
    return runProgram(program, args, 300000);
}

} // namespace

class TestStorePort : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void copiesEveryTableAndChecksIt();
    void carriesOnAfterAKill();
    void refusesADatabaseThatHoldsOtherData();
    void doesNotMoveIntoSomeoneElsesDatabase();

private:
    QString database(const QString &name);
    Ran port(const QString &to) const;
    QString scalar(const QString &uri, const QString &sql) const;

    QString m_cluster;
    QTemporaryDir m_dir;
    QString m_store;
    QStringList m_databases;
};

QString TestStorePort::database(const QString &name)
{
    const QString db =
        QStringLiteral("baton_port_%1_%2").arg(QCoreApplication::applicationPid()).arg(name);
    const Ran made = run(QStringLiteral("psql"), {m_cluster, QStringLiteral("-Atc"),
                                                  QStringLiteral("CREATE DATABASE %1").arg(db)});
    if (made.exitCode != 0)
        return {};
    m_databases << db;
    QUrl url(m_cluster);
    url.setPath(QLatin1Char('/') + db);
    return url.toString(QUrl::FullyEncoded);
}

Ran TestStorePort::port(const QString &to) const
{
    return run(QStringLiteral(BATON_EXECUTABLE),
               {QStringLiteral("store"), QStringLiteral("port"), QStringLiteral("--from"), m_store,
                QStringLiteral("--to"), to});
}

QString TestStorePort::scalar(const QString &uri, const QString &sql) const
{
    const Ran r = run(QStringLiteral("psql"), {uri, QStringLiteral("-XAtc"), sql});
    return r.exitCode == 0 ? r.out : QStringLiteral("error: ") + r.err;
}

void TestStorePort::initTestCase()
{
    m_cluster = qEnvironmentVariable("BATON_TEST_PG");
    if (m_cluster.isEmpty())
        QSKIP("BATON_TEST_PG is not set: a port needs this run's PostgreSQL cluster");
    m_store = m_dir.filePath(QStringLiteral("local.sqlite"));
    const Ran demo =
        run(QStringLiteral(BATON_EXECUTABLE),
            {QStringLiteral("--now"), QStringLiteral("2026-12-01T09:00:00Z"),
             QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--leads"),
             QStringLiteral("600"), QStringLiteral("--days"), QStringLiteral("3"),
             QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("data"))});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
}

void TestStorePort::cleanupTestCase()
{
    for (const auto &db : m_databases)
        run(QStringLiteral("psql"),
            {m_cluster, QStringLiteral("-Atc"),
             QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(db)});
}

void TestStorePort::copiesEveryTableAndChecksIt()
{
    const QString to = database(QStringLiteral("whole"));
    QVERIFY(!to.isEmpty());
    const Ran ported = port(to);
    QVERIFY2(ported.exitCode == 0, qPrintable(ported.err + ported.out));
    QVERIFY2(!ported.out.contains(QStringLiteral("DIFFERS")), qPrintable(ported.out));
    QVERIFY2(ported.out.contains(QStringLiteral("audit log on the copy: verified")),
             qPrintable(ported.out));
    // What the port says matches what is there, and new rows get new ids.
    QVERIFY(scalar(to, QStringLiteral("SELECT count(*) FROM briefs")).toInt() > 0);
    QCOMPARE(scalar(to, QStringLiteral("SELECT count(*) FROM briefs_fts")),
             scalar(to, QStringLiteral("SELECT count(*) FROM briefs")));
    QCOMPARE(scalar(to, QStringLiteral("SELECT nextval(pg_get_serial_sequence('briefs', 'id')) > "
                                       "max(id) FROM briefs")),
             QStringLiteral("t"));
    // The audit chain verifies on the copy, read by the team's admin logged in as themselves.
    const QString login = QUrlQuery(QUrl(m_cluster)).queryItemValue(QStringLiteral("user"));
    for (const QStringList &step :
         {QStringList{QStringLiteral("team"), QStringLiteral("init")},
          QStringList{QStringLiteral("team"), QStringLiteral("add-user"),
                      QStringLiteral("owner@baton.example"), QStringLiteral("--role"),
                      QStringLiteral("admin"), QStringLiteral("--login"), login}}) {
        const Ran ran = run(QStringLiteral(BATON_EXECUTABLE),
                            QStringList{QStringLiteral("--store"), to} + step);
        QVERIFY2(ran.exitCode == 0, qPrintable(ran.err));
    }
    const Ran verify =
        run(QStringLiteral(BATON_EXECUTABLE),
            {QStringLiteral("--store"), to, QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(verify.exitCode == 0, qPrintable(verify.err + verify.out));
}

void TestStorePort::carriesOnAfterAKill()
{
    const QString to = database(QStringLiteral("killed"));
    QProcess first;
    first.start(QStringLiteral(BATON_EXECUTABLE),
                {QStringLiteral("store"), QStringLiteral("port"), QStringLiteral("--from"), m_store,
                 QStringLiteral("--to"), to});
    QVERIFY(first.waitForStarted());
    // Killed once some events are in: the tables before them whole, events part-way.
    QTRY_VERIFY_WITH_TIMEOUT(scalar(to, QStringLiteral("SELECT count(*) FROM events")).toInt() > 0,
                             60000);
    ::kill(static_cast<pid_t>(first.processId()), SIGKILL);
    QVERIFY(first.waitForFinished(10000));
    QVERIFY(scalar(to, QStringLiteral("SELECT count(*) FROM briefs")).toInt() == 0);

    const Ran again = port(to);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err + again.out));
    QVERIFY2(again.out.contains(QStringLiteral("resuming an earlier port")), qPrintable(again.out));
    QVERIFY2(!again.out.contains(QStringLiteral("DIFFERS")), qPrintable(again.out));
}

void TestStorePort::refusesADatabaseThatHoldsOtherData()
{
    const QString to = database(QStringLiteral("taken"));
    const Ran other =
        run(QStringLiteral(BATON_EXECUTABLE),
            {QStringLiteral("--store"), to, QStringLiteral("demo"), QStringLiteral("--leads"),
             QStringLiteral("50"), QStringLiteral("--days"), QStringLiteral("0"),
             QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("other"))});
    QVERIFY2(other.exitCode == 0, qPrintable(other.err));
    const QString before = scalar(to, QStringLiteral("SELECT count(*) FROM leads"));
    const Ran refused = port(to);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QStringLiteral("already holds data")), qPrintable(refused.err));
    QCOMPARE(scalar(to, QStringLiteral("SELECT count(*) FROM leads")), before);
}

// A database holding other tables is not Baton's to fill: as a SQLite file that is not a
// Baton store, it is refused and left as it was.
void TestStorePort::doesNotMoveIntoSomeoneElsesDatabase()
{
    const QString to = database(QStringLiteral("foreign"));
    QVERIFY(!scalar(to, QStringLiteral("CREATE TABLE photos (id INT PRIMARY KEY, path TEXT)"))
                 .startsWith(QStringLiteral("error")));
    const Ran opened = run(QStringLiteral(BATON_EXECUTABLE),
                           {QStringLiteral("--store"), to, QStringLiteral("stats")});
    QVERIFY(opened.exitCode != 0);
    QVERIFY2(opened.err.contains(QStringLiteral("not a Baton store")), qPrintable(opened.err));
    QCOMPARE(scalar(to, QStringLiteral("SELECT count(*) FROM information_schema.tables WHERE "
                                       "table_schema = 'public'")),
             QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestStorePort)
#include "test_store_port.moc"
