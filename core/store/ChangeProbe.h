#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <string>

namespace baton::store {

class Database;

// What a view of the store shows, by the tables it reads: a change in one refreshes the
// views that read it, and only them.
enum class StoreArea
{
    Briefs, // briefs and the review actions on them
    Outbox, // CRM operations and what they did to a brief's status
    Audit,  // the audit chain
    Ingest, // import batches, their quarantine and contract drift
    Runs,   // pipeline runs
};
inline constexpr std::size_t kStoreAreaCount = 5;
// What a team database's triggers say on the channel kChangeChannel, by area.
inline constexpr std::array<const char *, kStoreAreaCount> kStoreAreaNames = {
    "briefs", "outbox", "audit", "ingest", "runs"};
inline constexpr const char *kChangeChannel = "baton_changes";
using StoreAreas = std::bitset<kStoreAreaCount>;

inline constexpr std::size_t areaBit(StoreArea area)
{
    return static_cast<std::size_t>(area);
}

// Notices commits to the store by anyone: another process (the CLI, `baton run`, `baton
// push`, another console), another connection of this one, or this connection itself.
// SQLite's data_version moves only when another connection commits, and total_changes
// counts this connection's own writes; while neither moved, a poll is one PRAGMA. When one
// did, each area's stamp is read (a few index look-ups: the newest row of append-only
// tables, the newest update of the others) and the areas whose stamp differs are reported.
// On a team database the tables' triggers NOTIFY the area they changed, and a poll reads
// what this connection heard, without a query. Not thread-safe: it uses its connection's
// thread.
class ChangeProbe
{
public:
    explicit ChangeProbe(Database &db);

    // The areas that changed since the last poll; every area on the first.
    StoreAreas poll();
    // SQLite's data_version of the connection: moves when another connection commits.
    std::int64_t dataVersion();

private:
    std::string stamp(StoreArea area);
    StoreAreas heard();

    Database &m_db;
    bool m_first = true;
    std::int64_t m_dataVersion = 0;
    std::int64_t m_ownChanges = 0;
    std::array<std::string, kStoreAreaCount> m_stamps;
};

} // namespace baton::store
