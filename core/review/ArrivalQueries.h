#pragma once

#include <cstdint>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::review {

// A reviewer's queue as the console's navigation counts it: the briefs waiting for their
// review, and how many of them are newer than brief `afterId` (written by a run since: the
// pipeline routes each new brief to its owner).
struct Queue
{
    std::int64_t waiting = 0;
    std::int64_t arrived = 0;  // of `waiting`, newer than afterId
    std::int64_t newestId = 0; // the newest brief waiting, to pass as afterId next time
};

// Two index range counts on briefs_by_owner: cheap enough for every change to the briefs.
Queue queueOf(store::Database &db, const std::string &owner, std::int64_t afterId);

} // namespace baton::review
