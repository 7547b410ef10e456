// Team mode: a team's PostgreSQL database knows who is connected and enforces what their
// role may read and change, whatever client they use. The database is set up as the README
// says (`baton demo`, `team init`, `team add-user`), then people connect as themselves with
// psql and with baton. Needs the run's throwaway cluster (BATON_TEST_PG); skipped without it.
#include "ProgramRun.h"

#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <QtTest>

namespace {

const QString kRep = QStringLiteral("sam.patel@baton.example");
const QString kOtherRep = QStringLiteral("lena.fischer@baton.example");
const QString kManager = QStringLiteral("dana.okoro@baton.example");
const QString kNow = QStringLiteral("2026-12-01T09:00:00Z");
// A login whose password the server checks (scram-sha-256); the others are trusted.
const QString kKeyed = QStringLiteral("noor.haddad@baton.example");

using Ran = ProgramRun;

Ran run(const QString &program, const QStringList &args)
{
    return runProgram(program, args, 180000);
}

} // namespace

class TestTeamMode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void aRepReadsOnlyTheirOwnBriefs();
    void aRepCannotChangeABriefBehindTheReviewPath();
    void aRepActsThroughBatonAsTheirLogin();
    void aManagerReadsEveryBrief();
    void aPasswordTheServerAsksForComesFromTheKeychain();
    void teamInitTriesAgainWhenTheServerBreaksADeadlock();
    void teamInitOnTwoDatabasesOfOneServerAtOnce();
    void twoAdminsAddTheSameLoginAtOnce();

private:
    // The database as `login` connects to it (the owner when empty).
    QString uri(const QString &login = {}) const;
    Ran baton(const QString &login, const QStringList &args) const;
    Ran psql(const QString &login, const QString &sql) const;
    QString scalar(const QString &login, const QString &sql) const;

    QUrl m_cluster;
    QString m_database;
};

QString TestTeamMode::uri(const QString &login) const
{
    QUrl url = m_cluster;
    url.setPath(QLatin1Char('/') + m_database);
    if (!login.isEmpty()) {
        QUrlQuery query(url);
        query.removeQueryItem(QStringLiteral("user"));
        query.addQueryItem(QStringLiteral("user"),
                           QString::fromLatin1(QUrl::toPercentEncoding(login)));
        url.setQuery(query);
    }
    return url.toString(QUrl::FullyEncoded);
}

Ran TestTeamMode::baton(const QString &login, const QStringList &args) const
{
    return run(QStringLiteral(BATON_EXECUTABLE),
               QStringList{QStringLiteral("--now"), kNow, QStringLiteral("--store"), uri(login)} +
                   args);
}

Ran TestTeamMode::psql(const QString &login, const QString &sql) const
{
    return run(QStringLiteral("psql"),
               {uri(login), QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"),
                QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-c"), sql});
}

QString TestTeamMode::scalar(const QString &login, const QString &sql) const
{
    const Ran r = psql(login, sql);
    return r.exitCode == 0 ? r.out : QStringLiteral("error: ") + r.err;
}

void TestTeamMode::initTestCase()
{
    const QString cluster = qEnvironmentVariable("BATON_TEST_PG");
    if (cluster.isEmpty())
        QSKIP("BATON_TEST_PG is not set: team mode needs this run's PostgreSQL cluster");
    m_cluster = QUrl(cluster);
    m_database = QStringLiteral("baton_team_%1").arg(QCoreApplication::applicationPid());
    const Ran created =
        run(QStringLiteral("psql"), {cluster, QStringLiteral("-Atc"),
                                     QStringLiteral("CREATE DATABASE %1").arg(m_database)});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));

    const Ran demo =
        baton({}, {QStringLiteral("demo"), QStringLiteral("--leads"), QStringLiteral("400"),
                   QStringLiteral("--days"), QStringLiteral("3")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const Ran init = baton({}, {QStringLiteral("team"), QStringLiteral("init")});
    QVERIFY2(init.exitCode == 0, qPrintable(init.err));
    for (const auto &[who, role] :
         {std::pair{kRep, QStringLiteral("rep")}, std::pair{kOtherRep, QStringLiteral("rep")},
          std::pair{kManager, QStringLiteral("manager")}}) {
        const Ran added = baton({}, {QStringLiteral("team"), QStringLiteral("add-user"), who,
                                     QStringLiteral("--role"), role});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }
    // The demo routes briefs to both reps: the rules below have something to refuse.
    QVERIFY(
        scalar({}, QStringLiteral("SELECT count(*) FROM briefs WHERE owner = '%1'").arg(kOtherRep))
            .toInt() > 0);
    QVERIFY(scalar({}, QStringLiteral("SELECT count(*) FROM briefs WHERE owner = '%1' AND status "
                                      "= 'pending_review'")
                           .arg(kRep))
                .toInt() > 0);
}

void TestTeamMode::cleanupTestCase()
{
    if (m_database.isEmpty())
        return;
    run(QStringLiteral("psql"),
        {m_cluster.toString(), QStringLiteral("-Atc"),
         QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_database)});
}

void TestTeamMode::aRepReadsOnlyTheirOwnBriefs()
{
    const QString others =
        QStringLiteral("SELECT count(*) FROM briefs WHERE owner = '%1'").arg(kOtherRep);
    QCOMPARE(scalar(kRep, others), QStringLiteral("0"));
    QVERIFY(scalar(kRep, QStringLiteral("SELECT count(*) FROM briefs")).toInt() > 0);
    // ...and the records of their own briefs' leads only.
    QCOMPARE(scalar(kRep, QStringLiteral("SELECT count(*) FROM leads WHERE id NOT IN (SELECT "
                                         "lead_id FROM briefs)")),
             QStringLiteral("0"));
    // ...and the identities and events of those leads, exactly.
    const QString mine = QStringLiteral("(b.owner = '%1' OR EXISTS (SELECT 1 FROM review_actions "
                                        "a WHERE a.brief_id = b.id AND a.actor = '%1'))")
                             .arg(kRep);
    QCOMPARE(scalar(kRep, QStringLiteral("SELECT count(*) FROM lead_identities")),
             scalar({}, QStringLiteral("SELECT count(*) FROM lead_identities li WHERE EXISTS "
                                       "(SELECT 1 FROM briefs b WHERE b.lead_id = li.lead_id AND "
                                       "%1)")
                            .arg(mine)));
    const QString events = scalar(kRep, QStringLiteral("SELECT count(*) FROM events"));
    QVERIFY(events.toInt() > 0);
    QCOMPARE(events, scalar({}, QStringLiteral("SELECT count(*) FROM events e WHERE EXISTS "
                                               "(SELECT 1 FROM lead_identities li JOIN briefs b "
                                               "ON b.lead_id = li.lead_id WHERE li.source_system "
                                               "= e.lead_system AND li.source_id = e.lead_ref "
                                               "AND %1)")
                                    .arg(mine)));
    QCOMPARE(scalar(kRep, QStringLiteral("SELECT count(*) FROM quarantine")), QStringLiteral("0"));
    QVERIFY(scalar({}, QStringLiteral("SELECT count(*) FROM quarantine")).toInt() > 0);
}

void TestTeamMode::aRepCannotChangeABriefBehindTheReviewPath()
{
    const QString own = scalar(kRep, QStringLiteral("SELECT min(id) FROM briefs WHERE status = "
                                                    "'pending_review'"));
    QVERIFY(own.toInt() > 0);
    const Ran update =
        psql(kRep, QStringLiteral("UPDATE briefs SET status = 'approved' WHERE id = %1").arg(own));
    QVERIFY(update.exitCode != 0);
    QVERIFY2(update.err.contains(QStringLiteral("without a review action")),
             qPrintable(update.err));
    QCOMPARE(scalar({}, QStringLiteral("SELECT status FROM briefs WHERE id = %1").arg(own)),
             QStringLiteral("pending_review"));
    // Nor record a review action as someone else.
    const Ran forged = psql(
        kRep, QStringLiteral("INSERT INTO review_actions (brief_id, version, action, actor, role, "
                             "os_user, status_before, status_after, at) VALUES (%1, 1, 'approve', "
                             "'%2', 'rep', 'x', 'pending_review', 'approved', '%3')")
                  .arg(own, kOtherRep, kNow));
    QVERIFY(forged.exitCode != 0);
    QVERIFY2(forged.err.contains(QStringLiteral("row-level security")), qPrintable(forged.err));
    // Nor rewrite the audit record.
    const Ran audit = psql(kRep, QStringLiteral("DELETE FROM audit_log"));
    QVERIFY(audit.exitCode != 0);
    QVERIFY2(audit.err.contains(QStringLiteral("permission denied")), qPrintable(audit.err));
}

void TestTeamMode::aRepActsThroughBatonAsTheirLogin()
{
    const QString own = scalar(kRep, QStringLiteral("SELECT max(id) FROM briefs WHERE status = "
                                                    "'pending_review'"));
    const Ran as = baton(kRep, {QStringLiteral("review"), QStringLiteral("approve"), own,
                                QStringLiteral("--as"), kOtherRep});
    QCOMPARE(as.exitCode, 2);
    QVERIFY2(as.err.contains(QStringLiteral("--as is for a local store")), qPrintable(as.err));

    const Ran approved = baton(kRep, {QStringLiteral("review"), QStringLiteral("approve"), own});
    QVERIFY2(approved.exitCode == 0, qPrintable(approved.err));
    QCOMPARE(scalar({}, QStringLiteral("SELECT status FROM briefs WHERE id = %1").arg(own)),
             QStringLiteral("approved"));
    QCOMPARE(scalar({}, QStringLiteral("SELECT actor || ' ' || os_user FROM audit_log WHERE action "
                                       "= 'approve' ORDER BY seq DESC LIMIT 1")),
             kRep + QLatin1Char(' ') + kRep);

    const QString theirs = scalar({}, QStringLiteral("SELECT min(id) FROM briefs WHERE owner = "
                                                     "'%1' AND status = 'pending_review'")
                                          .arg(kOtherRep));
    const Ran refused = baton(kRep, {QStringLiteral("review"), QStringLiteral("approve"), theirs});
    QVERIFY(refused.exitCode != 0);
    QCOMPARE(scalar({}, QStringLiteral("SELECT status FROM briefs WHERE id = %1").arg(theirs)),
             QStringLiteral("pending_review"));
}

void TestTeamMode::aManagerReadsEveryBrief()
{
    QCOMPARE(scalar(kManager, QStringLiteral("SELECT count(*) FROM briefs")),
             scalar({}, QStringLiteral("SELECT count(*) FROM briefs")));
}

// The server asks Noor for a password that neither the address nor ~/.pgpass holds: baton
// says where to put it, then connects with the team-database secret `baton secret set`
// keeps (in the 0600 file here: no keychain service runs in a test's environment).
void TestTeamMode::aPasswordTheServerAsksForComesFromTheKeychain()
{
    QTemporaryDir home;
    QVERIFY(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *dir : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"})
        env.insert(QString::fromLatin1(dir), home.path());
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + home.filePath(QStringLiteral("no-bus")));
    env.remove(QStringLiteral("PGPASSWORD"));
    const auto batonIn = [&](const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(BATON_EXECUTABLE),
                QStringList{QStringLiteral("--now"), kNow} + args);
        p.write(input);
        p.closeWriteChannel();
        Ran r;
        if (p.waitForFinished(180000) && p.exitStatus() == QProcess::NormalExit)
            r.exitCode = p.exitCode();
        r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
        return r;
    };
    const Ran added = batonIn({QStringLiteral("--store"), uri(), QStringLiteral("team"),
                               QStringLiteral("add-user"), kKeyed, QStringLiteral("--role"),
                               QStringLiteral("rep"), QStringLiteral("--password-stdin")},
                              "correct horse 7\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    // The cluster's own rules: Noor's login checks a password, before the trust for everyone.
    const QString socketDir = QUrlQuery(m_cluster).queryItemValue(QStringLiteral("host"));
    QFile hba(socketDir + QStringLiteral("/data/pg_hba.conf"));
    QVERIFY(hba.open(QIODevice::ReadWrite));
    const QByteArray rules = hba.readAll();
    QVERIFY(hba.seek(0));
    hba.write("local all \"" + kKeyed.toUtf8() + "\" scram-sha-256\n" + rules);
    hba.close();
    QCOMPARE(scalar({}, QStringLiteral("SELECT pg_reload_conf()")), QStringLiteral("t"));

    const QStringList stats{QStringLiteral("--store"), uri(kKeyed), QStringLiteral("stats")};
    const Ran without = batonIn(stats);
    QVERIFY(without.exitCode != 0);
    QVERIFY2(without.err.contains(QStringLiteral("no password supplied")) &&
                 without.err.contains(QStringLiteral("baton secret set team-database")),
             qPrintable(without.err));

    const QStringList keep{QStringLiteral("secret"), QStringLiteral("set"),
                           QStringLiteral("team-database"), QStringLiteral("--file")};
    QCOMPARE(batonIn(keep, "wrong horse\n").exitCode, 0);
    const Ran wrong = batonIn(stats);
    QVERIFY(wrong.exitCode != 0);
    QVERIFY2(wrong.err.contains(QStringLiteral("password authentication failed")) &&
                 wrong.err.contains(QStringLiteral("came from the OS keychain")),
             qPrintable(wrong.err));

    QCOMPARE(batonIn(keep, "correct horse 7\n").exitCode, 0);
    const Ran kept = batonIn(stats);
    QVERIFY2(kept.exitCode == 0, qPrintable(kept.err));
}

// `team init` is one transaction of DDL over every table. A session in its way that then waits
// for a table init already holds makes a cycle, and the server breaks it by giving init up
// (40P01): nothing of it happened, so init tries again, as PostgreSQL says to.
void TestTeamMode::teamInitTriesAgainWhenTheServerBreaksADeadlock()
{
    QProcess holder;
    holder.start(QStringLiteral("psql"),
                 {uri(), QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At")});
    QVERIFY(holder.waitForStarted());
    const auto deadlocks = [this] {
        return scalar({}, QStringLiteral("SELECT deadlocks FROM pg_stat_database WHERE datname = "
                                         "current_database()"))
            .trimmed()
            .toLongLong();
    };
    const qint64 deadlocksBefore = deadlocks();
    holder.write("BEGIN;\nLOCK TABLE events IN ACCESS SHARE MODE;\nSELECT 'held';\n");
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += holder.readAllStandardOutput()).contains("held"), 20000);

    QProcess init;
    init.start(QStringLiteral(BATON_EXECUTABLE),
               {QStringLiteral("--now"), kNow, QStringLiteral("--store"), uri(),
                QStringLiteral("team"), QStringLiteral("init")});
    QVERIFY(init.waitForStarted());
    // Init has locked leads (it enables row-level security there before events) and waits
    // for events.
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar({}, QStringLiteral("SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = "
                                  "l.relation WHERE NOT l.granted AND c.relname = 'events'")),
        QStringLiteral("1"), 30000);
    holder.write("SELECT count(*) >= 0 FROM leads;\nCOMMIT;\n");
    QVERIFY(holder.waitForBytesWritten(10000));
    holder.closeWriteChannel();
    QVERIFY(init.waitForFinished(60000));
    const QString err = QString::fromUtf8(init.readAllStandardError());
    QVERIFY2(init.exitCode() == 0, qPrintable(err));
    QVERIFY(holder.waitForFinished(30000));
    QCOMPARE(holder.exitCode(), 0);
    // The server did break a deadlock, and it was init's transaction it gave up.
    QVERIFY2(!QString::fromUtf8(holder.readAllStandardError()).contains(QStringLiteral("deadlock")),
             "the server gave up the holder, not init: the test proves nothing");
    QTRY_VERIFY_WITH_TIMEOUT(deadlocks() > deadlocksBefore, 10000);
}

// Group roles belong to the server, not a database: two databases of one server set up at the
// same moment both find baton_rep missing, and the second to create it waits for the first,
// then finds it made. Init takes the role as made. A server of its own, where no Baton role
// exists yet.
void TestTeamMode::teamInitOnTwoDatabasesOfOneServerAtOnce()
{
    const QString dir =
        QStringLiteral("/tmp/baton-roles-%1").arg(QCoreApplication::applicationPid());
    const Ran started = run(QStringLiteral(PG_CLUSTER_SCRIPT), {QStringLiteral("start"), dir});
    QVERIFY2(started.exitCode == 0, qPrintable(started.err));
    struct StopCluster
    {
        QString dir;
        ~StopCluster() { run(QStringLiteral(PG_CLUSTER_SCRIPT), {QStringLiteral("stop"), dir}); }
    } stopCluster{dir};
    QUrl server(started.out);
    server.setPath(QStringLiteral("/team_two"));
    const QString database = server.toString(QUrl::FullyEncoded);
    QCOMPARE(run(QStringLiteral("psql"),
                 {started.out, QStringLiteral("-Atc"), QStringLiteral("CREATE DATABASE team_two")})
                 .exitCode,
             0);
    const Ran opened = run(QStringLiteral(BATON_EXECUTABLE),
                           {QStringLiteral("--store"), database, QStringLiteral("stats")});
    QVERIFY2(opened.exitCode == 0, qPrintable(opened.err));

    // The other database's init, as far as its first role, not yet committed.
    QProcess other;
    other.start(QStringLiteral("psql"),
                {started.out, QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At")});
    QVERIFY(other.waitForStarted());
    other.write("BEGIN;\nCREATE ROLE baton_rep NOLOGIN;\nSELECT 'made';\n");
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += other.readAllStandardOutput()).contains("made"), 20000);

    QProcess init;
    init.start(QStringLiteral(BATON_EXECUTABLE), {QStringLiteral("--store"), database,
                                                  QStringLiteral("team"), QStringLiteral("init")});
    QVERIFY(init.waitForStarted());
    const auto waiting = [&] {
        const Ran r = run(QStringLiteral("psql"),
                          {started.out, QStringLiteral("-Atc"),
                           QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                          "'team_two' AND wait_event_type = 'Lock'")});
        return r.out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(waiting(), QStringLiteral("1"), 30000);
    other.write("COMMIT;\n");
    other.closeWriteChannel();
    QVERIFY(other.waitForFinished(30000));
    QCOMPARE(other.exitCode(), 0);
    QVERIFY(init.waitForFinished(60000));
    const QString err = QString::fromUtf8(init.readAllStandardError());
    QVERIFY2(init.exitCode() == 0, qPrintable(err));
    const Ran roles = run(QStringLiteral("psql"),
                          {started.out, QStringLiteral("-Atc"),
                           QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname IN "
                                          "('baton_rep', 'baton_manager', 'baton_marketing_ops', "
                                          "'baton_admin')")});
    QCOMPARE(roles.out, QStringLiteral("4"));
}

// Logins belong to the server too: two admins adding the same person at the same moment both
// find the login missing, and the second CREATE waits for the first, then finds it made. The
// second add-user takes the login as made and binds the profile to it.
void TestTeamMode::twoAdminsAddTheSameLoginAtOnce()
{
    const QString login =
        QStringLiteral("dana.race.%1@baton.example").arg(QCoreApplication::applicationPid());
    QProcess other;
    other.start(QStringLiteral("psql"),
                {uri(), QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-At")});
    QVERIFY(other.waitForStarted());
    other.write(
        QStringLiteral("BEGIN;\nCREATE ROLE \"%1\" LOGIN;\nSELECT 'made';\n").arg(login).toUtf8());
    QByteArray said;
    QTRY_VERIFY_WITH_TIMEOUT((said += other.readAllStandardOutput()).contains("made"), 20000);

    QProcess add;
    add.start(QStringLiteral(BATON_EXECUTABLE),
              {QStringLiteral("--now"), kNow, QStringLiteral("--store"), uri(),
               QStringLiteral("team"), QStringLiteral("add-user"), login, QStringLiteral("--role"),
               QStringLiteral("rep")});
    QVERIFY(add.waitForStarted());
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar({}, QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                  "current_database() AND wait_event_type = 'Lock'")),
        QStringLiteral("1"), 30000);
    other.write("COMMIT;\n");
    other.closeWriteChannel();
    QVERIFY(other.waitForFinished(30000));
    QCOMPARE(other.exitCode(), 0);
    QVERIFY(add.waitForFinished(60000));
    QVERIFY2(add.exitCode() == 0, add.readAllStandardError().constData());
    QVERIFY(QString::fromUtf8(add.readAllStandardOutput()).startsWith(QStringLiteral("login ")));
    QCOMPARE(scalar({}, QStringLiteral("SELECT role || ' ' || os_account FROM users WHERE email = "
                                       "'%1'")
                            .arg(login)),
             QStringLiteral("rep ") + login);
    QCOMPARE(
        scalar({}, QStringLiteral("SELECT pg_has_role('%1', 'baton_rep', 'member')").arg(login)),
        QStringLiteral("t"));
}

QTEST_GUILESS_MAIN(TestTeamMode)

#include "test_team_mode.moc"
