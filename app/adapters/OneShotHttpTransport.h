#pragma once

#include "ports/HttpTransport.h"

namespace baton::app {

// HTTP/1.1 for deliveries that must not happen twice: one connection per request, and a
// request is written once, never resent. QNetworkAccessManager resends a request whose
// connection closed before an answer came (measured against the CRM sandbox: 57 requests
// arrived where the push worker sent 42, and notes were created twice); here that is an
// answer-less response (status 0) that the worker resolves by looking the object up.
// Plain http, or https through QSslSocket with the system's certificates. Blocking, with
// one deadline for the whole exchange; safe to call from several threads at once. Headers
// are capped at kMaxResponseHeaderBytes and bodies at the request's maxBodyBytes (a larger
// Content-Length is refused before its body is read); redirects are not followed.
class OneShotHttpTransport final : public HttpTransport
{
public:
    HttpResponse send(const HttpRequest &request) override;
};

} // namespace baton::app
