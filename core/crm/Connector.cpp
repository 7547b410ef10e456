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

} // namespace baton::crm
