#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace baton {
class Clock;
}

namespace baton::app {

// Shared by every sub-command: where the store is, where output goes (tests capture it) and
// what time it is (`--now`, so a command can be replayed as of any moment).
struct CommandContext
{
    QString storePath;
    QTextStream &out;
    QTextStream &err;
    const Clock &clock;
};

// A headless sub-command: `baton <name> [options]`.
class Command
{
public:
    virtual ~Command() = default;
    virtual QString name() const = 0;
    virtual QString summary() const = 0;
    // Adds the command's own options and positional arguments.
    virtual void configure(QCommandLineParser &parser) const = 0;
    // Exit code: 0 success, 1 the work failed, 2 usage error.
    virtual int run(const QCommandLineParser &parser, CommandContext &context) const = 0;
};

std::vector<std::unique_ptr<Command>> makeCommands();

// What the console opens when no sub-command is given: the store, the user profile to
// act as (`--user NAME`; empty: the one in Settings), and the moment it acts as of (`--now`;
// unset: the system clock's).
struct ConsoleLaunch
{
    QString storePath;
    QString user;
    std::optional<std::chrono::system_clock::time_point> now;
};

// Parses `arguments` (argv without the program name) and runs the sub-command. Returns
// kNoCommand when no sub-command was given (the caller opens the console with `console`).
int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                   ConsoleLaunch *console);

constexpr int kNoCommand = -1;

} // namespace baton::app
