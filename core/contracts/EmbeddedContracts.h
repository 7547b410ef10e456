#pragma once

#include <string_view>
#include <vector>

namespace baton::contracts {

struct EmbeddedFile
{
    std::string_view path; // relative to its resources/ folder, e.g. "lead/v2.schema.json"
    std::string_view text;
};

// resources/contracts: every schema and registry.json.
const std::vector<EmbeddedFile> &embeddedContractFiles();
// resources/policy: the policies Baton ships (default.json).
const std::vector<EmbeddedFile> &embeddedPolicyFiles();

} // namespace baton::contracts
