#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest
{
    std::string method = "POST";
    std::string url;
    HttpHeaders headers;
    std::string body;
    int timeoutMs = 30000;
};

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
