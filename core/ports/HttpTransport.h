#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// What an answer may weigh: headers are small in every API Baton speaks; bodies are capped
// per request (a page of CRM records, a chat completion), and refused at the cap without
// being buffered.
inline constexpr std::size_t kMaxResponseHeaderBytes = 64 * 1024;
inline constexpr std::size_t kDefaultMaxResponseBodyBytes = 16 * 1024 * 1024;

struct HttpRequest
{
    std::string method = "POST";
    std::string url;
    HttpHeaders headers;
    std::string body;
    // The whole exchange, connection to last byte: a server dripping a byte a second gets
    // this long, not hours.
    int timeoutMs = 30000;
    std::size_t maxBodyBytes = kDefaultMaxResponseBodyBytes;
    // The body holds a secret (an OAuth refresh or client secret), as an Authorization
    // header does: either is only sent over https or to this machine.
    bool carriesSecret = false;
};

// Why the request must not be sent as it is, or "" when it may: a credential (an
// Authorization header, a secret in the body) bound for plain http:// on another machine.
std::string credentialRefusal(const HttpRequest &request);

// True when a request carries a credential (Authorization header or carriesSecret).
bool carriesCredential(const HttpRequest &request);

struct HttpResponse
{
    int status = 0; // 0: no HTTP answer at all (see error)
    HttpHeaders headers;
    std::string body;
    std::string error; // what the transport says when there was no answer: refused, timeout...
    bool timedOut = false;

    // Case-insensitive, as HTTP header names are; empty when absent.
    std::string header(std::string_view name) const;
};

// HTTP is a port: core builds requests and reads answers (sans-I/O), the adapter in app/
// moves the bytes. send() blocks and must be safe to call from several threads at once.
class HttpTransport
{
public:
    virtual ~HttpTransport() = default;
    virtual HttpResponse send(const HttpRequest &request) = 0;
};

} // namespace baton
