#include "Secrets.h"
#include "adapters/OneShotHttpTransport.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutcomeSync.h"
#include "ports/Clock.h"

namespace baton::app {

QString CrmCommand::name() const
{
    return QStringLiteral("crm");
}

QString CrmCommand::summary() const
{
    return QStringLiteral("Read back what became of pushed leads: `crm pull` (lifecycle stage, "
                          "lead status)");
}

void CrmCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("pull"));
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("HubSpot's API base URL (default https://api.hubapi.com)."),
                      QStringLiteral("URL"), QStringLiteral("https://api.hubapi.com")});
}

int CrmCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    if (parser.positionalArguments() != QStringList{QStringLiteral("pull")}) {
        context.err << "baton crm: use `crm pull`\n";
        return 2;
    }
    std::string token = qgetenv("BATON_HUBSPOT_TOKEN").toStdString();
    if (token.empty()) {
        std::string error, where;
        const auto secret = readSecret("hubspot-token", error, where);
        if (!secret) {
            context.err << "baton crm pull: no HubSpot token: " << QString::fromStdString(error)
                        << "\n";
            return 2;
        }
        token = *secret;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    crm::HubSpotConnector::Config config;
    config.baseUrl = parser.value(QStringLiteral("url")).toStdString();
    config.accessToken = token;
    const crm::HubSpotConnector hubspot(config);
    OneShotHttpTransport transport;
    const SystemClock clock;
    try {
        const auto s = crm::pullOutcomes(*db, hubspot, transport, clock);
        if (!s.error.empty()) {
            context.err << "baton crm pull: " << QString::fromStdString(s.error) << "\n";
            return 1;
        }
        context.out << "crm pull: " << s.read << " of " << s.contacts << " pushed contacts read; "
                    << s.opportunities << " at the opportunity stage or beyond\n";
        return 0;
    } catch (const std::exception &e) {
        context.err << "baton crm pull: " << e.what() << "\n";
        return 1;
    }
}

} // namespace baton::app
