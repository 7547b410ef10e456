#include "AuditTrail.h"
#include "Connectors.h"
#include "adapters/OneShotHttpTransport.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "crm/Connector.h"
#include "crm/JsonlSink.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "ports/Clock.h"
#include "sandbox/CrmSandbox.h"
#include "util/Time.h"

#include <QCoreApplication>
#include <QLocale>

namespace baton::app {

QString CrmSandboxCommand::name() const
{
    return QStringLiteral("crm-sandbox");
}

QString CrmSandboxCommand::summary() const
{
    return QStringLiteral("Serve a local HubSpot- and Salesforce-like CRM and a webhook "
                          "receiver, with rate limits and injected faults, to try pushing "
                          "without a real CRM");
}

void CrmSandboxCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("port"), QStringLiteral("Port on 127.0.0.1 (default 8090)."),
                      QStringLiteral("N"), QStringLiteral("8090")});
    parser.addOption({QStringLiteral("fault-rate"),
                      QStringLiteral("Share of requests given a fault: 5xx, 429, timeout, reset, "
                                     "slow answer or lost answer (default 0)."),
                      QStringLiteral("F"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("rate-limit"),
                      QStringLiteral("Requests allowed per 10 seconds (default 100)."),
                      QStringLiteral("N"), QStringLiteral("100")});
}

int CrmSandboxCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    bool portOk = false, rateOk = false, limitOk = false;
    const int port = parser.value(QStringLiteral("port")).toInt(&portOk);
    const double rate = parser.value(QStringLiteral("fault-rate")).toDouble(&rateOk);
    const int limit = parser.value(QStringLiteral("rate-limit")).toInt(&limitOk);
    if (!portOk || port <= 0 || port > 65535 || !rateOk || rate < 0 || rate > 1 || !limitOk ||
        limit <= 0) {
        context.err << "baton crm-sandbox: --port takes 1..65535, --fault-rate 0..1, "
                       "--rate-limit a positive count\n";
        return 2;
    }
    CrmSandboxConfig config;
    config.faultRate = rate;
    config.rateLimit = limit;
    CrmSandbox sandbox;
    if (!sandbox.start(static_cast<quint16>(port), config)) {
        context.err << "baton crm-sandbox: cannot listen on 127.0.0.1:" << port << "\n";
        return 1;
    }
    const QString url = sandbox.baseUrl();
    context.out << "serving HubSpot's CRM v3 subset, Salesforce's REST subset and a webhook "
                   "receiver at "
                << url << " (Ctrl+C stops)\n"
                << "try: BATON_HUBSPOT_TOKEN=any baton push --url " << url << "\n"
                << "     BATON_SALESFORCE_REFRESH_TOKEN=sandbox-refresh baton push --target "
                   "salesforce --url "
                << url << " --login-url " << url << " --client-id sandbox-client\n"
                << "     BATON_WEBHOOK_SECRET=sandbox-webhook-secret baton push --target webhook "
                   "--url "
                << url << "/webhook\n";
    context.out.flush();
    return QCoreApplication::exec();
}

std::optional<PushTarget> pushTargetFrom(const QCommandLineParser &parser)
{
    const auto kind =
        util::parseName<crm::Target>(parser.value(QStringLiteral("target")).toStdString());
    if (!kind)
        return std::nullopt;
    PushTarget target;
    target.kind = *kind;
    target.url = parser.value(QStringLiteral("url")).toStdString();
    target.loginUrl = parser.value(QStringLiteral("login-url")).toStdString();
    target.clientId = parser.value(QStringLiteral("client-id")).toStdString();
    return target;
}

QString PushCommand::name() const
{
    return QStringLiteral("push");
}

QString PushCommand::summary() const
{
    return QStringLiteral("Deliver the outbox: approved briefs' CRM operations to HubSpot or "
                          "Salesforce, or their webhook and JSONL deliveries");
}

void PushCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("target"),
                      QStringLiteral("hubspot (default), salesforce, webhook or jsonl."),
                      QStringLiteral("T"), QStringLiteral("hubspot")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("HubSpot's API base URL (default https://api.hubapi.com), "
                                     "the Salesforce instance URL, or the webhook's URL; a "
                                     "`baton crm-sandbox` URL to try."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("login-url"),
                      QStringLiteral("Salesforce: where tokens are refreshed (default "
                                     "https://login.salesforce.com; the sandbox's URL to try)."),
                      QStringLiteral("URL"), QStringLiteral("https://login.salesforce.com")});
    parser.addOption({QStringLiteral("client-id"),
                      QStringLiteral("Salesforce: the connected app's consumer key; HubSpot: an "
                                     "OAuth app's client id (with a refresh token)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("file"), QStringLiteral("jsonl: the file to append to."),
                      QStringLiteral("PATH")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("Operations per request, at most the API's (HubSpot 100, "
                                     "Salesforce 200; default the API's)."),
                      QStringLiteral("N"), QStringLiteral("200")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Seconds to wait for an answer (default 30)."),
                      QStringLiteral("S"), QStringLiteral("30")});
    parser.addOption(
        {QStringLiteral("once"), QStringLiteral("One pass over what is due now, then stop.")});
    parser.addOption({QStringLiteral("rate-limit"),
                      QStringLiteral("HubSpot: requests per 10 seconds the account allows "
                                     "(default 100; 190 on Professional and Enterprise)."),
                      QStringLiteral("N"), QStringLiteral("100")});
}

namespace {

// Approvals that may still be undone are not sent, nor waited for: say so.
void heldLine(store::Database &db, const Clock &clock, const std::vector<std::string> &kinds,
              CommandContext &context)
{
    const auto held = crm::OutboxStore(db).held(util::formatUtcMillis(clock.now()), kinds);
    if (held.count > 0)
        context.out << "held: " << held.count
                    << " operations of approvals that can still be undone, the first until "
                    << QString::fromStdString(held.until) << "\n";
}

int pushJsonl(const QString &file, bool once, CommandContext &context)
{
    if (file.isEmpty()) {
        context.err << "baton push: --target jsonl needs --file PATH\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const Clock &clock = context.clock;
    crm::JsonlSink sink(*db, file.toStdString(), clock);
    crm::PushSummary total;
    try {
        for (;;) {
            const auto s = sink.runOnce();
            total.done += s.done;
            total.unknown += s.unknown;
            if (once || s.done + s.unknown == 0 || s.unknown > 0)
                break;
        }
    } catch (const std::exception &e) {
        context.err << "baton push: " << e.what() << "\n";
        return 1;
    }
    auditInvocation(
        *db, clock, "push", "target:" + util::nameString(crm::Target::Jsonl),
        {{"endpoint", file.toStdString()}, {"done", total.done}, {"unknown", total.unknown}});
    const auto c = crm::OutboxStore(*db).counts({util::nameString(crm::OpKind::AppendJsonl)});
    context.out << "pushed: " << total.done << " deliveries appended to " << file << "\n"
                << "jsonl: " << c.done << " done, " << c.pending + c.inFlight << " waiting\n";
    heldLine(*db, clock, {util::nameString(crm::OpKind::AppendJsonl)}, context);
    return total.unknown > 0 ? 1 : 0;
}

// The target `push` delivers to, with its rate limit and timeout, and the batch size;
// nullopt having said what is wrong with them.
std::optional<PushTarget> pushTargetOf(const QCommandLineParser &parser, CommandContext &context,
                                       std::size_t &batchSize)
{
    auto target = pushTargetFrom(parser);
    if (!target) {
        context.err << "baton push: "
                    << QString::fromStdString(
                           unknownTargetError(parser.value(QStringLiteral("target")).toStdString()))
                    << "\n";
        return std::nullopt;
    }
    if (target->kind == crm::Target::Jsonl)
        return target;
    const auto limit = integerOption(parser, QStringLiteral("rate-limit"), 1, 100000, context);
    const auto batch = integerOption(parser, QStringLiteral("batch"), 1, 200, context);
    const auto timeout = integerOption(parser, QStringLiteral("timeout"), 1, 600, context);
    if (!limit || !batch || !timeout)
        return std::nullopt;
    target->rateLimit = static_cast<int>(*limit);
    target->timeoutMs = static_cast<int>(*timeout) * 1000;
    batchSize = static_cast<std::size_t>(*batch);
    return target;
}

} // namespace

int PushCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    std::size_t batchSize = 0;
    const auto parsed = pushTargetOf(parser, context, batchSize);
    if (!parsed)
        return 2;
    const PushTarget &target = *parsed;
    if (target.kind == crm::Target::Jsonl)
        return pushJsonl(parser.value(QStringLiteral("file")), parser.isSet(QStringLiteral("once")),
                         context);
    std::string error;
    auto connector = makeConnector(target, error);
    if (!connector) {
        context.err << "baton push: " << QString::fromStdString(error) << "\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    OneShotHttpTransport transport;
    const Clock &clock = context.clock;
    TerminalProgress progress(QStringLiteral("pushing"));
    crm::PushOptions options;
    options.batchSize = batchSize;
    options.onProgress = [&](std::int64_t settled, std::int64_t total) {
        progress.update(total ? double(settled) / double(total) : 1.0);
    };
    crm::PushWorker worker(*db, *connector, transport, clock, options);
    try {
        // Tasks go to their owner when the CRM knows them by email.
        if (!worker.learnOwners())
            context.err << "baton push: could not read "
                        << QString::fromStdString(connector->system())
                        << "'s users; tasks go unassigned\n";
        const auto s =
            parser.isSet(QStringLiteral("once")) ? worker.runOnce() : worker.runUntilIdle();
        progress.finish();
        // What left Baton, and where to: on the record whether it went well or not.
        auditInvocation(*db, clock, "push", "target:" + util::nameString(target.kind),
                        {{"endpoint", target.url.empty() ? describeTarget(target) : target.url},
                         {"requests", s.requests},
                         {"done", s.done},
                         {"failed", s.failed},
                         {"retried", s.retried},
                         {"unknown", s.unknown}});
        const auto c = crm::OutboxStore(*db).counts(connector->kinds());
        const QLocale en(QLocale::English);
        context.out << "pushed to " << QString::fromStdString(describeTarget(target)) << ": "
                    << s.done << " operations done, " << s.failed << " failed, " << s.retried
                    << " to retry, " << s.unknown << " to look up; " << s.requests << " requests ("
                    << s.rateLimited << " answered 429), " << s.lookups << " lookups and "
                    << s.refreshes << " token refreshes in " << QString::number(s.seconds, 'f', 1)
                    << " s\n"
                    << "outbox: " << en.toString(c.done) << " done, " << en.toString(c.failed)
                    << " failed, " << en.toString(c.pending + c.inFlight) << " waiting, "
                    << en.toString(c.cancelled) << " cancelled\n";
        heldLine(*db, clock, connector->kinds(), context);
        return c.failed > 0 ? 1 : 0;
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton push: " << e.what() << "\n";
        return 1;
    }
}

} // namespace baton::app
