#include "TestStoreLocation.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "ports/Clock.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

// `baton import` killed with SIGKILL at several moments: the store reopens (quick_check
// passes), the cut batch is marked interrupted, and importing the file again ends with
// exactly the events of one uninterrupted import: none missing, none twice.
class TestCrashResume : public QObject
{
    Q_OBJECT

    static qint64 count(baton::store::Database &db, const char *sql)
    {
        auto st = db.prepare(sql);
        return st.step() ? st.int64At(0) : -1;
    }

private slots:
    void killedImportsResumeExactly_data()
    {
        QTest::addColumn<int>("killAfterMs");
        QTest::newRow("at start") << 40;
        QTest::newRow("early") << 250;
        QTest::newRow("midway") << 700;
        QTest::newRow("late") << 1300;
    }

    void killedImportsResumeExactly()
    {
        QFETCH(int, killAfterMs);
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("activities.csv"));
        const QString store = dir.filePath(QStringLiteral("store.sqlite"));
        constexpr qint64 kEvents = 400000;
        baton::demo::writeMarketoActivities(file.toStdString(), kEvents, 11,
                                            *baton::util::parseRfc3339("2026-11-20T12:00:00Z"));

        QProcess child;
        child.start(QStringLiteral(BATON_EXECUTABLE), {QStringLiteral("--store"), store,
                                                       QStringLiteral("import"), file});
        QVERIFY(child.waitForStarted());
        QTest::qWait(killAfterMs);
        const bool finishedAlready = child.state() == QProcess::NotRunning;
        if (!finishedAlready)
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        // waitForFinished() is false for a child that already finished on its own.
        QVERIFY(child.state() == QProcess::NotRunning || child.waitForFinished(30000));

        auto db = baton::store::openStore(testStoreLocation(store.toStdString())); // runs quick_check
        const qint64 partial = count(db, "SELECT count(*) FROM events");
        QVERIFY(partial >= 0 && partial <= kEvents);

        const baton::SystemClock clock;
        const auto registry = baton::contracts::ContractRegistry::builtIn();
        baton::ingest::Importer importer(db, registry, clock);
        const auto result = importer.importFile(file.toStdString());
        if (finishedAlready) {
            QVERIFY(result.sameAsBatch.has_value());
        } else {
            QVERIFY2(!result.failed, result.error.c_str());
            QCOMPARE(result.counts.read, kEvents);
            QCOMPARE(result.counts.inserted + result.counts.unchanged, kEvents);
            QCOMPARE(result.counts.unchanged, partial); // what the killed run had committed
            // Killed before its batch row was written (still hashing) leaves no trace at all.
            const qint64 interrupted = count(db, "SELECT count(*) FROM ingest_batches WHERE status = 'interrupted'");
            QVERIFY(interrupted <= 1);
            if (partial > 0)
                QCOMPARE(interrupted, 1);
        }
        QCOMPARE(count(db, "SELECT count(*) FROM events"), kEvents);
        QCOMPARE(count(db, "SELECT count(DISTINCT source_id) FROM events"), kEvents);
        QCOMPARE(count(db, "SELECT count(*) FROM ingest_batches WHERE status = 'done'"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM quarantine"), 0);
    }
};

QTEST_GUILESS_MAIN(TestCrashResume)
#include "test_crash_resume.moc"
