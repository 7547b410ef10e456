#pragma once

#include "contracts/Contract.h"
#include "contracts/EmbeddedContracts.h"

#include <nlohmann/json_fwd.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baton::contracts {

class SchemaValidator;

// Every known version of every contract, with its compiled validator. Built once (from the
// schemas embedded in the binary, or from files for tests) and then read-only, so import
// workers can share it across threads.
class ContractRegistry
{
public:
    ContractRegistry();
    ~ContractRegistry();
    ContractRegistry(ContractRegistry &&) noexcept;
    ContractRegistry &operator=(ContractRegistry &&) noexcept;

    // The contracts compiled into Baton (resources/contracts + its registry.json manifest).
    // Throws std::invalid_argument if they are inconsistent: that is a build defect.
    static ContractRegistry builtIn();
    // The same from any set of "<name>/v<N>.schema.json" files plus "registry.json".
    static ContractRegistry fromFiles(const std::vector<EmbeddedFile> &files);

    // Adds one version; throws std::invalid_argument if the schema does not compile or the
    // version is already present.
    void add(ContractVersion version);

    const ContractVersion *find(std::string_view name, int version) const;
    // The newest version that is not sunset at `now`: what a record that names no version
    // is validated against.
    const ContractVersion *current(std::string_view name,
                                   std::chrono::system_clock::time_point now) const;
    std::vector<const ContractVersion *> versions() const;
    std::vector<std::string> names() const;

    // Validates `record` against name@version, appending to `errors`. An unknown contract or
    // version is reported as an error naming what is known. Lifecycle (sunset) is the
    // caller's decision. Safe to call from many threads at once.
    bool validate(std::string_view name, int version, const nlohmann::json &record,
                  std::vector<ValidationError> &errors) const;
    const SchemaValidator *validator(std::string_view name, int version) const;

private:
    struct Entry;
    // Orders (name, version) keys and lets lookups use a string_view without allocating.
    struct KeyLess
    {
        using is_transparent = void;
        template<typename A, typename B>
        bool operator()(const A &a, const B &b) const
        {
            const std::string_view an = a.first, bn = b.first;
            return an < bn || (an == bn && a.second < b.second);
        }
    };
    std::map<std::pair<std::string, int>, std::unique_ptr<Entry>, KeyLess> m_entries;
};

} // namespace baton::contracts
