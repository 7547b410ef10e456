// The throwaway PostgreSQL cluster of the test run (tests/support/pg_cluster.sh, the CTest
// fixture "postgres") answers at the URI in BATON_TEST_PG. Without it (the SQLite run), skipped.
#include <QProcess>
#include <QtTest>

class TestPgCluster : public QObject
{
    Q_OBJECT

private slots:
    void psqlAnswersAtTheUri();
};

void TestPgCluster::psqlAnswersAtTheUri()
{
    const QString uri = qEnvironmentVariable("BATON_TEST_PG");
    if (uri.isEmpty())
        QSKIP("BATON_TEST_PG is not set: no PostgreSQL cluster in this run");
    QProcess psql;
    psql.start(QStringLiteral("psql"), {uri, QStringLiteral("-Atc"), QStringLiteral("select 1")});
    QVERIFY2(psql.waitForFinished(30000), qPrintable(psql.errorString()));
    QCOMPARE(psql.exitStatus(), QProcess::NormalExit);
    QVERIFY2(psql.exitCode() == 0, psql.readAllStandardError().constData());
    QCOMPARE(QString::fromUtf8(psql.readAllStandardOutput()).trimmed(), QStringLiteral("1"));
}

QTEST_GUILESS_MAIN(TestPgCluster)
#include "test_pg_cluster.moc"
