#pragma once

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>

namespace baton::util {

// Parses JSON text into nlohmann::json, the document type the contracts validate. simdjson
// does the lexing (nlohmann's char-at-a-time lexer was the largest single cost of a JSONL
// import); anything simdjson refuses is parsed again by nlohmann, so results, duplicate-key
// handling and error messages are nlohmann's. Thread-safe: one parser per thread.
// Returns false and sets `error` (with the 1-based column) for invalid JSON.
bool parseJson(std::string_view text, nlohmann::json &out, std::string *error = nullptr);

} // namespace baton::util
