#pragma once

// Internal to core/contracts: the parts of SchemaValidator that need no valijson, kept out
// of SchemaValidator.cpp (the one file that may include valijson) so it stays readable.

#include "contracts/Contract.h"

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace baton::contracts::detail {

// --- Message pieces -------------------------------------------------------------------

// A string as JSON text for a message, cut after 64 bytes; never throws on bad UTF-8.
std::string quoteText(std::string_view text);
// 255 rather than std::to_string's "255.000000".
std::string number(double value);
// "a valid date-time (RFC 3339)" and the like.
std::string formatDescription(const std::string &format);
// "1 character", "3 characters".
std::string counted(std::uint64_t n, const char *singular, const char *plural);

// One error as valijson reports it: a context like ["[lead]", "[source_id]"] and a text.
struct RawError
{
    const std::vector<std::string> &context;
    const std::string &message;
};

// RFC 6901 pointer for a valijson context: ["[lead]", "[source_id]"] -> "/lead/source_id".
std::string toPointer(const std::vector<std::string> &context);

// Appends `raw` to `out` as ValidationErrors: pointers, valijson's remaining messages in
// our words, its "a child failed" wrappers dropped where the child's error says more.
void appendErrors(const std::vector<RawError> &raw, std::vector<ValidationError> &out);

// --- Schema preparation ---------------------------------------------------------------

// Every enum and const value of a schema, for messages: valijson's copies of them cannot
// be printed, so a message finds the schema's own JSON here.
struct Literals
{
    std::vector<const nlohmann::json *> enums;
    std::vector<const nlohmann::json *> consts;
};

// Schemas by the absolute URI of their "$id" (fragment dropped), so a "$ref" to a schema
// embedded in the same document resolves without fetching anything.
using SchemaIndex = std::map<std::string, const nlohmann::json *, std::less<>>;

// Walks a draft-07 schema before valijson compiles it: collects its literals and "$id"s
// (pointers into `schema`, which must outlive them), throws std::invalid_argument for a
// pattern std::regex cannot compile, and gives every subschema the base URI it has in
// scope as the draft-4 "id" that valijson 1.0 reads (it ignores "$id", and would
// otherwise resolve a "$ref" target under the scope of the referring schema).
void prepareSchema(nlohmann::json &schema, const std::string &baseUri, Literals &literals,
                   SchemaIndex &ids);

// RFC 3986 section 5.2 reference resolution, without query handling subtleties: what a
// relative "$ref" means under the "$id" in scope. The fragment of `base` is dropped.
std::string resolveUri(std::string_view base, std::string_view reference);

} // namespace baton::contracts::detail
