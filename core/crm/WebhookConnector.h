#pragma once

#include "crm/Connector.h"
#include "crm/Target.h"

namespace baton::crm {

// A generic webhook: each approved (or retracted) brief is one POST of its JSON to the
// receiver's URL, signed with HMAC-SHA256 over the exact body under a shared secret
// (`X-Baton-Signature-256: sha256=<hex>`, as GitHub signs its webhooks) and carrying a
// delivery id that stays the same across retries (`X-Baton-Delivery`). Delivery is at least
// once: an answer lost in transit is sent again with the same id, and a receiver drops an id
// it has seen. 2xx is delivered; 408, 429 and 5xx are retried (honouring Retry-After); any
// other answer stops the delivery with the receiver's words.
class WebhookConnector final : public Connector
{
public:
    struct Config
    {
        std::string url;
        std::string secret;
        int timeoutMs = 10000;
    };

    explicit WebhookConnector(Config config);

    std::string system() const override { return util::nameString(Target::Webhook); }
    const std::vector<std::string> &kinds() const override;
    std::size_t batchLimit(const std::string &) const override { return 1; }
    bool idempotent(const std::string &) const override { return true; }
    std::chrono::milliseconds requestTimeout() const override
    {
        return std::chrono::milliseconds(m_config.timeoutMs);
    }
    HttpRequest build(const std::string &kind, const std::vector<Delivery> &batch) const override;
    std::vector<DeliveryResult> read(const std::string &kind, const std::vector<Delivery> &batch,
                                     const HttpResponse &response) const override;
    // Never called (every delivery is idempotent), and a receiver has nothing to ask.
    HttpRequest lookup(const std::string &, const std::vector<Delivery> &) const override
    {
        return {};
    }
    std::vector<DeliveryResult> readLookup(const std::string &, const std::vector<Delivery> &batch,
                                           const HttpResponse &) const override;
    std::optional<DeliveryResult> verdict(const HttpResponse &response) const override;

    // "sha256=<hex>" of body under secret: what the receiver compares with the header.
    static std::string signature(const std::string &secret, const std::string &body);

private:
    Config m_config;
};

} // namespace baton::crm
