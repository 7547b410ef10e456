#include "Logging.h"
#include "StoreLocation.h"
#include "cli/Command.h"
#include "ports/Clock.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <algorithm>

namespace baton::app {

namespace {

QString globalHelp(const std::vector<std::unique_ptr<Command>> &commands)
{
    QString text = QStringLiteral(
        "Usage: baton [--store PATH] [command] [options]\n\n"
        "Baton reviews marketing-to-sales handoff briefs. Without a command it opens the\n"
        "console; commands run headless.\n\nCommands:\n");
    qsizetype width = 0;
    for (const auto &c : commands)
        width = std::max(width, c->name().size() + 2);
    for (const auto &c : commands)
        text += QStringLiteral("  %1%2\n").arg(c->name(), -int(width)).arg(c->summary());
    text += QStringLiteral("\nGlobal options:\n"
                           "  --store PATH  the store file (default: %1)\n"
                           "  --user NAME   the console acts as this user profile (email or name)\n"
                           "  --now TIME    act as of this moment (RFC 3339, e.g.\n"
                           "                2026-11-24T09:00:00Z) instead of the system clock\n"
                           "  -h, --help    this help; `baton COMMAND --help` for a command\n"
                           "  --version     the version\n")
                .arg(defaultStorePath());
    return text;
}

// `--now TIME` (empty: not given) into `at`; false, said on `err`, when it is not a time.
bool parseNow(const QString &now, std::optional<util::TimePoint> &at, QTextStream &err)
{
    if (now.isEmpty())
        return true;
    at = util::parseRfc3339(now.toStdString());
    if (!at)
        err << "baton: --now must be an RFC 3339 time like 2026-11-24T09:00:00Z, not " << now
            << "\n";
    return at.has_value();
}

} // namespace

int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   ConsoleLaunch *console)
{
    const auto commands = makeCommands();
    QString storePath, user, now;
    QStringList rest;
    for (int i = 0; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--store")) {
            if (i + 1 >= arguments.size()) {
                err << "baton: --store needs a path\n";
                return 2;
            }
            storePath = arguments[++i];
        } else if (a.startsWith(QLatin1String("--store="))) {
            storePath = a.mid(8);
        } else if (a == QLatin1String("--now") || a.startsWith(QLatin1String("--now="))) {
            if (a.size() > 5) {
                now = a.mid(6);
            } else if (i + 1 < arguments.size()) {
                now = arguments[++i];
            } else {
                err << "baton: --now needs a time\n";
                return 2;
            }
        } else if (a == QLatin1String("--user")) {
            if (i + 1 >= arguments.size()) {
                err << "baton: --user needs a name\n";
                return 2;
            }
            user = arguments[++i];
        } else {
            rest << a;
        }
    }
    const bool storeGiven = !storePath.isEmpty() || qEnvironmentVariableIsSet("BATON_STORE");
    if (storePath.isEmpty())
        storePath = qEnvironmentVariable("BATON_STORE", defaultStorePath());

    const auto commandIt =
        std::find_if(rest.begin(), rest.end(), [](const QString &a) { return !a.startsWith('-'); });
    if (commandIt == rest.end()) {
        if (rest.contains(QLatin1String("--help")) || rest.contains(QLatin1String("-h"))) {
            out << globalHelp(commands);
            return 0;
        }
        if (rest.contains(QLatin1String("--version"))) {
            out << "baton " << QCoreApplication::applicationVersion() << "\n";
            return 0;
        }
        if (!rest.isEmpty()) {
            err << "baton: unknown option " << rest.first() << "\n\n" << globalHelp(commands);
            return 2;
        }
        std::optional<util::TimePoint> consoleNow;
        if (!parseNow(now, consoleNow, err))
            return 2;
        // The console opens the team database chosen in Settings unless told otherwise.
        if (const QString team = consoleTeamDatabase(); console && !storeGiven && !team.isEmpty())
            storePath = team;
        if (console)
            *console = {storePath, user, consoleNow};
        return kNoCommand;
    }
    const QString name = *commandIt;
    const auto command = std::find_if(commands.begin(), commands.end(),
                                      [&](const auto &c) { return c->name() == name; });
    if (command == commands.end()) {
        err << "baton: unknown command '" << name << "'\n\n" << globalHelp(commands);
        return 2;
    }
    rest.erase(commandIt);
    if (!user.isEmpty()) {
        err << "baton: --user chooses who the console acts as; commands take --as NAME\n";
        return 2;
    }

    QCommandLineParser parser;
    parser.setApplicationDescription((*command)->summary());
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    (*command)->configure(parser);
    if (!parser.parse(QStringList{QStringLiteral("baton ") + name} + rest)) {
        err << "baton " << name << ": " << parser.errorText() << "\n\n" << parser.helpText();
        return 2;
    }
    if (parser.isSet(help)) {
        out << parser.helpText().replace(QStringLiteral("Usage: baton ") + name,
                                         QStringLiteral("Usage: baton [--store PATH] ") + name);
        return 0;
    }
    std::optional<util::TimePoint> startAt;
    if (!parseNow(now, startAt, err))
        return 2;
    qCDebug(lcCli) << "running" << name << "on store" << storePath;
    const SystemClock systemClock;
    const std::optional<StartedClock> startedClock =
        startAt ? std::optional<StartedClock>(*startAt) : std::nullopt;
    CommandContext context{storePath, out, err,
                           startedClock ? static_cast<const Clock &>(*startedClock) : systemClock};
    try {
        return (*command)->run(parser, context);
    } catch (const std::exception &e) {
        // What a command does not handle itself (a team database gone mid-command, a store
        // error deep in a step) ends the command with its message, never a crash.
        err << "baton " << name << ": " << QString::fromStdString(e.what()) << "\n";
        return 1;
    }
}

} // namespace baton::app
