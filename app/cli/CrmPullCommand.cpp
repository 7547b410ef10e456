#include "AuditTrail.h"
#include "Connectors.h"
#include "adapters/OneShotHttpTransport.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "crm/Connector.h"
#include "crm/OutcomeSync.h"
#include "ports/Clock.h"

namespace baton::app {

QString CrmCommand::name() const
{
    return QStringLiteral("crm");
}

QString CrmCommand::summary() const
{
    return QStringLiteral("Read back what became of pushed leads: `crm pull` (HubSpot: lifecycle "
                          "stage and lead status; Salesforce: status and conversion)");
}

void CrmCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("pull"));
    parser.addOption({QStringLiteral("target"), QStringLiteral("hubspot (default) or salesforce."),
                      QStringLiteral("T"), QStringLiteral("hubspot")});
    parser.addOption({QStringLiteral("url"),
                      QStringLiteral("HubSpot's API base URL (default https://api.hubapi.com) or "
                                     "the Salesforce instance URL."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("login-url"),
                      QStringLiteral("Salesforce: where tokens are refreshed."),
                      QStringLiteral("URL"), QStringLiteral("https://login.salesforce.com")});
    parser.addOption({QStringLiteral("client-id"),
                      QStringLiteral("Salesforce: the connected app's consumer key."),
                      QStringLiteral("ID")});
}

int CrmCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    if (parser.positionalArguments() != QStringList{QStringLiteral("pull")}) {
        context.err << "baton crm: use `crm pull`\n";
        return 2;
    }
    const auto parsed = pushTargetFrom(parser);
    if (!parsed ||
        (parsed->kind != crm::Target::HubSpot && parsed->kind != crm::Target::Salesforce)) {
        context.err << "baton crm pull: --target is hubspot or salesforce\n";
        return 2;
    }
    std::string error;
    auto crm = makeConnector(*parsed, error);
    if (!crm) {
        context.err << "baton crm pull: " << QString::fromStdString(error) << "\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    OneShotHttpTransport transport;
    const Clock &clock = context.clock;
    try {
        const auto s = crm::pullOutcomes(*db, *crm, transport, clock);
        if (!s.error.empty()) {
            context.err << "baton crm pull: " << QString::fromStdString(s.error) << "\n";
            return 1;
        }
        // Outcomes feed model fitting: what came in, and from where, is on the record.
        auditInvocation(
            *db, clock, "crm_pull", "target:" + crm->system(),
            {{"contacts", s.contacts}, {"read", s.read}, {"opportunities", s.opportunities}});
        context.out << "crm pull: " << s.read << " of " << s.contacts << " pushed people read from "
                    << QString::fromStdString(crm->system()) << "; " << s.opportunities
                    << " at the opportunity stage or beyond\n";
        return 0;
    } catch (const std::exception &e) {
        context.err << "baton crm pull: " << e.what() << "\n";
        return 1;
    }
}

} // namespace baton::app
