#pragma once

#include <string_view>
#include <vector>

namespace baton::contracts {

struct EmbeddedFile
{
    std::string_view path; // relative to resources/contracts, e.g. "lead/v2.schema.json"
    std::string_view text;
};

const std::vector<EmbeddedFile> &embeddedContractFiles();

} // namespace baton::contracts
