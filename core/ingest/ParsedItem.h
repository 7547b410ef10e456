#pragma once

#include "contracts/Contract.h"

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace baton::ingest {

// One record as a source format read it, before the contract gate.
struct ParsedItem
{
    std::size_t line = 0;  // 1-based line in the file where the record starts
    std::size_t index = 0; // 0-based position among the file's records
    std::string contract;  // contract name; empty when the record could not even say
    int version = 0;       // 0: the record named none, the current version applies
    nlohmann::json record;
    // Problems found while reading or mapping (bad quoting, invalid UTF-8, a JSON
    // attribute that does not parse): such a record goes to quarantine unvalidated.
    std::vector<contracts::ValidationError> errors;
    std::string_view raw; // the record's text in the file (the file outlives the import)
};

// A problem with the file as a whole (empty, wrong delimiter, missing required column):
// nothing in it can be read, so the batch fails with this and one quarantine entry.
struct FileError
{
    std::size_t line = 0;
    std::string field;
    std::string message;
};

} // namespace baton::ingest
