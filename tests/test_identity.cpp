#include "TestStoreLocation.h"
#include "OsAccount.h"
#include "cli/Command.h"
#include "governance/AuditLog.h"
#include "store/OpenStore.h"

#include <QTemporaryDir>
#include <QTest>

// Who you are, on a local store: the OS account from the OS (never $USER), profiles bound to
// accounts by an admin, the first profile bound to the store's creator, acting as a profile
// bound to someone else refused (exit 3) and audited. A demo store lets anyone be anyone
// and says so.
class TestIdentity : public QObject
{
    Q_OBJECT

    struct Run
    {
        int code = 0;
        QString out, err;
    };

    QTemporaryDir m_dir;
    const QString m_me = QString::fromStdString(baton::app::osAccount());

    // The file, or its own database on PostgreSQL (TestStoreLocation.h).
    QString store() const
    {
        return QString::fromStdString(
            testStoreLocation(m_dir.filePath(QStringLiteral("team.sqlite")).toStdString()));
    }

    Run baton(QStringList arguments)
    {
        Run r;
        QTextStream out(&r.out), err(&r.err);
        arguments = QStringList{QStringLiteral("--now"), QStringLiteral("2026-11-20T12:00:00Z"),
                                QStringLiteral("--store"), store()} +
                    arguments;
        r.code = baton::app::runCommandLine(arguments, out, err, nullptr);
        out.flush();
        err.flush();
        return r;
    }

    std::vector<baton::governance::AuditEntry> audit(const std::string &action)
    {
        auto db = baton::store::openStore(testStoreLocation(store().toStdString()));
        baton::governance::AuditFilter f;
        f.action = action;
        return baton::governance::AuditLog(db).list(f);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!m_me.isEmpty());
        qputenv("USER", "mallory"); // what anyone can set: never who you are
    }

    void theFirstProfileIsTheCreators()
    {
        QCOMPARE(baton({QStringLiteral("users"), QStringLiteral("add"),
                        QStringLiteral("rex@team.example"), QStringLiteral("--name"),
                        QStringLiteral("Rex Rep"), QStringLiteral("--role"), QStringLiteral("rep")})
                     .code,
                 2); // nobody could ever bind anyone else
        const Run first = baton({QStringLiteral("users"), QStringLiteral("add"),
                                 QStringLiteral("ada@team.example"), QStringLiteral("--name"),
                                 QStringLiteral("Ada Admin"), QStringLiteral("--role"),
                                 QStringLiteral("admin")});
        QVERIFY2(first.code == 0, qPrintable(first.err));
        QVERIFY2(first.out.contains(QStringLiteral("bound to you (") + m_me + ")"),
                 qPrintable(first.out));
        // The second needs an admin.
        const QStringList rob = {QStringLiteral("users"),  QStringLiteral("add"),
                                 QStringLiteral("rob@team.example"), QStringLiteral("--name"),
                                 QStringLiteral("Rob Rep"), QStringLiteral("--role"),
                                 QStringLiteral("rep")};
        QCOMPARE(baton(rob).code, 3);
        const Run added = baton(rob + QStringList{QStringLiteral("--as"), QStringLiteral("Ada Admin")});
        QVERIFY2(added.code == 0, qPrintable(added.err));
        const Run stats = baton({QStringLiteral("stats")});
        QVERIFY2(stats.out.contains(QStringLiteral("kind: local")), qPrintable(stats.out));
    }

    void actingAsAnUnboundProfileIsRefusedAndAudited()
    {
        const Run r = baton({QStringLiteral("review"), QStringLiteral("comment"),
                             QStringLiteral("1"), QStringLiteral("--note"), QStringLiteral("hi"),
                             QStringLiteral("--as"), QStringLiteral("rob@team.example")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("may not act as rob@team.example")) &&
                     r.err.contains(QStringLiteral("bound to no OS account")),
                 qPrintable(r.err));
        const auto refused = audit("act_as_refused");
        QCOMPARE(refused.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(refused[0].osUser), m_me); // not $USER
        QCOMPARE(refused[0].actor, std::string("rob@team.example"));
    }

    void onlyAnAdminBindsAndABindingIsAudited()
    {
        const QStringList bind = {QStringLiteral("users"), QStringLiteral("bind"),
                                  QStringLiteral("rob@team.example"), QStringLiteral("--os-account"),
                                  QStringLiteral("rob")};
        const Run byRep = baton(bind + QStringList{QStringLiteral("--as"), QStringLiteral("rob@team.example")});
        QCOMPARE(byRep.code, 3);
        const Run byAdmin = baton(bind + QStringList{QStringLiteral("--as"), QStringLiteral("ada@team.example")});
        QVERIFY2(byAdmin.code == 0, qPrintable(byAdmin.err));
        const auto bound = audit("bind_user");
        QVERIFY(!bound.empty());
        QCOMPARE(bound[0].object, std::string("user#rob@team.example"));
        QVERIFY(bound[0].detail.find("\"os_account\":\"rob\"") != std::string::npos);
        // Bound to rob: still not to whoever runs this test.
        const Run r = baton({QStringLiteral("review"), QStringLiteral("comment"),
                             QStringLiteral("1"), QStringLiteral("--note"), QStringLiteral("hi"),
                             QStringLiteral("--as"), QStringLiteral("rob@team.example")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("bound to the OS account rob, not ") + m_me),
                 qPrintable(r.err));
        const Run list = baton({QStringLiteral("users"), QStringLiteral("list")});
        QVERIFY2(list.out.contains(QStringLiteral("os account: rob")) &&
                     list.out.contains(QStringLiteral("os account: ") + m_me + " (you)"),
                 qPrintable(list.out));
    }

    // A demo store lets anyone be anyone: a team's store is never made one.
    void aTeamsStoreIsNeverMadeADemo()
    {
        const Run demo = baton({QStringLiteral("demo"), QStringLiteral("--leads"),
                                QStringLiteral("20")});
        QCOMPARE(demo.code, 2);
        QVERIFY2(demo.err.contains(QStringLiteral("has profiles of its own")), qPrintable(demo.err));
        QVERIFY(baton({QStringLiteral("stats")}).out.contains(QStringLiteral("kind: local")));
    }

    void aDemoStoreLetsAnyoneBeAnyDemoProfile()
    {
        const QString demo = QString::fromStdString(
            testStoreLocation(m_dir.filePath(QStringLiteral("demo.sqlite")).toStdString()));
        QTextStream out(stdout), err(stderr);
        QCOMPARE(baton::app::runCommandLine({QStringLiteral("--now"), QStringLiteral("2026-11-20T12:00:00Z"),
                                             QStringLiteral("--store"), demo, QStringLiteral("demo"),
                                             // beside the test's store on either engine
                                             QStringLiteral("--dir"), m_dir.filePath(QStringLiteral("demo-data")),
                                             QStringLiteral("--leads"), QStringLiteral("30"),
                                             QStringLiteral("--days"), QStringLiteral("0")},
                                            out, err, nullptr),
                 0);
        QString text;
        QTextStream capture(&text);
        baton::app::runCommandLine({QStringLiteral("--store"), demo, QStringLiteral("stats")},
                                   capture, capture, nullptr);
        capture.flush();
        QVERIFY2(text.contains(QStringLiteral("kind: demo")), qPrintable(text));
        QCOMPARE(baton::app::runCommandLine({QStringLiteral("--now"),
                                             QStringLiteral("2026-11-20T12:00:00Z"),
                                             QStringLiteral("--store"), demo, QStringLiteral("run")},
                                            out, err, nullptr),
                 0);
        std::int64_t brief = 0;
        {
            auto db = baton::store::openStore(testStoreLocation(demo.toStdString()));
            auto st = db.prepare("SELECT min(id) FROM briefs");
            QVERIFY(st.step());
            brief = st.int64At(0);
        }
        QVERIFY(brief > 0);
        QString said;
        QTextStream h(&said);
        // Whoever runs this, as a demo manager and as a demo rep: both allowed here.
        for (const char *who : {"Dana Okoro", "Lena Fischer"}) {
            const int code = baton::app::runCommandLine(
                {QStringLiteral("--store"), demo, QStringLiteral("review"),
                 QStringLiteral("comment"), QString::number(brief), QStringLiteral("--note"),
                 QStringLiteral("x"), QStringLiteral("--as"), QLatin1String(who)},
                h, h, nullptr);
            h.flush();
            QVERIFY2(code == 0 || (code == 3 && said.contains(QStringLiteral("only their own"))),
                     qPrintable(said));
            QVERIFY2(!said.contains(QStringLiteral("may not act")), qPrintable(said));
        }
    }
};

QTEST_GUILESS_MAIN(TestIdentity)
#include "test_identity.moc"
