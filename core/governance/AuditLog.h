#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::governance {

struct Actor;

struct AuditEntry
{
    // How an entry for a profile's action is begun (review, outbox, delivery targets): who
    // acted (user, role, OS account), what, on what, when. The caller adds the before and
    // after states and the detail. Commands whose actor need not be a profile use record().
    static AuditEntry by(const Actor &who, std::string action, std::string object, std::string at);

    std::int64_t seq = 0; // assigned on append
    std::string prevHash;
    std::string actor;
    std::string role;
    std::string osUser;
    std::string action;     // "approve", "edit", ...
    std::string object;     // "brief#12"
    std::string beforeHash; // the object's state hash before and after
    std::string afterHash;
    std::string detail = "{}"; // JSON
    std::string at;            // RFC 3339 UTC
    std::string hash;          // assigned on append
};

// Empty fields match everything. Times are RFC 3339 UTC or a date ("2026-11-24"): `since`
// inclusive, `until` exclusive.
struct AuditFilter
{
    std::string actor, action, object, since, until;
    std::int64_t limit = 50;
};

struct AuditVerification
{
    bool ok = true;
    std::int64_t rows = 0;
    std::optional<std::int64_t> firstBroken; // seq of the first row whose link fails
    std::string problem;                     // what is wrong with it
};

// The append-only, hash-chained audit log. Each row's hash is SHA-256 over its fields and
// the previous row's hash, so altering or removing a row breaks every link after it; the
// first broken one is reported. Appends join the caller's transaction.
class AuditLog
{
public:
    explicit AuditLog(store::Database &db);

    AuditEntry append(AuditEntry entry);
    // A change that is not a review action (an import, a run's policy, a push, a secret, a
    // binding): who, as which role and OS account, what, on what, and a JSON detail. Joins
    // the caller's transaction, or makes its own.
    AuditEntry record(const std::string &actor, const std::string &role, const std::string &osUser,
                      const std::string &action, const std::string &object,
                      const std::string &detail, const std::string &at);
    AuditVerification verify();
    // The newest row (sequence and hash), to keep elsewhere: verify against it later and a
    // removed newest row is caught too. Nothing for an empty log.
    std::optional<std::pair<std::int64_t, std::string>> head();
    // Whether row `seq` still exists with `hash`.
    bool hasRow(std::int64_t seq, const std::string &hash);
    // Newest first.
    std::vector<AuditEntry> list(const AuditFilter &filter);

    static std::string rowHash(const AuditEntry &e);
    static constexpr const char *Genesis =
        "0000000000000000000000000000000000000000000000000000000000000000";

private:
    store::Database &m_db;
};

} // namespace baton::governance
