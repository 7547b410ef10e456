#pragma once

#include "contracts/Contract.h"

#include <nlohmann/json_fwd.hpp>

#include <memory>
#include <vector>

namespace baton::contracts {

// A compiled JSON Schema (draft-07). valijson lives behind SchemaValidator.cpp only;
// `format` keywords date-time, date, time and email are checked by FormatChecks, not by
// valijson (whose date-time check builds a std::regex per call and ignores email).
// Thread-safe for concurrent validate() calls once constructed.
class SchemaValidator
{
public:
    // Throws std::invalid_argument naming the problem if the schema itself is invalid.
    explicit SchemaValidator(const nlohmann::json &schema);
    ~SchemaValidator();
    SchemaValidator(SchemaValidator &&) noexcept;
    SchemaValidator &operator=(SchemaValidator &&) noexcept;

    // True if valid. When `errors` is given it receives every error found.
    bool validate(const nlohmann::json &document, std::vector<ValidationError> *errors) const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace baton::contracts
