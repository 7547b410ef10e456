#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "governance/Permissions.h"
#include "store/Database.h"
#include "store/StoreError.h"
#include "store/Transaction.h"
#include "store/TransientRetry.h"
#include "team/TeamPolicies.h"

#include <QTextStream>
#include <cstdio>

namespace baton::app {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// The statement a role's name and password make, quoted by the server itself (format's %I
// and %L), so no name needs escaping here.
std::string formatted(store::Database &db, const char *format, const std::string &a,
                      const std::string &b = {})
{
    auto st = db.prepare(std::string("SELECT format(") + format + ", ?1::text, ?2::text)");
    st.bindAll(a, b);
    st.step();
    return st.textAt(0);
}

int init(store::Database &db, CommandContext &context)
{
    // DDL over every table in one transaction: a session holding a table it needs while
    // waiting for one it holds makes the server give one of them up to break the deadlock.
    // If init, nothing of it happened, and every statement of it is idempotent.
    store::retryTransient([&] {
        store::Transaction tx(db);
        db.exec(team::teamInitSql());
        tx.commit();
    });
    context.out << "team database ready: group roles baton_rep, baton_manager, "
                   "baton_marketing_ops and baton_admin, their grants, and row-level security "
                   "from Baton's permission matrix and review transitions\n"
                   "add people with `baton team add-user EMAIL --name NAME --role ROLE`\n";
    return 0;
}

bool roleExists(store::Database &db, const std::string &login)
{
    auto st = db.prepare("SELECT 1 FROM pg_roles WHERE rolname = ?");
    st.bind(1, login);
    return st.step();
}

// False when another session made the login first: a server holds a login once, so a second
// admin adding the same person at the same moment waits for the first one's CREATE and then
// finds the name taken. The savepoint keeps this transaction usable after that error.
bool createLogin(store::Database &db, const std::string &login)
{
    const std::string create = formatted(db, "'CREATE ROLE %I LOGIN'", login);
    db.exec("SAVEPOINT create_login");
    try {
        db.exec(create);
    } catch (const store::StoreError &e) {
        if (e.sqlState() != "23505" &&
            e.sqlState() != "42710") // unique_violation, duplicate_object
            throw;
        db.exec("ROLLBACK TO SAVEPOINT create_login");
        return false;
    }
    db.exec("RELEASE SAVEPOINT create_login");
    return true;
}

int addUser(store::Database &db, const QCommandLineParser &parser, const std::string &email,
            CommandContext &context)
{
    const std::string role = parser.value(QStringLiteral("role")).toStdString();
    if (!governance::parseRole(role)) {
        context.err << "baton team add-user: --role is one of rep, manager, marketing_ops, admin\n";
        return 2;
    }
    const std::string login = parser.isSet(QStringLiteral("login"))
                                  ? parser.value(QStringLiteral("login")).toStdString()
                                  : email;
    std::string name = parser.value(QStringLiteral("name")).toStdString();
    if (name.empty())
        name = email.substr(0, email.find('@'));
    std::string password;
    if (parser.isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        password = in.readLine().toStdString();
    }
    store::Transaction tx(db);
    const bool existed = roleExists(db, login) || !createLogin(db, login);
    db.exec(formatted(db, "'GRANT %I TO %I'", team::groupRole(role), login));
    if (!password.empty())
        db.exec(formatted(db, "'ALTER ROLE %I PASSWORD %L'", login, password));
    // In team mode a profile's account is the database login it acts from.
    auto profile = db.prepare(
        "INSERT INTO users (email, name, role, os_account) VALUES (?1, ?2, ?3, ?4) "
        "ON CONFLICT (email) DO UPDATE SET role = excluded.role, os_account = excluded.os_account");
    profile.bindAll(email, name, role, login);
    profile.run();
    tx.commit();
    context.out << (existed ? "login " : "new login ") << q(login) << " acts as " << q(email)
                << " (" << q(role) << ")\n";
    return 0;
}

} // namespace

QString TeamCommand::name() const
{
    return QStringLiteral("team");
}

QString TeamCommand::summary() const
{
    return QStringLiteral("A team's PostgreSQL database: `team init` (its owner, once), `team "
                          "add-user EMAIL --role ROLE [--name N] [--login L] [--password-stdin]`");
}

void TeamCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("init or add-user"));
    parser.addPositionalArgument(QStringLiteral("email"), QStringLiteral("The person's email."));
    parser.addOption({QStringLiteral("role"),
                      QStringLiteral("rep, manager, marketing_ops or admin."),
                      QStringLiteral("ROLE")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Full name."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("login"),
                      QStringLiteral("The database login (default: the email)."),
                      QStringLiteral("L")});
    parser.addOption({QStringLiteral("password-stdin"),
                      QStringLiteral("Read the login's password from the first line of stdin.")});
}

int TeamCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (!(action == QLatin1String("init") && args.size() == 1) &&
        !(action == QLatin1String("add-user") && args.size() == 2)) {
        context.err << "baton team: use `team init` or `team add-user EMAIL --role ROLE`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    if (db->engine() != store::Engine::Postgres) {
        context.err << "baton team: team mode is a team's PostgreSQL database; give it with "
                       "--store postgresql://... (or BATON_STORE)\n";
        return 2;
    }
    try {
        return action == QLatin1String("init")
                   ? init(*db, context)
                   : addUser(*db, parser, args[1].toStdString(), context);
    } catch (const std::exception &e) {
        context.err << "baton team " << action << ": " << q(e.what()) << "\n";
        return 1;
    }
}

} // namespace baton::app
