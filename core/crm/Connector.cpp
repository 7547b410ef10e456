#include "crm/Connector.h"

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

} // namespace baton::crm
