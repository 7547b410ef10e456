#pragma once

#include "contracts/Contract.h"
#include "contracts/SimplePattern.h"

#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace baton::contracts {

// One top-level array property of a contract whose items are records of two string fields,
// checked from the strings themselves instead of through a JSON document. The brief's
// inputs_considered is such a list and most of a brief: an active lead's brief lists hundreds
// of {"ref", "sha256"} items, and building, walking and freeing JSON for each cost a third
// of the pipeline's time. The check is compiled from the contract's own schema, so the
// contract stays the one source of truth; compile() accepts only the shape it checks exactly
// and returns nullopt for anything else, which the caller validates the ordinary way.
class RecordListCheck
{
public:
    using Row = std::pair<std::string, std::string>;

    // `schema` is the contract (an object schema). Accepted: schema.properties[property] is
    // {"type": "array", "minItems"?, "maxItems"?, "items": {"type": "object",
    // "additionalProperties": false, "required": [...], "properties": {first: S, second: S}}}
    // where each S is {"type": "string", "pattern"?} with a pattern SimplePattern can match,
    // and `required` names only those two fields.
    static std::optional<RecordListCheck> compile(const nlohmann::json &schema,
                                                  const std::string &property, std::string first,
                                                  std::string second);

    // The contract with the property accepting anything: what the rest of a document is
    // validated against while this check covers the list.
    nlohmann::json schemaForTheRest(const nlohmann::json &schema) const;

    // The list's errors as the full validator words them, pointers included
    // ("/inputs_considered/3/sha256"). Stops at the first without `errors`.
    bool check(const std::vector<Row> &rows, std::vector<ValidationError> *errors) const;

    const std::string &property() const { return m_property; }

private:
    struct Field
    {
        std::string name;
        std::optional<std::string> patternText;
        std::optional<SimplePattern> pattern;
    };

    bool checkField(const Field &field, const std::string &value, std::size_t row,
                    std::vector<ValidationError> *errors) const;

    std::string m_property;
    Field m_first, m_second;
    std::optional<std::uint64_t> m_minItems, m_maxItems;
};

} // namespace baton::contracts
