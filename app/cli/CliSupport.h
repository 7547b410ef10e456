#pragma once

#include "cli/Command.h"
#include "governance/Permissions.h"
#include "ingest/Importer.h"
#include "review/ReviewService.h"
#include "store/Database.h"

#include <optional>

namespace baton::app {

// Opens the context's store (creating and migrating it), or prints why it cannot.
std::optional<store::Database> openStoreFor(CommandContext &context);

// Adds --as to a command that reads briefs or the audit log.
void addReaderOption(QCommandLineParser &parser);

// Who reads: --as NAME (checked against this OS account like any action), else the profile
// bound to this OS account. Prints why not and sets `exitCode` (3 refused, 2 nobody named).
// Who acts, and from which account. On a local store: the --as profile (when `required`
// or given), from this OS account. On a team database: the profile bound to the database
// login; --as is refused there, since the database knows who logged in. Prints why not and
// sets `exitCode` when there is no one.
struct Acting
{
    std::string name;    // email or name of the profile; empty when none was asked for
    std::string account; // the OS account, or the database login
};
std::optional<Acting> acting(const QCommandLineParser &parser, CommandContext &context,
                             store::Database &db, const QString &command, int &exitCode);

std::optional<review::Actor> whoReads(const QCommandLineParser &parser, CommandContext &context,
                                      review::ReviewService &service, const QString &command,
                                      int &exitCode);

// Who reads, when their role grants `action` (ViewAllBriefs: the outbox, exports; ViewAudit:
// the audit log), which covers `what` ("exports", "the audit log"). Prints why not and sets
// `exitCode` as whoReads does; a role without the grant exits 3.
std::optional<review::Actor> readerGranted(const QCommandLineParser &parser,
                                           CommandContext &context, store::Database &db,
                                           const QString &command, governance::Action action,
                                           const QString &what, int &exitCode);

// Whether `reader` may read brief `briefId`; prints the refusal (exit 3) when not.
bool mayReadBrief(review::ReviewService &service, const review::Actor &reader, std::int64_t briefId,
                  const QString &command, CommandContext &context);

// "contacts.csv: 1,990 read, 1,980 accepted (1,975 new, 5 updated), 10 quarantined"
QString describeResult(const ingest::ImportResult &result);

// An integer option with bounds; prints a usage error and returns nullopt when invalid.
std::optional<qint64> integerOption(const QCommandLineParser &parser, const QString &name,
                                    qint64 min, qint64 max, CommandContext &context);

// The process's peak resident memory so far, in MB (benchmarks print it).
double peakMegabytes();

// Renders a progress bar on stderr for a terminal; silent otherwise (CI logs stay clean).
class TerminalProgress
{
public:
    explicit TerminalProgress(QString label);
    void update(double fraction);
    void finish();

private:
    QString m_label;
    int m_lastPercent = -1;
    bool m_enabled;
};

} // namespace baton::app
