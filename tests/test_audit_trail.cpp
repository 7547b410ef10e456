#include "TestStoreLocation.h"
#include "cli/Command.h"
#include "sandbox/CrmSandbox.h"
#include "store/OpenStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Every change is on the record: imports, a run with its own policy, a fitted model, pushes,
// targets, secrets and bindings each leave an audit row; `audit verify` notices a review
// table or a brief changed behind Baton's back, and with the head kept elsewhere, newest rows
// removed.
class TestAuditTrail : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = 0;
        QString out, err;
    };

    QTemporaryDir m_dir;
    // The file, or its own database on PostgreSQL (TestStoreLocation.h).
    QString store() const
    {
        return QString::fromStdString(
            testStoreLocation(m_dir.filePath(QStringLiteral("audit.sqlite")).toStdString()));
    }

    Run baton(QStringList arguments)
    {
        Run r;
        QTextStream out(&r.out), err(&r.err);
        r.code = baton::app::runCommandLine(QStringList{QStringLiteral("--now"),
                                                        QStringLiteral("2026-11-20T12:00:00Z"),
                                                        QStringLiteral("--store"), store()} +
                                                arguments,
                                            out, err, nullptr);
        out.flush();
        err.flush();
        return r;
    }

    // The audit rows of one action, as `audit list` prints them.
    QString listed(const QString &action)
    {
        return baton({QStringLiteral("audit"), QStringLiteral("list"), QStringLiteral("--action"),
                      action, QStringLiteral("--limit"), QStringLiteral("1000"),
                      QStringLiteral("--as"), QStringLiteral("Alex Kim")})
            .out;
    }

    void exec(const std::string &sql)
    {
        auto db = baton::store::openStore(testStoreLocation(store().toStdString()));
        db.exec(sql);
    }

    Run verify(const QStringList &extra = {})
    {
        return baton(QStringList{QStringLiteral("audit"), QStringLiteral("verify"),
                                 QStringLiteral("--as"), QStringLiteral("Alex Kim")} +
                     extra);
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("config")).toUtf8());
        const Run demo = baton({QStringLiteral("demo"), QStringLiteral("--dir"),
                                m_dir.filePath(QStringLiteral("demo-data")), QStringLiteral("--leads"),
                                QStringLiteral("80"), QStringLiteral("--seed"), QStringLiteral("4"),
                                QStringLiteral("--days"), QStringLiteral("0")});
        QVERIFY2(demo.code == 0, qPrintable(demo.err));
    }

    void importsAreOnTheRecord()
    {
        const QString imports = listed(QStringLiteral("import"));
        QCOMPARE(imports.count(QStringLiteral(" import batch#")), 5); // the demo's five files
        QVERIFY2(imports.contains(QStringLiteral("\"sha256\":\"")) &&
                     imports.contains(QStringLiteral("\"via\":\"demo\"")),
                 qPrintable(imports));
    }

    void aRunWithItsOwnPolicyIsOnTheRecord()
    {
        QVERIFY(baton({QStringLiteral("run")}).code == 0);
        QVERIFY(listed(QStringLiteral("run_with_policy")).isEmpty()); // the built-in policy
        QFile source(QStringLiteral(BATON_SOURCE_DIR "/resources/policy/default.json"));
        QVERIFY(source.open(QIODevice::ReadOnly));
        auto policy = QJsonDocument::fromJson(source.readAll()).object();
        auto scoring = policy[QStringLiteral("scoring")].toObject();
        scoring[QStringLiteral("qualify_threshold")] =
            scoring[QStringLiteral("qualify_threshold")].toDouble() - 5;
        policy[QStringLiteral("scoring")] = scoring;
        QFile file(m_dir.filePath(QStringLiteral("lenient.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(policy).toJson());
        file.close();
        const Run run = baton({QStringLiteral("run"), QStringLiteral("--policy"), file.fileName()});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        const QString rows = listed(QStringLiteral("run_with_policy"));
        QVERIFY2(rows.contains(QStringLiteral("\"policy_sha256\":\"")) &&
                     rows.contains(QStringLiteral("lenient.json")),
                 qPrintable(rows));
    }

    void pushesSecretsAndTargetsAreOnTheRecord()
    {
        QVERIFY(baton({QStringLiteral("outbox"), QStringLiteral("enable"), QStringLiteral("jsonl"),
                       QStringLiteral("--as"), QStringLiteral("Priya Natarajan")})
                    .code == 0);
        const Run push = baton({QStringLiteral("push"), QStringLiteral("--target"),
                                QStringLiteral("jsonl"), QStringLiteral("--file"),
                                m_dir.filePath(QStringLiteral("briefs.jsonl"))});
        QVERIFY2(push.code == 0, qPrintable(push.err));
        const QString pushes = listed(QStringLiteral("push"));
        QVERIFY2(pushes.contains(QStringLiteral("target:jsonl")) &&
                     pushes.contains(QStringLiteral("briefs.jsonl")),
                 qPrintable(pushes));
        QVERIFY(!listed(QStringLiteral("target_enable")).isEmpty());
    }

    // A credential set or deleted: its name on the record, never its value.
    void secretsAreOnTheRecordByNameOnly()
    {
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
        child.setProcessEnvironment(env);
        child.start(QStringLiteral(BATON_EXECUTABLE),
                    {QStringLiteral("--store"), store(), QStringLiteral("secret"),
                     QStringLiteral("set"), QStringLiteral("webhook-secret"), QStringLiteral("--file")});
        QVERIFY(child.waitForStarted());
        child.write("s3cret-value\n");
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(30000));
        QCOMPARE(child.exitCode(), 0);
        const QString rows = listed(QStringLiteral("secret_set"));
        QVERIFY2(rows.contains(QStringLiteral("secret:webhook-secret")), qPrintable(rows));
        if (onPostgres()) {
            // No file to read: the database's whole content, as pg_dump writes it.
            QProcess dump;
            dump.start(QStringLiteral("pg_dump"), {store()});
            QVERIFY(dump.waitForFinished(60000));
            QCOMPARE(dump.exitCode(), 0);
            const QByteArray all = dump.readAllStandardOutput();
            QVERIFY(all.contains("secret:webhook-secret"));
            QVERIFY(!all.contains("s3cret-value"));
            return;
        }
        exec("PRAGMA wal_checkpoint(TRUNCATE)"); // everything written, in the one file
        QFile file(store());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("s3cret-value"));
    }

    void reviewTablesChangedBehindBatonsBackAreNamed()
    {
        QCOMPARE(verify().code, 0);
        // A brief approved by a direct UPDATE: no entry says so.
        auto db = baton::store::openStore(testStoreLocation(store().toStdString()));
        auto st = db.prepare("SELECT id FROM briefs WHERE status = 'pending_review' LIMIT 1");
        QVERIFY(st.step());
        const std::string brief = std::to_string(st.int64At(0));
        st.reset();
        db.exec("UPDATE briefs SET status = 'approved' WHERE id = " + brief);
        Run r = verify();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("brief #") + QString::fromStdString(brief)),
                 qPrintable(r.out));
        db.exec("UPDATE briefs SET status = 'pending_review' WHERE id = " + brief);
        QCOMPARE(verify().code, 0);

        // A review action rewritten: the row is named.
        const Run approve = baton({QStringLiteral("review"), QStringLiteral("approve"),
                                   QString::fromStdString(brief), QStringLiteral("--as"),
                                   QStringLiteral("Dana Okoro")});
        QVERIFY2(approve.code == 0, qPrintable(approve.err));
        QCOMPARE(verify().code, 0);
        db.exec("UPDATE review_actions SET actor = 'mallory@baton.example' WHERE id = (SELECT "
                "max(id) FROM review_actions)");
        r = verify();
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QStringLiteral("review action #")) &&
                     r.out.contains(QStringLiteral("altered")),
                 qPrintable(r.out));
        db.exec("UPDATE review_actions SET actor = 'dana.okoro@baton.example' WHERE id = (SELECT "
                "max(id) FROM review_actions)");
        // An edit's text changed behind its back.
        db.exec("UPDATE briefs SET edited = '{}' WHERE id = " + brief);
        QCOMPARE(verify().code, 1);
        db.exec("UPDATE briefs SET edited = NULL WHERE id = " + brief);
        QCOMPARE(verify().code, 0);
    }

    void removedNewestRowsAreCaughtWithTheHeadKeptElsewhere()
    {
        const Run head = baton({QStringLiteral("audit"), QStringLiteral("head"),
                                QStringLiteral("--as"), QStringLiteral("Alex Kim")});
        QCOMPARE(head.code, 0);
        const QString kept = head.out.trimmed();
        QVERIFY2(kept.contains(QLatin1Char(':')) && kept.size() >= 66, qPrintable(kept));
        QCOMPARE(verify({QStringLiteral("--expect-head"), kept}).code, 0);
        // The newest rows go: the chain that is left still links up...
        exec("DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)");
        // (the review check would notice the missing approval; take its action out as well)
        exec("DELETE FROM review_actions WHERE id NOT IN (SELECT CAST(json_extract(detail, "
             "'$.review_action') AS BIGINT) FROM audit_log WHERE json_extract(detail, '$.review_action') "
             "IS NOT NULL)");
        exec("UPDATE briefs SET status = 'pending_review', version = 1 WHERE id NOT IN (SELECT "
             "CAST(substr(object, 7) AS INTEGER) FROM audit_log WHERE object LIKE 'brief#%') AND "
             "status IN ('approved', 'queued', 'pushed', 'push_failed')");
        const Run plain = verify();
        QVERIFY2(plain.code == 0, qPrintable(plain.out));
        // ...but not the head kept elsewhere.
        const Run checked = verify({QStringLiteral("--expect-head"), kept});
        QCOMPARE(checked.code, 1);
        QVERIFY2(checked.out.contains(QStringLiteral("not the one kept elsewhere")),
                 qPrintable(checked.out));
    }
};

QTEST_GUILESS_MAIN(TestAuditTrail)
#include "test_audit_trail.moc"
