#pragma once

#include <chrono>

namespace baton::contracts {
class ContractRegistry;
}
namespace baton::store {
class Database;
}

namespace baton::ingest {

// Writes every contract version Baton knows, with its status at `now`, into the store's
// `contracts` table, so the store itself says which contracts its records were held to.
void recordContracts(store::Database &db, const contracts::ContractRegistry &registry,
                     std::chrono::system_clock::time_point now);

} // namespace baton::ingest
