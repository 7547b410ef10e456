#include "crm/WebhookConnector.h"

#include "util/Backoff.h"
#include "util/Hmac.h"

namespace baton::crm {

namespace {

using Outcome = DeliveryResult::Outcome;

} // namespace

WebhookConnector::WebhookConnector(Config config) : m_config(std::move(config))
{
}

const std::vector<std::string> &WebhookConnector::kinds() const
{
    static const std::vector<std::string> kinds = {util::nameString(OpKind::PostWebhook)};
    return kinds;
}

std::string WebhookConnector::signature(const std::string &secret, const std::string &body)
{
    return "sha256=" + util::toHex(util::hmacSha256(secret, body));
}

HttpRequest WebhookConnector::build(const std::string &, const std::vector<Delivery> &batch) const
{
    HttpRequest r;
    r.method = "POST";
    r.url = m_config.url;
    r.timeoutMs = m_config.timeoutMs;
    if (batch.empty())
        return r;
    const auto &payload = batch.front().payload;
    r.body = payload.dump();
    r.headers = {{"Content-Type", "application/json"},
                 {"User-Agent", "Baton-Webhook/1"},
                 {"X-Baton-Event", payload.value("event", "")},
                 {"X-Baton-Delivery", payload.value("delivery_id", "")},
                 {"X-Baton-Signature-256", signature(m_config.secret, r.body)}};
    return r;
}

std::optional<DeliveryResult> WebhookConnector::verdict(const HttpResponse &r) const
{
    if (r.status == 0)
        return noAnswer(r, "the webhook");
    if (r.status >= 200 && r.status < 300)
        return std::nullopt;
    const std::string said = "webhook " + std::to_string(r.status) + ": " + r.body.substr(0, 300);
    if (r.status == 408 || r.status == 429 || r.status >= 500)
        return DeliveryResult{
            Outcome::Retry, {}, said, util::parseRetryAfter(r.header("Retry-After"))};
    return DeliveryResult{Outcome::Permanent, {}, said, {}};
}

std::vector<DeliveryResult> WebhookConnector::read(const std::string &,
                                                   const std::vector<Delivery> &batch,
                                                   const HttpResponse &response) const
{
    std::vector<DeliveryResult> out;
    const auto whole = verdict(response);
    for (const auto &d : batch)
        out.push_back(
            whole ? *whole
                  : DeliveryResult{Outcome::Done, d.payload.value("delivery_id", ""), {}, {}});
    return out;
}

std::vector<DeliveryResult> WebhookConnector::readLookup(const std::string &,
                                                         const std::vector<Delivery> &batch,
                                                         const HttpResponse &) const
{
    return std::vector<DeliveryResult>(batch.size(), {Outcome::Retry, {}, "sending it again", {}});
}

} // namespace baton::crm
