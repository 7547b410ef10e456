#include "contracts/Contract.h"

namespace baton::contracts {

const char *toString(ContractStatus status)
{
    switch (status) {
    case ContractStatus::Active:
        return "active";
    case ContractStatus::Deprecated:
        return "deprecated";
    case ContractStatus::Sunset:
        return "sunset";
    }
    return "unknown";
}

ContractStatus ContractVersion::statusAt(std::chrono::system_clock::time_point now) const
{
    // Both dates are inclusive: at the stroke of sunsetAt the version is already refused.
    if (sunsetAt && now >= *sunsetAt)
        return ContractStatus::Sunset;
    if (deprecatedSince && now >= *deprecatedSince)
        return ContractStatus::Deprecated;
    return ContractStatus::Active;
}

} // namespace baton::contracts
