// Live views on a team database: a change committed by one session is heard by every other
// listening one, by area and without a query (LISTEN/NOTIFY from the tables' triggers).
// Needs the run's throwaway cluster (BATON_TEST_PG); skipped without it.
#include "store/ChangeProbe.h"
#include "store/Database.h"
#include "store/OpenStore.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QUrl>
#include <QtTest>

using baton::store::StoreArea;
using baton::store::StoreAreas;

class TestTeamLive : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void anotherSessionsCommitIsHeardByArea();
    void nothingIsHeardWhenNothingChanged();
    void aRolledBackChangeIsNotHeard();

private:
    // Polls until something is heard or `ms` pass.
    static StoreAreas heardWithin(baton::store::ChangeProbe &probe, int ms);

    QString m_cluster, m_database, m_uri;
};

void TestTeamLive::initTestCase()
{
    m_cluster = qEnvironmentVariable("BATON_TEST_PG");
    if (m_cluster.isEmpty())
        QSKIP("BATON_TEST_PG is not set: live team views need this run's PostgreSQL cluster");
    m_database = QStringLiteral("baton_live_%1").arg(QCoreApplication::applicationPid());
    QProcess psql;
    psql.start(QStringLiteral("psql"), {m_cluster, QStringLiteral("-Atc"),
                                        QStringLiteral("CREATE DATABASE %1").arg(m_database)});
    QVERIFY(psql.waitForFinished(30000));
    QCOMPARE(psql.exitCode(), 0);
    QUrl url(m_cluster);
    url.setPath(QLatin1Char('/') + m_database);
    m_uri = url.toString(QUrl::FullyEncoded);
    baton::store::openStore(m_uri.toStdString()); // the schema
}

void TestTeamLive::cleanupTestCase()
{
    if (m_database.isEmpty())
        return;
    QProcess psql;
    psql.start(QStringLiteral("psql"),
               {m_cluster, QStringLiteral("-Atc"),
                QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database)});
    psql.waitForFinished(30000);
}

StoreAreas TestTeamLive::heardWithin(baton::store::ChangeProbe &probe, int ms)
{
    QElapsedTimer timer;
    timer.start();
    StoreAreas heard;
    while (heard.none() && timer.elapsed() < ms) {
        heard = probe.poll();
        if (heard.none())
            QTest::qWait(20);
    }
    return heard;
}

void TestTeamLive::anotherSessionsCommitIsHeardByArea()
{
    auto console = baton::store::openStore(m_uri.toStdString());
    auto other = baton::store::openStore(m_uri.toStdString());
    baton::store::ChangeProbe probe(console);
    QVERIFY(probe.poll().all()); // the first poll: everything, to load each view

    other.exec("INSERT INTO store_settings (key, value) VALUES ('untracked', 'x')");
    other.exec("INSERT INTO audit_log (seq, prev_hash, actor, role, os_user, action, object, "
               "before_hash, after_hash, detail, at, hash) VALUES (1, '', 'a', 'admin', 'a', "
               "'test', 'store', '', '', '{}', '2026-12-01T09:00:00Z', 'h')");
    QElapsedTimer timer;
    timer.start();
    const StoreAreas heard = heardWithin(probe, 1000);
    QVERIFY2(heard.test(baton::store::areaBit(StoreArea::Audit)),
             qPrintable(QString::fromStdString(heard.to_string())));
    QVERIFY(!heard.test(baton::store::areaBit(StoreArea::Briefs)));
    QVERIFY(!heard.test(baton::store::areaBit(StoreArea::Outbox)));
    QVERIFY(timer.elapsed() < 1000);
}

void TestTeamLive::nothingIsHeardWhenNothingChanged()
{
    auto console = baton::store::openStore(m_uri.toStdString());
    baton::store::ChangeProbe probe(console);
    probe.poll();
    QVERIFY(heardWithin(probe, 300).none());
}

void TestTeamLive::aRolledBackChangeIsNotHeard()
{
    auto console = baton::store::openStore(m_uri.toStdString());
    auto other = baton::store::openStore(m_uri.toStdString());
    baton::store::ChangeProbe probe(console);
    probe.poll();
    {
        baton::store::Transaction tx(other);
        other.exec("INSERT INTO audit_log (seq, prev_hash, actor, role, os_user, action, object, "
                   "before_hash, after_hash, detail, at, hash) VALUES (99, '', 'a', 'admin', 'a', "
                   "'test', 'store', '', '', '{}', '2026-12-01T09:00:00Z', 'h')");
    } // rolled back
    QVERIFY(heardWithin(probe, 300).none());
}

QTEST_GUILESS_MAIN(TestTeamLive)
#include "test_team_live.moc"
