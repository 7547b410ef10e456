#include "Connectors.h"

#include "Secrets.h"
#include "crm/HubSpotConnector.h"
#include "crm/SalesforceConnector.h"
#include "crm/WebhookConnector.h"

#include <QByteArray>
#include <optional>

namespace baton::app {

namespace {

// The environment first, then the keychain (or the file the user opted into).
std::optional<std::string> secret(const char *env, const char *name, std::string &error)
{
    const QByteArray fromEnv = qgetenv(env);
    if (!fromEnv.isEmpty())
        return fromEnv.toStdString();
    std::string why, where;
    if (auto value = readSecret(name, why, where))
        return value;
    error = std::string(name) + ": " + why + ". Keep it with `baton secret set " + name +
            "` (the value on standard input), or set " + env;
    return std::nullopt;
}

std::unique_ptr<crm::Connector> hubSpotConnector(const PushTarget &t, std::string &error)
{
    crm::HubSpotConnector::Config config;
    if (!t.url.empty())
        config.baseUrl = t.url;
    config.limit = {t.rateLimit, std::chrono::seconds(10)};
    config.timeoutMs = t.timeoutMs;
    std::string tokenError;
    if (auto token = secret("BATON_HUBSPOT_TOKEN", "hubspot-token", tokenError)) {
        config.accessToken = *token;
    } else {
        std::string refreshError;
        auto refresh = secret("BATON_HUBSPOT_REFRESH_TOKEN", "hubspot-refresh-token", refreshError);
        if (!refresh || t.clientId.empty()) {
            error = "no HubSpot token: " + tokenError +
                    (t.clientId.empty() ? std::string()
                                        : "; and no OAuth refresh token: " + refreshError);
            return nullptr;
        }
        auto clientSecret = secret("BATON_HUBSPOT_CLIENT_SECRET", "hubspot-client-secret", error);
        if (!clientSecret)
            return nullptr;
        config.refreshToken = *refresh;
        config.clientId = t.clientId;
        config.clientSecret = *clientSecret;
    }
    return std::make_unique<crm::HubSpotConnector>(config);
}

std::unique_ptr<crm::Connector> salesforceConnector(const PushTarget &t, std::string &error)
{
    if (t.url.empty() || t.clientId.empty()) {
        error = "Salesforce needs the instance URL and the connected app's client id";
        return nullptr;
    }
    crm::SalesforceConnector::Config config;
    config.instanceUrl = t.url;
    config.loginUrl = t.loginUrl.empty() ? t.url : t.loginUrl;
    config.clientId = t.clientId;
    config.timeoutMs = t.timeoutMs;
    auto refresh = secret("BATON_SALESFORCE_REFRESH_TOKEN", "salesforce-refresh-token", error);
    if (!refresh)
        return nullptr;
    config.refreshToken = *refresh;
    std::string ignored; // a connected app may have no secret (PKCE)
    if (auto clientSecret =
            secret("BATON_SALESFORCE_CLIENT_SECRET", "salesforce-client-secret", ignored))
        config.clientSecret = *clientSecret;
    return std::make_unique<crm::SalesforceConnector>(config);
}

std::unique_ptr<crm::Connector> webhookConnector(const PushTarget &t, std::string &error)
{
    if (t.url.empty()) {
        error = "the webhook needs its URL";
        return nullptr;
    }
    auto key = secret("BATON_WEBHOOK_SECRET", "webhook-secret", error);
    if (!key)
        return nullptr;
    return std::make_unique<crm::WebhookConnector>(
        crm::WebhookConnector::Config{t.url, *key, std::min(t.timeoutMs, 30000)});
}

} // namespace

std::unique_ptr<crm::Connector> makeConnector(const PushTarget &t, std::string &error)
{
    switch (t.kind) {
    case crm::Target::HubSpot:
        return hubSpotConnector(t, error);
    case crm::Target::Salesforce:
        return salesforceConnector(t, error);
    case crm::Target::Webhook:
        return webhookConnector(t, error);
    case crm::Target::Jsonl:
        break; // appended by crm::JsonlSink, not through a connector
    }
    error = unknownTargetError(util::nameString(t.kind));
    return nullptr;
}

std::string describeTarget(const PushTarget &t)
{
    switch (t.kind) {
    case crm::Target::HubSpot:
        return "HubSpot at " + (t.url.empty() ? std::string("https://api.hubapi.com") : t.url);
    case crm::Target::Salesforce:
        return "Salesforce at " + t.url;
    case crm::Target::Webhook:
        return "the webhook at " + t.url;
    case crm::Target::Jsonl:
        break;
    }
    return "the JSONL file " + t.file;
}

std::string unknownTargetError(const std::string &name)
{
    return "no target '" + name + "': there are " + util::listOf<crm::Target>(" and ");
}

} // namespace baton::app
