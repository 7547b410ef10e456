#include "DemoStore.h"
#include "agents/Policy.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "ingest/Importer.h"
#include "pipeline/Orchestrator.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/OpenStore.h"
#include "util/Time.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <set>
#include <tuple>

using namespace baton;

// `baton run` killed with SIGKILL at several moments, then finished by the next run: the
// briefs are exactly those of one uninterrupted run at the same as-of time.
class TestRunCrashResume : public QObject
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

private slots:
    void initTestCase()
    {
        m_template = m_dir.filePath("template.sqlite");
        buildDemoStore(m_template.toStdString(), m_dir.filePath("demo").toStdString(), 8000, 21,
                       *util::parseRfc3339("2026-11-16T12:00:00Z"));
    }

    void killedRunsFinishExactly_data()
    {
        QTest::addColumn<int>("killAfterMs");
        for (int ms : {30, 150, 400, 800, 1300})
            QTest::newRow(qPrintable(QStringLiteral("%1 ms").arg(ms))) << ms;
    }

    void killedRunsFinishExactly()
    {
        QFETCH(int, killAfterMs);
        const std::string path = copy(QStringLiteral("killed.sqlite"));
        QProcess child;
        child.start(
            QStringLiteral(BATON_EXECUTABLE),
            {QStringLiteral("--store"), QString::fromStdString(path), QStringLiteral("run")});
        QVERIFY(child.waitForStarted());
        QTest::qWait(killAfterMs);
        if (child.state() != QProcess::NotRunning)
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        // waitForFinished() is false for a child that already finished on its own.
        QVERIFY(child.state() == QProcess::NotRunning || child.waitForFinished(30000));

        auto db = store::openStore(testStoreLocation(path));
        // Finish whatever the child left, at the as-of time it chose (or now, if it died
        // before writing its run).
        util::TimePoint asOf = std::chrono::system_clock::now();
        {
            auto st = db.prepare("SELECT as_of FROM pipeline_runs ORDER BY id DESC LIMIT 1");
            if (st.step())
                asOf = *util::parseRfc3339(st.textAt(0));
        }
        const FixedClock clock(asOf);
        RandomIdGenerator ids(5);
        const auto finished = pipeline::Orchestrator(db, m_registry, m_policy, clock, ids).run({});
        QCOMPARE(finished.failed, 0);
        qInfo("killed after %d ms: %s", killAfterMs,
              finished.resumed ? "resumed the interrupted run"
                               : "nothing to resume (killed before or after it)");
        {
            auto st = db.prepare("SELECT count(*) FROM pipeline_runs WHERE status <> 'done'");
            QVERIFY(st.step());
            QCOMPARE(st.int64At(0), 0);
        }

        auto reference = store::openStore(testStoreLocation(copy(QStringLiteral("reference.sqlite"))));
        pipeline::Orchestrator(reference, m_registry, m_policy, clock, ids).run({});
        const BriefDecisions got = briefDecisions(db), expected = briefDecisions(reference);
        QCOMPARE(got.size(), expected.size());
        QVERIFY(got == expected);
        auto count = db.prepare("SELECT count(*) FROM briefs");
        QVERIFY(count.step());
        QCOMPARE(count.int64At(0), static_cast<qint64>(expected.size())); // none twice
    }
};

QTEST_GUILESS_MAIN(TestRunCrashResume)
#include "test_run_crash_resume.moc"
