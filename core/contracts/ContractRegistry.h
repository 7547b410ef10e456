#pragma once

#include "contracts/Contract.h"

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
    static ContractRegistry builtIn();

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

    // Validates `record` against name@version. An unknown contract or version is reported
    // as an error naming what is known. Lifecycle (sunset) is the caller's decision.
    bool validate(std::string_view name, int version, const nlohmann::json &record,
                  std::vector<ValidationError> &errors) const;
    const SchemaValidator *validator(std::string_view name, int version) const;

private:
    struct Entry;
    std::map<std::pair<std::string, int>, std::unique_ptr<Entry>, std::less<>> m_entries;
};

} // namespace baton::contracts
