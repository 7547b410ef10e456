#include "Secrets.h"
#include "adapters/OneShotHttpTransport.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "ports/Clock.h"
#include "sandbox/CrmSandbox.h"

#include <QCoreApplication>
#include <QLocale>

namespace baton::app {

QString CrmSandboxCommand::name() const
{
    return QStringLiteral("crm-sandbox");
}

QString CrmSandboxCommand::summary() const
{
    return QStringLiteral("Serve a local HubSpot-like CRM (contacts, notes, tasks) with its rate "
                          "limit and injected faults, to try pushing without a real CRM");
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
    context.out << "serving HubSpot's CRM v3 subset at " << sandbox.baseUrl() << " (Ctrl+C stops)\n"
                << "try: BATON_HUBSPOT_TOKEN=any baton push --url " << sandbox.baseUrl() << "\n";
    context.out.flush();
    return QCoreApplication::exec();
}

QString PushCommand::name() const
{
    return QStringLiteral("push");
}

QString PushCommand::summary() const
{
    return QStringLiteral("Deliver approved briefs' CRM operations from the outbox to HubSpot");
}

void PushCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("HubSpot's API base URL (default https://api.hubapi.com; "
                                     "a `baton crm-sandbox` URL to try)."),
                      QStringLiteral("URL"), QStringLiteral("https://api.hubapi.com")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("Operations per request, at most HubSpot's 100 (default "
                                     "100)."),
                      QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("timeout"),
                      QStringLiteral("Seconds to wait for an answer (default 30)."),
                      QStringLiteral("S"), QStringLiteral("30")});
    parser.addOption(
        {QStringLiteral("once"), QStringLiteral("One pass over what is due now, then stop.")});
    parser.addOption({QStringLiteral("rate-limit"),
                      QStringLiteral("Requests per 10 seconds the account allows (default 100; "
                                     "190 on Professional and Enterprise)."),
                      QStringLiteral("N"), QStringLiteral("100")});
}

int PushCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    // The token: BATON_HUBSPOT_TOKEN (for CI and one-off runs), else the OS keychain (or the
    // file the user opted into) under "hubspot-token". Never the store, settings or logs.
    std::string token = qgetenv("BATON_HUBSPOT_TOKEN").toStdString();
    if (token.empty()) {
        std::string error, where;
        const auto secret = readSecret("hubspot-token", error, where);
        if (!secret) {
            context.err << "baton push: no HubSpot token: " << QString::fromStdString(error)
                        << ". Keep one with `baton secret set hubspot-token` (the token on "
                           "standard input), or set BATON_HUBSPOT_TOKEN\n";
            return 2;
        }
        token = *secret;
    }
    const auto limit = integerOption(parser, QStringLiteral("rate-limit"), 1, 100000, context);
    const auto batch = integerOption(parser, QStringLiteral("batch"), 1, 100, context);
    const auto timeout = integerOption(parser, QStringLiteral("timeout"), 1, 600, context);
    if (!limit || !batch || !timeout)
        return 2;
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    crm::HubSpotConnector::Config config;
    config.baseUrl = parser.value(QStringLiteral("url")).toStdString();
    config.accessToken = token;
    config.limit = {static_cast<int>(*limit), std::chrono::seconds(10)};
    config.timeoutMs = static_cast<int>(*timeout) * 1000;
    crm::HubSpotConnector hubspot(config);
    OneShotHttpTransport transport;
    // Tasks go to their owner when HubSpot knows them by email.
    const auto owners = transport.send(hubspot.ownersRequest());
    hubspot.setOwnerIds(crm::HubSpotConnector::readOwners(owners));
    if (owners.status != 200)
        context.err << "baton push: could not read HubSpot's owners (HTTP " << owners.status
                    << "); tasks go unassigned\n";
    const SystemClock clock;
    TerminalProgress progress(QStringLiteral("pushing"));
    crm::PushOptions options;
    options.batchSize = static_cast<std::size_t>(*batch);
    options.onProgress = [&](std::int64_t settled, std::int64_t total) {
        progress.update(total ? double(settled) / double(total) : 1.0);
    };
    crm::PushWorker worker(*db, hubspot, transport, clock, options);
    try {
        const auto s =
            parser.isSet(QStringLiteral("once")) ? worker.runOnce() : worker.runUntilIdle();
        progress.finish();
        const auto c = crm::OutboxStore(*db).counts();
        const QLocale en(QLocale::English);
        context.out << "pushed: " << s.done << " operations done, " << s.failed << " failed, "
                    << s.retried << " to retry, " << s.unknown << " to look up; " << s.requests
                    << " requests (" << s.rateLimited << " answered 429) and " << s.lookups
                    << " lookups in " << QString::number(s.seconds, 'f', 1) << " s\n"
                    << "outbox: " << en.toString(c.done) << " done, " << en.toString(c.failed)
                    << " failed, " << en.toString(c.pending + c.inFlight) << " waiting, "
                    << en.toString(c.cancelled) << " cancelled\n";
        return c.failed > 0 ? 1 : 0;
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton push: " << e.what() << "\n";
        return 1;
    }
}

} // namespace baton::app
