#pragma once

#include "ports/HttpTransport.h"

namespace baton::app {

// core's HttpTransport over QNetworkAccessManager. send() blocks its caller on a local event
// loop with its own manager, so pipeline worker threads (plain std::threads) can call it at
// once; Qt adopts such threads and runs the loop there.
class QtHttpTransport final : public HttpTransport
{
public:
    HttpResponse send(const HttpRequest &request) override;
};

} // namespace baton::app
