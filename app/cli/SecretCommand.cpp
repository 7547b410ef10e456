#include "AuditTrail.h"
#include "adapters/FileSecretStore.h"
#include "adapters/KeychainSecretStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"

#include <QFile>
#include <QTextStream>
#include <cstdio>

namespace baton::app {

namespace {

// A credential changed: the store's audit log records its name and where it is kept, never
// its value.
int auditSecret(CommandContext &context, const char *action, const std::string &name,
                const std::string &where)
{
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    auditInvocation(*db, context.clock, action, "secret:" + name, {{"kept_in", where}});
    return 0;
}

} // namespace

QString SecretCommand::name() const
{
    return QStringLiteral("secret");
}

QString SecretCommand::summary() const
{
    return QStringLiteral("Keep a credential in the OS keychain: `secret set|delete NAME` (the "
                          "value from standard input)");
}

void SecretCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("set or delete"));
    parser.addPositionalArgument(QStringLiteral("name"),
                                 QStringLiteral("hubspot-token, webhook-key, ..."));
    parser.addOption({QStringLiteral("file"),
                      QStringLiteral("Where no keychain service runs: keep it in a file only you "
                                     "can read (mode 0600) instead.")});
}

int SecretCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2 ||
        (args[0] != QLatin1String("set") && args[0] != QLatin1String("delete"))) {
        context.err << "baton secret: use `secret set NAME` (value on standard input) or `secret "
                       "delete NAME`\n";
        return 2;
    }
    const std::string name = args[1].toStdString();
    KeychainSecretStore keychain;
    FileSecretStore file(FileSecretStore::defaultPath());
    SecretStore &store =
        parser.isSet(QStringLiteral("file")) ? static_cast<SecretStore &>(file) : keychain;
    std::string error;
    if (args[0] == QLatin1String("delete")) {
        if (!store.remove(name, error)) {
            context.err << "baton secret: " << QString::fromStdString(error) << "\n";
            return 1;
        }
        context.out << "deleted " << args[1] << " from " << QString::fromStdString(store.describe())
                    << "\n";
        return auditSecret(context, "secret_delete", name, store.describe());
    }
    // From standard input, not an argument: arguments show in every process list.
    QTextStream in(stdin);
    const QString value = in.readLine().trimmed();
    if (value.isEmpty()) {
        context.err << "baton secret: give the value on standard input\n";
        return 2;
    }
    if (!store.write(name, value.toStdString(), error)) {
        context.err << "baton secret: " << QString::fromStdString(error) << "\n";
        return 1;
    }
    context.out << "kept " << args[1] << " in " << QString::fromStdString(store.describe()) << "\n";
    return auditSecret(context, "secret_set", name, store.describe());
}

} // namespace baton::app
