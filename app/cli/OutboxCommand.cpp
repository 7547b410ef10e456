#include "OsAccount.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "crm/DeliveryTargets.h"
#include "crm/OutboxActions.h"
#include "crm/OutboxStore.h"
#include "ports/Clock.h"
#include "review/ApprovalGrace.h"
#include "review/ReviewService.h"

#include <QLocale>
#include <algorithm>
#include <cstdlib>

namespace baton::app {

QString OutboxCommand::name() const
{
    return QStringLiteral("outbox");
}

QString OutboxCommand::summary() const
{
    return QStringLiteral("CRM operations: `outbox list [--status S]`, `outbox retry|cancel ID "
                          "--as NAME`; delivery beyond the CRM: `outbox targets`, `outbox "
                          "enable|disable webhook|jsonl --as NAME`; how long approvals are "
                          "held: `outbox grace [SECONDS --as NAME]`");
}

void OutboxCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("action"),
        QStringLiteral("list, retry, cancel, targets, enable, disable or grace"));
    parser.addPositionalArgument(QStringLiteral("id"),
                                 QStringLiteral("The operation, for retry and cancel; the target "
                                                "(webhook, jsonl) for enable and disable; the "
                                                "seconds approvals can be undone, for grace."),
                                 QStringLiteral("[ID|TARGET]"));
    parser.addOption({QStringLiteral("status"),
                      QStringLiteral("list: pending, in_flight, done, failed or cancelled."),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("list: at most N (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("as"),
                      QStringLiteral("Who acts (retry, cancel, enable, disable) or reads (list: "
                                     "managers, marketing ops, admins)."),
                      QStringLiteral("NAME")});
    parser.addOption(
        {QStringLiteral("reason"), QStringLiteral("cancel: why."), QStringLiteral("TEXT")});
}

int OutboxCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    const bool list = args == QStringList{QStringLiteral("list")};
    bool numeric = false;
    const qint64 id = args.size() == 2 ? args[1].toLongLong(&numeric) : 0;
    const bool act = args.size() == 2 && numeric &&
                     (args[0] == QLatin1String("retry") || args[0] == QLatin1String("cancel"));
    const bool targets = args == QStringList{QStringLiteral("targets")};
    const bool toggle = args.size() == 2 &&
                        (args[0] == QLatin1String("enable") || args[0] == QLatin1String("disable"));
    const bool grace = (args.size() == 1 || args.size() == 2) && args[0] == QLatin1String("grace");
    if (!list && !act && !targets && !toggle && !grace) {
        context.err << "baton outbox: use `outbox list`, `outbox retry ID --as NAME`, `outbox "
                       "cancel ID --as NAME --reason TEXT`, `outbox targets` or `outbox "
                       "enable|disable webhook|jsonl --as NAME` or `outbox grace [SECONDS --as "
                       "NAME]`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    if (grace && args.size() == 1) {
        context.out << "approvals can be undone for " << review::ApprovalGrace(*db).period().count()
                    << " s: their CRM operations are held until then (0: not at all)\n";
        return 0;
    }
    if (targets) {
        const Clock &clock = context.clock;
        const auto enabled = crm::DeliveryTargets(*db, clock).enabled();
        context.out << "crm: every approved brief (baton push --target hubspot|salesforce)\n";
        for (const auto &t : crm::DeliveryTargets::known()) {
            const bool on = std::find(enabled.begin(), enabled.end(), t) != enabled.end();
            context.out << QString::fromStdString(t) << ": "
                        << (on ? "every brief approved from now on" : "off") << "\n";
        }
        return 0;
    }
    crm::OutboxStore outbox(*db);
    if (list) {
        // What went to the CRM for every brief, with its errors: read like every brief.
        int refused = 0;
        if (!readerGranted(parser, context, *db, QStringLiteral("outbox"),
                           governance::Action::ViewAllBriefs, QStringLiteral("the outbox"),
                           refused))
            return refused;
        const auto limit = integerOption(parser, QStringLiteral("limit"), 1, 100000, context);
        if (!limit)
            return 2;
        for (const auto &r :
             outbox.list(parser.value(QStringLiteral("status")).toStdString(), *limit)) {
            context.out << QStringLiteral("%1  brief %2  %3  %4  attempts %5")
                               .arg(r.id, 6)
                               .arg(r.briefId, -6)
                               .arg(QString::fromStdString(r.kind), -13)
                               .arg(QString::fromStdString(r.status), -9)
                               .arg(r.attempts);
            if (!r.crmId.empty())
                context.out << "  " << QString::fromStdString(r.crmSystem + " " + r.crmId);
            if (is(r.status, crm::OpStatus::Pending) || is(r.status, crm::OpStatus::InFlight))
                context.out << "  next " << QString::fromStdString(r.nextAttemptAt);
            if (!r.lastError.empty())
                context.out << "  " << QString::fromStdString(r.lastError);
            context.out << "\n";
        }
        const auto c = outbox.counts();
        const QLocale en(QLocale::English);
        context.out << "outbox: " << en.toString(c.pending + c.inFlight) << " waiting, "
                    << en.toString(c.failed) << " failed, " << en.toString(c.done) << " done, "
                    << en.toString(c.cancelled) << " cancelled\n";
        return 0;
    }
    int refused = 0;
    const auto acts = acting(parser, context, *db, QStringLiteral("outbox"), refused);
    if (!acts)
        return refused;
    if (acts->name.empty()) {
        context.err << "baton outbox: say who acts with --as NAME\n";
        return 2;
    }
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    review::ReviewService review(*db, registry, clock);
    crm::OutboxActions actions(*db, clock);
    try {
        const auto who = review.actAs(acts->name, acts->account);
        if (grace) {
            bool ok = false;
            const int seconds = args[1].toInt(&ok);
            if (!ok) {
                context.err << "baton outbox grace: give whole seconds\n";
                return 2;
            }
            review::ApprovalGrace(*db).setPeriod(who, std::chrono::seconds(seconds), clock.now());
            context.out << "approvals from now on can be undone for " << seconds << " s\n";
            return 0;
        }
        if (toggle) {
            const bool on = args[0] == QLatin1String("enable");
            crm::DeliveryTargets(*db, clock).setEnabled(who, args[1].toStdString(), on);
            context.out << args[1] << ": "
                        << (on ? "every brief approved from now on is delivered there (baton "
                                 "push --target "
                               : "approvals no longer plan deliveries there (what is queued "
                                 "stays queued for baton push --target ")
                        << args[1] << (on ? ")\n" : ")\n");
            return 0;
        }
        if (args[0] == QLatin1String("retry")) {
            actions.retryNow(who, id);
            context.out << "operation #" << id << ": due now\n";
        } else {
            actions.cancel(who, id, parser.value(QStringLiteral("reason")).toStdString());
            context.out << "operation #" << id << ": cancelled\n";
        }
        return 0;
    } catch (const review::ReviewError &e) {
        context.err << "baton outbox " << args[0] << ": " << e.what() << "\n";
        return e.kind() == review::ReviewError::Kind::Forbidden ? 3 : 2;
    }
}

} // namespace baton::app
