#include "DemoStore.h"
#include "ProgramRun.h"
#include "agents/Policy.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunChunks.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/OpenStore.h"
#include "store/ServerClock.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "util/Time.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>

using namespace baton;
using pipeline::ClaimedChunk;
using pipeline::RunChunks;

// One run shared by several `baton run` processes: its chunks claimed under leases, a killed
// worker's chunks taken over, a silent worker's elsewhere only once its lease is up; the
// briefs exactly those one process makes.
class TestSharedRun : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_template;
    const contracts::ContractRegistry m_registry = contracts::ContractRegistry::builtIn();
    const agents::Policy m_policy = agents::defaultPolicy(m_registry);

    std::string copy(const QString &name)
    {
        return copyStore(m_template.toStdString(), m_dir.filePath(name).toStdString());
    }

    static QProcess *startRun(const std::string &store, QStringList extra = {})
    {
        auto *p = new QProcess;
        p->start(QStringLiteral(BATON_EXECUTABLE),
                 QStringList{QStringLiteral("--now"), QStringLiteral("2026-11-17T09:00:00Z"),
                             QStringLiteral("--store"), QString::fromStdString(store),
                             QStringLiteral("run"), QStringLiteral("--threads"),
                             QStringLiteral("1"), QStringLiteral("--chunk"), QStringLiteral("40")} +
                     extra);
        return p;
    }

    // The briefs one process makes at the run's as-of time, on a fresh copy.
    BriefDecisions reference(store::Database &db)
    {
        auto st = db.prepare("SELECT as_of FROM pipeline_runs ORDER BY id DESC LIMIT 1");
        if (!st.step())
            return {};
        const auto asOf = *util::parseRfc3339(st.textAt(0));
        auto fresh = store::openStore(testStoreLocation(copy(QStringLiteral("reference.sqlite"))));
        const FixedClock clock(asOf);
        RandomIdGenerator ids(3);
        pipeline::Orchestrator(fresh, m_registry, m_policy, clock, ids).run({});
        return briefDecisions(fresh);
    }

    void checkOneExactRun(store::Database &db)
    {
        QCOMPARE(scalar(db, "SELECT count(*) FROM pipeline_runs"), 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM pipeline_runs WHERE status = 'done'"), 1);
        QCOMPARE(scalar(db, "SELECT count(*) FROM run_chunks WHERE done = 0"), 0);
        const auto expected = reference(db);
        const auto got = briefDecisions(db);
        QVERIFY(!expected.empty());
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got == expected);
        QCOMPARE(scalar(db, "SELECT count(*) FROM briefs"),
                 static_cast<std::int64_t>(expected.size())); // none twice
    }

    // Stops `p` (SIGSTOP) once its run has `n` chunks done: it holds its leases, as a worker
    // does that is slow or cut off. False when the run finished first.
    static bool stopAfterChunks(store::Database &db, QProcess &p, int n)
    {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (scalar(db, "SELECT count(*) FROM run_chunks WHERE done = 1") < n) {
            if (p.state() == QProcess::NotRunning || std::chrono::steady_clock::now() > deadline)
                return false;
            QThread::usleep(500);
        }
        ::kill(static_cast<pid_t>(p.processId()), SIGSTOP);
        // On SQLite, stopped inside its writer's transaction it would hold the store's one
        // write lock, which no process of a real team holds for long: let it finish that.
        if (db.engine() == store::Engine::Sqlite) {
            auto probe = store::Database::open(
                db.path(),
                {.readOnly = false, .create = false, .busyTimeoutMs = 0, .quickCheck = false});
            for (int tries = 0;; ++tries) {
                try {
                    probe.exec("BEGIN IMMEDIATE");
                    probe.exec("ROLLBACK");
                    break;
                } catch (const store::StoreError &) {
                    if (tries > 1000)
                        return false;
                    ::kill(static_cast<pid_t>(p.processId()), SIGCONT);
                    QThread::usleep(300);
                    ::kill(static_cast<pid_t>(p.processId()), SIGSTOP);
                }
            }
        }
        return scalar(db, "SELECT count(*) FROM run_chunks WHERE done = 0") > 0;
    }

    static void killStopped(QProcess &p)
    {
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        QVERIFY(p.waitForFinished(30000));
    }

    static std::int64_t evaluatedBy(const QString &out, std::int64_t all)
    {
        const auto m =
            QRegularExpression(QStringLiteral("this worker evaluated (\\d+)")).match(out);
        return m.hasMatch() ? m.captured(1).toLongLong() : all;
    }

private slots:
    void initTestCase()
    {
        m_template = m_dir.filePath("template.sqlite");
        buildDemoStore(m_template.toStdString(), m_dir.filePath("demo").toStdString(), 3000, 33,
                       *util::parseRfc3339("2026-11-16T12:00:00Z"));
    }

    void workersClaimDisjointChunksUnderLeases()
    {
        auto db = store::openStore(testStoreLocation(copy(QStringLiteral("chunks.sqlite"))));
        db.exec("INSERT INTO pipeline_runs (id, trigger, as_of, config_hash, policy_sha256, "
                "agent_versions, status, started_at) VALUES ('r1', 'test', "
                "'2026-11-16T12:00:00Z', 'h', 'p', '{}', 'running', '2026-11-16T12:00:00Z')");
        const std::string elsewhere = "elsewhere.example/4242/a";
        RunChunks mine(db, "r1", RunChunks::workerName("me"), std::chrono::minutes(1));
        RunChunks theirs(db, "r1", elsewhere, std::chrono::milliseconds(300));
        {
            store::Transaction tx(db);
            mine.create({1, 2, 3, 5, 8, 13, 21}, 3);
            tx.commit();
        }
        QVERIFY(mine.hasChunks());
        QCOMPARE(mine.openCount(), 3);
        ClaimedChunk a, b, c, d;
        QCOMPARE(theirs.claimNext(a), RunChunks::Next::Claimed);
        QCOMPARE(a.seq, 0);
        QCOMPARE(a.firstLead, 1);
        QCOMPARE(a.lastLead, 3);
        QCOMPARE(mine.claimNext(b), RunChunks::Next::Claimed);
        QCOMPARE(b.seq, 1); // not the other worker's
        QCOMPARE(b.lastLead, 13);
        QCOMPARE(mine.claimNext(c), RunChunks::Next::Claimed);
        QCOMPARE(c.seq, 2);
        QCOMPARE(c.firstLead, 21);
        QVERIFY(mine.othersAtWork());
        QCOMPARE(mine.claimNext(d), RunChunks::Next::Wait); // chunk 0 is theirs, and live
        QTest::qWait(400);                                  // ...until its lease is up
        QVERIFY(!mine.othersAtWork());
        QCOMPARE(mine.claimNext(d), RunChunks::Next::Claimed);
        QCOMPARE(d.seq, 0);
        {
            store::Transaction tx(db);
            QVERIFY(!theirs.complete(0)); // taken over: the late worker's writes roll back
        }
        {
            store::Transaction tx(db);
            QVERIFY(mine.complete(0));
            QVERIFY(mine.complete(1));
            tx.commit();
        }
        QCOMPARE(mine.openCount(), 1);
        mine.release();
        QCOMPARE(theirs.claimNext(a), RunChunks::Next::Claimed);
        QCOMPARE(a.seq, 2);
        QCOMPARE(mine.claimNext(d), RunChunks::Next::Wait);
        {
            store::Transaction tx(db);
            QVERIFY(theirs.complete(2));
            tx.commit();
        }
        QCOMPARE(mine.claimNext(d), RunChunks::Next::NoneLeft);
    }

    // Another writer holding a SQLite store's write lock past the claim's busy timeout (a long
    // chunk written under valgrind, a slow disk) makes the claim wait, not give the run up.
    void aClaimWaitsWhileAnotherWriterHoldsTheStore()
    {
        if (onPostgres())
            QSKIP("a SQLite store's one write lock; on PostgreSQL claims skip locked rows");
        const std::string store = copy(QStringLiteral("busy.sqlite"));
        auto db = store::openStore(testStoreLocation(store));
        db.exec("INSERT INTO pipeline_runs (id, trigger, as_of, config_hash, policy_sha256, "
                "agent_versions, status, started_at) VALUES ('r1', 'test', "
                "'2026-11-16T12:00:00Z', 'h', 'p', '{}', 'running', '2026-11-16T12:00:00Z')");
        {
            store::Transaction tx(db);
            RunChunks(db, "r1", "writer", std::chrono::minutes(1)).create({1, 2, 3, 4}, 2);
            tx.commit();
        }
        auto claiming = store::Database::open(
            db.path(),
            {.readOnly = false, .create = false, .busyTimeoutMs = 20, .quickCheck = false});
        RunChunks claims(claiming, "r1", RunChunks::workerName("claims"), std::chrono::minutes(1));
        ClaimedChunk chunk;
        db.exec("BEGIN IMMEDIATE");
        QCOMPARE(claims.claimNext(chunk), RunChunks::Next::Wait);
        QCOMPARE(claims.claimNext(chunk), RunChunks::Next::Wait);
        db.exec("ROLLBACK");
        QCOMPARE(claims.claimNext(chunk), RunChunks::Next::Claimed);
        QCOMPARE(chunk.seq, 0);
        QCOMPARE(claims.openCount(), 2);
    }

    void twoProcessesShareOneRun()
    {
        const std::string store = copy(QStringLiteral("two.sqlite"));
        std::unique_ptr<QProcess> first(startRun(store)), second(startRun(store));
        QVERIFY(first->waitForFinished(300000));
        QVERIFY(second->waitForFinished(300000));
        const QString out1 = QString::fromUtf8(first->readAllStandardOutput());
        const QString out2 = QString::fromUtf8(second->readAllStandardOutput());
        QCOMPARE(first->exitCode(), 0);
        QCOMPARE(second->exitCode(), 0);
        auto db = store::openStore(store);
        checkOneExactRun(db);
        // Every lead evaluated once, by one of them.
        const auto total = scalar(db, "SELECT leads_total FROM pipeline_runs");
        QCOMPARE(evaluatedBy(out1, total) + evaluatedBy(out2, total), total);
        qInfo("%s\n%s", qPrintable(out1.trimmed()), qPrintable(out2.trimmed()));
    }

    // The survivor joins the run, works beside the stopped worker, waits for the chunks that
    // one holds and takes them over once it is killed.
    void aKilledWorkersChunksAreTakenOver()
    {
        const std::string store = copy(QStringLiteral("killed.sqlite"));
        auto db = store::openStore(store);
        std::unique_ptr<QProcess> doomed(startRun(store));
        QVERIFY(doomed->waitForStarted());
        QVERIFY(stopAfterChunks(db, *doomed, 1));
        std::unique_ptr<QProcess> survivor(startRun(store));
        // It does every free chunk, then waits on those the stopped worker holds.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
        while (scalar(db, "SELECT count(*) FROM run_chunks WHERE done = 0 AND (worker IS NULL OR "
                          "worker NOT LIKE '%/" +
                              std::to_string(doomed->processId()) + "/%')") > 0 &&
               std::chrono::steady_clock::now() < deadline)
            QTest::qWait(20);
        const auto held = scalar(db, "SELECT count(*) FROM run_chunks WHERE done = 0");
        QVERIFY(held > 0);
        QVERIFY(survivor->state() != QProcess::NotRunning);
        killStopped(*doomed);
        QVERIFY(survivor->waitForFinished(300000));
        QCOMPARE(survivor->exitCode(), 0);
        const QString out = QString::fromUtf8(survivor->readAllStandardOutput());
        QVERIFY2(out.startsWith("joined and finished run"), qPrintable(out));
        checkOneExactRun(db);
    }

    // A worker on another machine that went silent: its chunks wait out their lease on the
    // database's clock, then another takes them.
    void aSilentWorkersChunksWaitForItsLease()
    {
        const std::string store = copy(QStringLiteral("silent.sqlite"));
        auto db = store::openStore(store);
        {
            std::unique_ptr<QProcess> cutOff(startRun(store));
            QVERIFY(cutOff->waitForStarted());
            QVERIFY(stopAfterChunks(db, *cutOff, 2));
            killStopped(*cutOff);
        }
        const std::string now(store::serverMillisSql(db.engine()));
        db.exec("UPDATE run_chunks SET worker = 'elsewhere.example/4242/a', lease_until = " + now +
                " + 2500 WHERE done = 0 AND seq IN (SELECT seq FROM run_chunks WHERE done = 0 "
                "ORDER BY seq LIMIT 2)");
        const auto heldSeq = scalar(db, "SELECT min(seq) FROM run_chunks WHERE worker LIKE "
                                        "'elsewhere%'");
        QVERIFY(heldSeq >= 0);
        const auto leaseEnd =
            scalar(db, "SELECT lease_until FROM run_chunks WHERE seq = " + std::to_string(heldSeq));
        std::unique_ptr<QProcess> next(startRun(store));
        int looks = 0;
        while (next->state() != QProcess::NotRunning) {
            auto st = db.prepare("SELECT worker, ? - " + now + " FROM run_chunks WHERE seq = ?");
            st.bindAll(leaseEnd, heldSeq);
            QVERIFY(st.step());
            if (st.int64At(1) > 200) { // its lease still running: nobody took it
                QVERIFY2(
                    st.textAt(0) == "elsewhere.example/4242/a",
                    (st.textAt(0) + " with " + std::to_string(st.int64At(1)) + " ms left").c_str());
                ++looks;
            }
            st.reset();
            next->waitForFinished(100);
        }
        QVERIFY(looks > 0);
        QCOMPARE(next->exitCode(), 0);
        const QString out = QString::fromUtf8(next->readAllStandardOutput());
        QVERIFY2(out.startsWith("joined and finished run"), qPrintable(out));
        checkOneExactRun(db);
    }

    // The server drops every connection of the run mid-way (as a restart or a network cut
    // would): the run waits for it, carries on from its chunks and makes the same briefs.
    void aLostConnectionResumesTheRun()
    {
        if (!onPostgres())
            QSKIP("a team database's connection; a SQLite file has none to lose");
        const std::string store = copy(QStringLiteral("cut.sqlite"));
        auto db = store::openStore(store);
        std::unique_ptr<QProcess> cut(startRun(store));
        QVERIFY(cut->waitForStarted());
        QVERIFY(stopAfterChunks(db, *cut, 2));
        QVERIFY(scalar(db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                           "datname = current_database() AND pid <> pg_backend_pid()") >= 2);
        ::kill(static_cast<pid_t>(cut->processId()), SIGCONT);
        QVERIFY(cut->waitForFinished(300000));
        const QString err = QString::fromUtf8(cut->readAllStandardError());
        QCOMPARE(cut->exitCode(), 0);
        QVERIFY2(err.contains("connection was lost"), qPrintable(err));
        QVERIFY(QString::fromUtf8(cut->readAllStandardOutput()).contains("finished run"));
        checkOneExactRun(db);
    }

    void badWorkOptionsAreRefused()
    {
        const std::string store = copy(QStringLiteral("options.sqlite"));
        const auto r =
            runProgram(QStringLiteral(BATON_EXECUTABLE),
                       {QStringLiteral("--store"), QString::fromStdString(store),
                        QStringLiteral("run"), QStringLiteral("--chunk"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains("--chunk"));
    }
};

QTEST_GUILESS_MAIN(TestSharedRun)
#include "test_shared_run.moc"
