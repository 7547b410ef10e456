#include "AuditTrail.h"
#include "OsAccount.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "governance/Identity.h"
#include "governance/Permissions.h"
#include "pipeline/Team.h"
#include "store/Transaction.h"

namespace baton::app {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// The admin acting, from --as and this OS account; prints why not and returns nullopt.
std::optional<governance::Profile> admin(governance::Identity &identity,
                                         const QCommandLineParser &parser, CommandContext &context)
{
    if (!parser.isSet(QStringLiteral("as"))) {
        context.err << "baton users: say who acts with --as NAME (an admin)\n";
        return std::nullopt;
    }
    const auto who = identity.profile(parser.value(QStringLiteral("as")).toStdString());
    if (!who) {
        context.err << "baton users: no user profile \"" << parser.value(QStringLiteral("as"))
                    << "\" in this store\n";
        return std::nullopt;
    }
    try {
        identity.requireMayActAs(*who, osAccount());
    } catch (const governance::IdentityRefused &e) {
        context.err << "baton users: " << e.what() << "\n";
        return std::nullopt;
    }
    const auto role = governance::parseRole(who->role).value_or(governance::Role::Rep);
    if (governance::grant(role, governance::Action::ManageUsers) == governance::Grant::No) {
        context.err << "baton users: a " << q(who->role) << " may not manage users\n";
        return std::nullopt;
    }
    return who;
}

int list(governance::Identity &identity, store::Database &db, CommandContext &context)
{
    context.out << (identity.isDemoStore()
                        ? "demo store: anyone may act as any of these profiles\n"
                        : "each profile acts only from the OS account bound to it\n");
    const std::string me = osAccount();
    for (const auto &u : pipeline::users(db)) {
        const auto p = identity.profile(u.email);
        const std::string bound = p && !p->osAccount.empty() ? p->osAccount : "-";
        context.out << QStringLiteral("  %1  %2  %3  os account: %4%5\n")
                           .arg(q(u.email), -32)
                           .arg(q(u.name), -20)
                           .arg(q(u.role), -13)
                           .arg(q(bound))
                           .arg(bound == me ? QStringLiteral(" (you)") : QString());
    }
    return 0;
}

int add(governance::Identity &identity, store::Database &db, const QCommandLineParser &parser,
        const QString &email, CommandContext &context)
{
    const std::string role = parser.value(QStringLiteral("role")).toStdString();
    if (!governance::parseRole(role) || !parser.isSet(QStringLiteral("name"))) {
        context.err << "baton users add: give --name and --role (rep, manager, marketing_ops, "
                       "admin)\n";
        return 2;
    }
    const bool first = !identity.hasProfiles();
    // The first profile binds the rest: an admin, or nobody ever could.
    if (first && role != "admin") {
        context.err << "baton users add: the first profile of a store is its admin (--role "
                       "admin): only an admin adds and binds the others\n";
        return 2;
    }
    std::optional<governance::Profile> by;
    if (!first && !(by = admin(identity, parser, context)))
        return 3;
    pipeline::User u{email.toStdString(),
                     parser.value(QStringLiteral("name")).toStdString(),
                     role,
                     parser.value(QStringLiteral("team")).toStdString(),
                     parser.value(QStringLiteral("territory")).toStdString(),
                     parser.value(QStringLiteral("manager")).toStdString()};
    store::Transaction tx(db);
    pipeline::saveUsers(db, {u});
    const auto created = *identity.profile(u.email);
    auditInvocation(db, context.clock, "add_user", "user#" + u.email,
                    {{"role", role}, {"by", by ? by->email : "the store's creator"}});
    // The first profile of a store is its creator's: someone has to be able to bind the rest.
    if (first)
        identity.bind(created, osAccount(), created, osAccount());
    tx.commit();
    context.out << email << ": " << q(role)
                << (first ? QStringLiteral(", bound to you (") + q(osAccount()) + ")" : QString())
                << "\n";
    return 0;
}

int bind(governance::Identity &identity, const QCommandLineParser &parser, const QString &who,
         CommandContext &context)
{
    if (!parser.isSet(QStringLiteral("os-account"))) {
        context.err << "baton users bind: give --os-account NAME (empty to unbind)\n";
        return 2;
    }
    const auto by = admin(identity, parser, context);
    if (!by)
        return 3;
    const auto profile = identity.profile(who.toStdString());
    if (!profile) {
        context.err << "baton users bind: no user profile \"" << who << "\"\n";
        return 2;
    }
    const std::string account = parser.value(QStringLiteral("os-account")).toStdString();
    identity.bind(*by, osAccount(), *profile, account);
    context.out << q(profile->email) << ": "
                << (account.empty() ? QStringLiteral("bound to no OS account")
                                    : QStringLiteral("acts from the OS account ") + q(account))
                << "\n";
    return 0;
}

} // namespace

QString UsersCommand::name() const
{
    return QStringLiteral("users");
}

QString UsersCommand::summary() const
{
    return QStringLiteral("Profiles and who may act as them: `users list`, `users add EMAIL "
                          "--name N --role R`, `users bind PROFILE --os-account NAME --as ADMIN`");
}

void UsersCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, add or bind"));
    parser.addPositionalArgument(QStringLiteral("profile"), QStringLiteral("Email or name."));
    parser.addOption(
        {QStringLiteral("as"), QStringLiteral("The admin acting."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("os-account"),
                      QStringLiteral("The OS account that may act as the profile."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("name"), QStringLiteral("Full name."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("role"),
                      QStringLiteral("rep, manager, marketing_ops or admin."),
                      QStringLiteral("R")});
    parser.addOption({QStringLiteral("manager"), QStringLiteral("The manager's email."),
                      QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("team"), QStringLiteral("Team."), QStringLiteral("T")});
    parser.addOption(
        {QStringLiteral("territory"), QStringLiteral("Territory."), QStringLiteral("T")});
}

int UsersCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    const QString action = args.value(0);
    if (!(action == QLatin1String("list") && args.size() == 1) &&
        !((action == QLatin1String("add") || action == QLatin1String("bind")) &&
          args.size() == 2)) {
        context.err << "baton users: use `users list`, `users add EMAIL --name N --role R`, or "
                       "`users bind PROFILE --os-account NAME --as ADMIN`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    governance::Identity identity(*db, context.clock);
    if (action == QLatin1String("list"))
        return list(identity, *db, context);
    if (action == QLatin1String("add"))
        return add(identity, *db, parser, args[1], context);
    return bind(identity, parser, args[1], context);
}

} // namespace baton::app
