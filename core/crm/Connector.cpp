#include "crm/Connector.h"

#include "util/Url.h"

#include <algorithm>
#include <cctype>

namespace baton::crm {

std::string Connector::describe(const HttpRequest &request) const
{
    std::string out = request.method + " " + request.url + "\n";
    for (const auto &[name, value] : request.headers) {
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool secret = lower == "authorization" ||
                            lower.find("signature") != std::string::npos ||
                            lower.find("token") != std::string::npos;
        out += name + ": " + (secret ? std::string("***") : value) + "\n";
    }
    return out + "\n" + request.body;
}

DeliveryResult noAnswer(const HttpResponse &r, const std::string &who)
{
    std::string e = r.error;
    std::transform(e.begin(), e.end(), e.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    const bool notSent = !r.timedOut && (e.find("refused") != std::string::npos ||
                                         e.find("not found") != std::string::npos);
    return {notSent ? DeliveryResult::Outcome::Retry : DeliveryResult::Outcome::Unknown,
            {},
            "no answer from " + who + ": " + r.error,
            {}};
}

HttpRequest bearerJsonRequest(const std::string &method, const std::string &url,
                              const std::string &accessToken, const nlohmann::json &body,
                              int timeoutMs)
{
    HttpRequest r;
    r.method = method;
    r.url = url;
    r.headers = {{"Authorization", "Bearer " + accessToken}, {"Content-Type", "application/json"}};
    if (!body.is_null())
        r.body = body.dump();
    r.timeoutMs = timeoutMs;
    return r;
}

HttpRequest refreshTokenRequest(const std::string &tokenUrl, const std::string &clientId,
                                const std::string &clientSecret, const std::string &refreshToken,
                                int timeoutMs)
{
    HttpRequest r;
    r.method = "POST";
    r.url = tokenUrl;
    r.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    std::vector<std::pair<std::string, std::string>> form = {{"grant_type", "refresh_token"},
                                                             {"client_id", clientId}};
    if (!clientSecret.empty())
        form.emplace_back("client_secret", clientSecret);
    form.emplace_back("refresh_token", refreshToken);
    r.body = util::formEncode(form);
    r.carriesSecret = true;
    r.timeoutMs = timeoutMs;
    return r;
}

} // namespace baton::crm
