#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}

namespace baton::ingest {
struct ImportResult;
}

namespace baton::app {

// Puts a change made from this machine on the audit record: an import, a run with its own
// policy or scoring version, a push, a secret set or deleted, a model fitted. The actor is
// the profile bound to this OS account, else "os:<account>" (a command needs no --as to
// import or push); the OS account is always recorded.
void auditInvocation(store::Database &db, const Clock &clock, const std::string &action,
                     const std::string &object, const nlohmann::json &detail);

// An import on the record: file, its SHA-256, format, how (import, sync, demo, console) and
// the counts. A file already imported (nothing written) is not a change.
void auditImport(store::Database &db, const Clock &clock, const ingest::ImportResult &result,
                 const std::string &how);

} // namespace baton::app
