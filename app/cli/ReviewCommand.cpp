#include "OsAccount.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "ports/Clock.h"
#include "review/ApprovalGrace.h"
#include "review/BriefQueries.h"
#include "review/ReviewChainCheck.h"
#include "review/ReviewService.h"
#include "workers/LeadRerunJob.h"

#include <QFile>
#include <QTextStream>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace baton::app {

namespace {

QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// The chain link by link, the review tables and briefs against it, and the head kept
// elsewhere, if given. Exit 1 and the first thing wrong.
int verifyAudit(store::Database &db, governance::AuditLog &audit, const QString &expectHead,
                CommandContext &context)
{
    const auto result = audit.verify();
    if (!result.ok) {
        context.out << "audit log: BROKEN at row " << *result.firstBroken << ": "
                    << q(result.problem) << " (" << result.rows << " rows read)\n";
        return 1;
    }
    if (!expectHead.isEmpty()) {
        const auto colon = expectHead.indexOf(QLatin1Char(':'));
        bool ok = false;
        const qint64 seq = expectHead.left(colon).toLongLong(&ok);
        if (colon < 0 || !ok || seq < 0) {
            context.err << "baton audit: --expect-head takes SEQ:HASH as `audit head` prints it\n";
            return 2;
        }
        if (seq > 0 && !audit.hasRow(seq, expectHead.mid(colon + 1).toStdString())) {
            context.out << "audit log: BROKEN: row " << seq << " is not the one kept elsewhere ("
                        << expectHead << "): rows were removed from the end, or replaced\n";
            return 1;
        }
    }
    if (const auto problem = review::firstReviewDisagreement(db)) {
        context.out << "audit log: " << result.rows << " rows, every link verified, but "
                    << q(*problem) << "\n";
        return 1;
    }
    context.out << "audit log: " << result.rows
                << " rows, every link verified; review actions and briefs agree with it\n";
    return 0;
}

// Exit codes a script can tell apart: 3 not allowed, 4 someone acted first.
int exitCode(review::ReviewError::Kind kind)
{
    switch (kind) {
    case review::ReviewError::Kind::Forbidden:
        return 3;
    case review::ReviewError::Kind::Conflict:
        return 4;
    case review::ReviewError::Kind::InvalidInput:
    case review::ReviewError::Kind::InvalidEdit:
        return 2;
    default:
        return 1;
    }
}

std::optional<nlohmann::json> readPatch(const QString &file, CommandContext &context)
{
    QFile f(file);
    const bool ok = file == QLatin1String("-") ? f.open(stdin, QIODevice::ReadOnly)
                                               : f.open(QIODevice::ReadOnly);
    if (!ok) {
        context.err << "baton review: cannot read the patch " << file << ": " << f.errorString()
                    << "\n";
        return std::nullopt;
    }
    const auto patch = nlohmann::json::parse(f.readAll().toStdString(), nullptr, false);
    if (patch.is_discarded() || !patch.is_array()) {
        context.err << "baton review: " << file
                    << " is not a JSON Patch (RFC 6902: an array of operations)\n";
        return std::nullopt;
    }
    return patch;
}

// What every action on one brief needs.
struct BriefAction
{
    const QCommandLineParser &parser;
    CommandContext &context;
    store::Database &db;
    const contracts::ContractRegistry &registry;
    review::ReviewService &service;
    std::int64_t briefId;
    Acting who;

    std::string text(const char *option) const
    {
        return parser.value(QLatin1String(option)).toStdString();
    }
};

// Anyone who may read the brief may read its history.
int showHistory(const BriefAction &on)
{
    CommandContext &context = on.context;
    int refused = 0;
    const auto reader =
        whoReads(on.parser, context, on.service, QStringLiteral("review history"), refused);
    if (!reader)
        return refused;
    const auto b = on.service.brief(on.briefId);
    on.service.requireMayRead(*reader, on.briefId);
    context.out << "brief #" << on.briefId << ": " << q(util::nameString(b.status)) << ", version "
                << b.version << ", owner " << q(b.owner) << "\n";
    for (const auto &h : review::BriefQueries(on.db).history(on.briefId)) {
        context.out << "  " << q(h.at) << "  " << q(h.action) << " by " << q(h.actor) << " ("
                    << q(h.role) << ") on v" << h.version << ": " << q(h.statusBefore) << " -> "
                    << q(h.statusAfter);
        if (!h.reason.empty())
            context.out << ", reason " << q(h.reason);
        if (!h.target.empty())
            context.out << ", to " << q(h.target);
        if (!h.note.empty())
            context.out << ": \"" << q(h.note) << "\"";
        context.out << "\n";
    }
    return 0;
}

// The version the reviewer saw: --version, else the current one (read first, so an unknown
// brief is reported as such before a bad option).
std::optional<std::int64_t> reviewedVersion(const BriefAction &on)
{
    std::int64_t version = on.service.brief(on.briefId).version;
    if (on.parser.isSet(QStringLiteral("version"))) {
        const auto v =
            integerOption(on.parser, QStringLiteral("version"), 1, INT32_MAX, on.context);
        if (!v)
            return std::nullopt;
        version = *v;
    }
    return version;
}

// Retracting queues the CRM operations that undo what was pushed: say how many.
int retract(const BriefAction &on, const review::Actor &who, std::int64_t version)
{
    on.service.retract(who, on.briefId, version, on.text("reason"));
    const auto ops = crm::OutboxStore(on.db).forBrief(on.briefId);
    const auto compensations = std::count_if(ops.begin(), ops.end(), [](const crm::OutboxRow &o) {
        return is(o.kind, crm::OpKind::CloseTask) || is(o.kind, crm::OpKind::RetractNote);
    });
    on.context.out << "brief #" << on.briefId << ": retracted; " << compensations
                   << " compensating CRM operations queued\n";
    return 0;
}

// An approval is held for the store's grace period: say until when it can be undone.
int approve(const BriefAction &on, const review::Actor &who, std::int64_t version,
            const Clock &clock)
{
    const auto after = on.service.approve(who, on.briefId, version);
    on.context.out << "brief #" << on.briefId << ": " << q(util::nameString(after.status))
                   << ", version " << after.version << ", owner " << q(after.owner) << "\n";
    const auto window = review::ApprovalGrace(on.db).undoWindow(on.briefId, clock.now());
    if (window.until)
        on.context.out << "its CRM operations are held until " << q(util::formatUtc(*window.until))
                       << ": `baton review undo " << on.briefId << " --as " << q(who.user)
                       << "` takes it back until then\n";
    return 0;
}

// Undoing an approval cancels its held CRM operations: say how many.
int undo(const BriefAction &on, const review::Actor &who, std::int64_t version)
{
    const auto after = on.service.undoApprove(who, on.briefId, version);
    const auto ops = crm::OutboxStore(on.db).forBrief(on.briefId);
    const auto cancelled = std::count_if(ops.begin(), ops.end(), [](const crm::OutboxRow &o) {
        return is(o.status, crm::OpStatus::Cancelled);
    });
    on.context.out << "brief #" << on.briefId << ": approval undone, "
                   << q(util::nameString(after.status)) << ", version " << after.version << "; "
                   << cancelled << " CRM operations cancelled before they were sent\n";
    return 0;
}

// Resolving by a rerun runs the pipeline again for the brief's lead, here and now; exit 1
// when that failed.
int rerun(const BriefAction &on, const review::Actor &who, std::int64_t version)
{
    CommandContext &context = on.context;
    const auto after = on.service.requestRerun(who, on.briefId, version, on.text("note"));
    const auto result = rerunLeadInStore(
        context.storePath, on.registry, after.leadId,
        "rerun by " + who.user + " (brief #" + std::to_string(on.briefId) + ")", context.clock);
    context.out << "brief #" << on.briefId << ": re-ran the pipeline for lead #" << after.leadId
                << " (run " << q(result.run.runId) << "): ";
    switch (result.status) {
    case pipeline::ItemStatus::Briefed:
        context.out << "brief #" << result.newBrief.value_or(0) << " supersedes it\n";
        return 0;
    case pipeline::ItemStatus::Unchanged:
        context.out << "nothing changed since the brief was made (same inputs, agents and "
                       "policy); it stays escalated\n";
        return 0;
    case pipeline::ItemStatus::NotQualified:
        context.out << "the lead no longer qualifies; the brief stays escalated\n";
        return 0;
    case pipeline::ItemStatus::Pending:
    case pipeline::ItemStatus::Failed:
        break;
    }
    context.out << "FAILED: " << q(result.error) << "; the brief stays escalated\n";
    return result.status == pipeline::ItemStatus::Failed ? 1 : 0;
}

// Nullopt, having said why, when --resolution names none.
std::optional<review::BriefState> resolve(const BriefAction &on, const review::Actor &who,
                                          std::int64_t version,
                                          const std::optional<nlohmann::json> &patch)
{
    const auto resolution = util::parseName<review::Resolution>(on.text("resolution"));
    if (!resolution) {
        on.context.err << "baton review resolve: --resolution approve, approve_with_edits, "
                          "return_to_rep, reject or rerun\n";
        return std::nullopt;
    }
    const std::string why =
        *resolution == review::Resolution::Reject ? on.text("reason") : on.text("note");
    return on.service.resolve(who, on.briefId, version, *resolution, why,
                              patch ? &*patch : nullptr);
}

// Every action but history: by the user --as names, on the version they reviewed.
int act(const BriefAction &on, const QString &action, const Clock &clock)
{
    const auto who = on.service.actAs(on.who.name, on.who.account);
    const auto version = reviewedVersion(on);
    if (!version)
        return 2;
    std::optional<nlohmann::json> patch;
    if (on.parser.isSet(QStringLiteral("patch"))) {
        patch = readPatch(on.parser.value(QStringLiteral("patch")), on.context);
        if (!patch)
            return 2;
    }
    review::BriefState after;
    if (action == QLatin1String("approve")) {
        return approve(on, who, *version, clock);
    } else if (action == QLatin1String("undo")) {
        return undo(on, who, *version);
    } else if (action == QLatin1String("edit")) {
        if (!patch) {
            on.context.err << "baton review edit: give the change with --patch FILE\n";
            return 2;
        }
        after = on.service.edit(who, on.briefId, *version, *patch, on.text("reason"));
    } else if (action == QLatin1String("escalate")) {
        after = on.service.escalate(who, on.briefId, *version, on.text("category"), on.text("note"),
                                    on.text("to"));
    } else if (action == QLatin1String("comment")) {
        on.service.comment(who, on.briefId, on.text("note"));
        on.context.out << "brief #" << on.briefId << ": comment saved\n";
        return 0;
    } else if (action == QLatin1String("reassign")) {
        after = on.service.reassign(who, on.briefId, *version, on.text("to"), on.text("note"));
    } else if (action == QLatin1String("retract")) {
        return retract(on, who, *version);
    } else if (on.text("resolution") == "rerun") {
        return rerun(on, who, *version);
    } else {
        const auto resolved = resolve(on, who, *version, patch);
        if (!resolved)
            return 2;
        after = *resolved;
    }
    on.context.out << "brief #" << on.briefId << ": " << q(util::nameString(after.status))
                   << ", version " << after.version << ", owner " << q(after.owner) << "\n";
    return 0;
}

} // namespace

QString ReviewCommand::name() const
{
    return QStringLiteral("review");
}

QString ReviewCommand::summary() const
{
    return QStringLiteral("Act on a brief as a user: `review approve|undo|edit|escalate|comment|"
                          "reassign|resolve|retract|history BRIEF --as NAME`");
}

void ReviewCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("approve, undo (an approval, within its grace "
                                                "period), edit, escalate, comment, reassign, "
                                                "resolve, retract or history"));
    parser.addPositionalArgument(QStringLiteral("brief"), QStringLiteral("The brief's id."));
    parser.addOption({QStringLiteral("as"), QStringLiteral("The user acting (email or name)."),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("version"),
                      QStringLiteral("The brief version you reviewed (default: the current one); "
                                     "acting on an older one is a conflict."),
                      QStringLiteral("N")});
    parser.addOption(
        {QStringLiteral("note"), QStringLiteral("A note or comment."), QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("reason"),
                      QStringLiteral("Why (edit), or the rejection reason (resolve --resolution "
                                     "reject)."),
                      QStringLiteral("TEXT")});
    parser.addOption({QStringLiteral("category"),
                      QStringLiteral("Escalation category: fit_unclear, data_quality, "
                                     "strategic_account, consent, duplicate, routing, other."),
                      QStringLiteral("C")});
    parser.addOption({QStringLiteral("to"),
                      QStringLiteral("Escalate to this manager, or reassign to this user."),
                      QStringLiteral("USER")});
    parser.addOption({QStringLiteral("patch"),
                      QStringLiteral("RFC 6902 JSON Patch file for edit (or - for stdin)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("resolution"),
                      QStringLiteral("approve, approve_with_edits, return_to_rep, reject, or "
                                     "rerun (the pipeline, for the brief's lead)."),
                      QStringLiteral("R")});
}

int ReviewCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    static const QStringList actions = {
        QStringLiteral("approve"),  QStringLiteral("undo"),    QStringLiteral("edit"),
        QStringLiteral("escalate"), QStringLiteral("comment"), QStringLiteral("reassign"),
        QStringLiteral("resolve"),  QStringLiteral("retract"), QStringLiteral("history")};
    bool numeric = false;
    const qint64 briefId = args.size() == 2 ? args[1].toLongLong(&numeric) : 0;
    if (args.size() != 2 || !actions.contains(args[0]) || !numeric) {
        context.err << "baton review: use `review " << actions.join(QLatin1Char('|'))
                    << " BRIEF --as NAME`\n";
        return 2;
    }
    const QString action = args[0];
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    int refused = 0;
    const auto who = acting(parser, context, *db, QStringLiteral("review"), refused);
    if (!who)
        return refused;
    if (action != QLatin1String("history") && who->name.empty()) {
        context.err << "baton review: say who acts with --as NAME\n";
        return 2;
    }
    const auto registry = contracts::ContractRegistry::builtIn();
    review::ReviewService service(*db, registry, context.clock);
    const BriefAction on{parser, context, *db, registry, service, briefId, *who};
    try {
        return action == QLatin1String("history") ? showHistory(on)
                                                  : act(on, action, context.clock);
    } catch (const review::ReviewError &e) {
        context.err << "baton review " << action << ": " << e.what() << "\n";
        return exitCode(e.kind());
    } catch (const std::exception &e) { // the store, or a re-run's pipeline
        context.err << "baton review " << action << ": " << e.what() << "\n";
        return 1;
    }
}

QString AuditCommand::name() const
{
    return QStringLiteral("audit");
}

QString AuditCommand::summary() const
{
    return QStringLiteral("Check or list the hash-chained audit log: `audit verify|list`");
}

void AuditCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("verify or list"));
    parser.addOption({QStringLiteral("actor"), QStringLiteral("list: only this actor."),
                      QStringLiteral("EMAIL")});
    parser.addOption({QStringLiteral("action"), QStringLiteral("list: only this action."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("brief"), QStringLiteral("list: only this brief."), QStringLiteral("ID")});
    parser.addOption({QStringLiteral("since"),
                      QStringLiteral("list: from this time or date on (RFC 3339, UTC)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("until"),
                      QStringLiteral("list: before this time or date (RFC 3339, UTC)."),
                      QStringLiteral("TIME")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("list: at most N rows (50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("expect-head"),
                      QStringLiteral("verify: the head `audit head` printed earlier, kept "
                                     "elsewhere: catches removed newest rows too."),
                      QStringLiteral("SEQ:HASH")});
    addReaderOption(parser);
}

int AuditCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    if (args != QStringList{QStringLiteral("verify")} &&
        args != QStringList{QStringLiteral("list")} &&
        args != QStringList{QStringLiteral("head")}) {
        context.err << "baton audit: use `audit verify [--expect-head SEQ:HASH]`, `audit head` or "
                       "`audit list`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    governance::AuditLog audit(*db);
    int refused = 0;
    if (!readerGranted(parser, context, *db, QStringLiteral("audit"), governance::Action::ViewAudit,
                       QStringLiteral("the audit log"), refused))
        return refused;
    if (args[0] == QLatin1String("head")) {
        const auto head = audit.head();
        context.out << (head ? QString::number(head->first) + ":" + q(head->second)
                             : QStringLiteral("0:") + QLatin1String(governance::AuditLog::Genesis))
                    << "\n";
        return 0;
    }
    if (args[0] == QLatin1String("verify"))
        return verifyAudit(*db, audit, parser.value(QStringLiteral("expect-head")), context);
    const auto limit = integerOption(parser, QStringLiteral("limit"), 1, 1000000, context);
    if (!limit)
        return 2;
    const std::string object = parser.isSet(QStringLiteral("brief"))
                                   ? "brief#" + parser.value(QStringLiteral("brief")).toStdString()
                                   : std::string();
    const auto text = [&](const char *option) {
        return parser.value(QLatin1String(option)).toStdString();
    };
    for (const auto &e :
         audit.list({text("actor"), text("action"), object, text("since"), text("until"), *limit}))
        context.out << e.seq << "  " << q(e.at) << "  " << q(e.actor) << " (" << q(e.role)
                    << ", os " << q(e.osUser) << ")  " << q(e.action) << " " << q(e.object) << "  "
                    << q(e.hash.substr(0, 12))
                    << (e.detail == "{}" ? QString() : QStringLiteral("  ") + q(e.detail)) << "\n";
    return 0;
}

} // namespace baton::app
