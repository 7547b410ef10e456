#include "ports/HttpTransport.h"

#include "util/Url.h"

#include <algorithm>
#include <cctype>

namespace baton {

std::string HttpResponse::header(std::string_view name) const
{
    const auto same = [&](const std::string &candidate) {
        return candidate.size() == name.size() &&
               std::equal(candidate.begin(), candidate.end(), name.begin(), [](char a, char b) {
                   return std::tolower(static_cast<unsigned char>(a)) ==
                          std::tolower(static_cast<unsigned char>(b));
               });
    };
    for (const auto &[key, value] : headers)
        if (same(key))
            return value;
    return {};
}

bool carriesCredential(const HttpRequest &request)
{
    if (request.carriesSecret)
        return true;
    HttpResponse headers; // reuses the case-insensitive lookup
    headers.headers = request.headers;
    return !headers.header("Authorization").empty();
}

std::string credentialRefusal(const HttpRequest &request)
{
    if (!carriesCredential(request) || util::isSecureOrLoopback(request.url))
        return {};
    return "refused to send credentials over plain http to " + request.url +
           ": use https (plain http only to this machine: localhost, 127.0.0.0/8, ::1)";
}

} // namespace baton
