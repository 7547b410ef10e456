#include "agents/Policy.h"
#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/ReviewersBench.h"
#include "contracts/ContractRegistry.h"
#include "demo/DemoGenerator.h"
#include "governance/Identity.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "review/Vocabulary.h"
#include "store/OpenStore.h"
#include "store/StorePort.h"
#include "store/Transaction.h"
#include "team/TeamPolicies.h"
#include "util/EnumNames.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLocale>
#include <unistd.h>

namespace baton::app {

namespace {

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

std::vector<pipeline::User> profiles(const std::vector<BenchReviewer> &team)
{
    std::vector<pipeline::User> users;
    std::vector<std::string> managers;
    for (const auto &r : team)
        if (r.manager)
            managers.push_back(r.email);
    for (std::size_t i = 0; i < team.size(); ++i) {
        pipeline::User u;
        u.email = team[i].email;
        u.name = team[i].email.substr(0, team[i].email.find('@'));
        u.role = team[i].manager ? "manager" : "rep";
        u.team = "bench";
        u.territory = "bench";
        if (!team[i].manager)
            u.manager = managers[i % managers.size()];
        users.push_back(u);
    }
    return users;
}

// Every brief goes to one of the reps, round robin by id; an escalated one to that rep's
// manager.
void spreadBriefs(store::Database &db, const std::vector<pipeline::User> &users)
{
    std::vector<const pipeline::User *> reps;
    for (const auto &u : users)
        if (u.role == "rep")
            reps.push_back(&u);
    store::Transaction tx(db);
    auto st = db.prepare("UPDATE briefs SET owner = ?1, escalated_to = CASE WHEN status = ?2 "
                         "THEN ?3 ELSE escalated_to END WHERE id % ?4 = ?5");
    for (std::size_t i = 0; i < reps.size(); ++i) {
        st.bindAll(reps[i]->email, util::nameString(review::BriefStatus::Escalated),
                   reps[i]->manager, static_cast<std::int64_t>(reps.size()),
                   static_cast<std::int64_t>(i));
        st.run();
        st.reset();
    }
    tx.commit();
}

} // namespace

std::vector<BenchReviewer> benchReviewers(int count)
{
    const int managers = std::max(1, count / 10);
    std::vector<BenchReviewer> team;
    for (int i = 0; i < count; ++i) {
        BenchReviewer r;
        r.manager = i < managers;
        r.email = (r.manager ? "manager" : "rep") + std::to_string(i) + "@bench.example";
        team.push_back(r);
    }
    return team;
}

void buildReviewStore(const QString &dir, const QString &path, qint64 leads,
                      const std::vector<BenchReviewer> &team,
                      const contracts::ContractRegistry &registry, CommandContext &context)
{
    QElapsedTimer timer;
    timer.start();
    const Clock &clock = context.clock;
    demo::DemoOptions options;
    options.leads = static_cast<int>(leads);
    options.now = clock.now();
    const auto files =
        demo::generateDemo(QDir(dir).filePath(QStringLiteral("demo")).toStdString(), options);
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    auto db = store::openStore(path.toStdString());
    ingest::Importer importer(db, registry, clock);
    for (const auto &file :
         {files.accounts, files.contacts, files.enrichment, files.events, files.activities})
        importer.importFile(file);
    const auto users = profiles(team);
    pipeline::saveUsers(db, pipeline::demoTeam());
    pipeline::saveUsers(db, users);
    governance::Identity(db, clock).markDemoStore();
    RandomIdGenerator ids;
    const auto policy = agents::defaultPolicy(registry);
    const auto run = pipeline::Orchestrator(db, registry, policy, clock, ids).run({});
    spreadBriefs(db, users);
    context.out << "bench reviewers: demo store of " << count(leads) << " leads, "
                << count(run.briefed) << " briefs (" << count(run.escalated)
                << " escalated) spread over "
                << (team.size() - std::max<std::size_t>(1, team.size() / 10)) << " reps, built in "
                << QString::number(timer.nsecsElapsed() / 1e9, 'f', 1) << " s\n";
    context.out.flush();
}

BenchLogins::BenchLogins(const QString &storePath, BenchStore &pg, std::vector<BenchReviewer> &team,
                         CommandContext &context)
    : m_pg(pg)
{
    QElapsedTimer timer;
    timer.start();
    const auto ported = pg.portFrom(storePath.toStdString());
    auto to = store::openStore(pg.location());
    store::Transaction tx(to);
    to.exec(team::teamInitSql());
    const std::string prefix = "bench_" + std::to_string(::getpid()) + "_";
    auto bind = to.prepare("UPDATE users SET os_account = ?1 WHERE email = ?2");
    for (std::size_t i = 0; i < team.size(); ++i) {
        auto &r = team[i];
        r.login = prefix + std::to_string(i);
        to.exec("CREATE ROLE " + r.login + " LOGIN");
        m_logins.push_back(r.login);
        to.exec("GRANT " + team::groupRole(r.manager ? "manager" : "rep") + " TO " + r.login);
        bind.bindAll(r.login, r.email);
        bind.run();
        bind.reset();
    }
    tx.commit();
    to.exec("ANALYZE");
    context.out << "  PostgreSQL: the store ported (" << count(ported.rowsCopied)
                << " rows), `team init`, a login per reviewer, in "
                << QString::number(timer.nsecsElapsed() / 1e9, 'f', 1) << " s\n";
    context.out.flush();
}

BenchLogins::~BenchLogins()
{
    try {
        m_pg.dropDatabase();
        for (const auto &login : m_logins)
            m_pg.onServer("DROP ROLE IF EXISTS " + login);
    } catch (const std::exception &) {
        // Left behind: roles named bench_<pid>_N.
    }
}

} // namespace baton::app
