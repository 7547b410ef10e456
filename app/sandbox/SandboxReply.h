#pragma once

#include <QByteArray>
#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

namespace baton::app {

// One answer of the CRM sandbox, in whichever API's shape it speaks.
struct SandboxReply
{
    int status = 200;
    nlohmann::json body;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
};

} // namespace baton::app
