#pragma once

#include "contracts/Contract.h"

#include <nlohmann/json_fwd.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace baton::contracts {

// A compiled JSON Schema (draft-07). valijson lives behind SchemaValidator.cpp only;
// `format` keywords date-time, date, time and email are checked by FormatChecks, not by
// valijson (whose date-time check builds a std::regex per call and ignores email).
// "$id" and relative "$ref" follow draft-07 and RFC 3986 (valijson 1.0 alone reads only
// draft-4 "id" and joins URIs by concatenation). Thread-safe for concurrent validate()
// calls once constructed.
class SchemaValidator
{
public:
    // Loads the document a "$ref" to another document names (absolute URI, no fragment)
    // into `document`; false if it is unknown. Without a fetcher such a "$ref" is a schema
    // error; references within the schema, "$id"s embedded in it included, need none.
    using DocumentFetcher = std::function<bool(const std::string &uri, nlohmann::json &document)>;

    // Throws std::invalid_argument naming the problem if the schema itself is invalid.
    explicit SchemaValidator(const nlohmann::json &schema);
    SchemaValidator(const nlohmann::json &schema, const DocumentFetcher &fetch);
    ~SchemaValidator();
    SchemaValidator(SchemaValidator &&) noexcept;
    SchemaValidator &operator=(SchemaValidator &&) noexcept;

    // True if valid. When `errors` is given every error found is appended to it; without
    // it validation stops at the first failure.
    bool validate(const nlohmann::json &document, std::vector<ValidationError> *errors) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baton::contracts
