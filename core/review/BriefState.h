#pragma once

#include "review/Vocabulary.h"

#include <cstdint>
#include <string>

namespace baton::store {
class Database;
}

namespace baton::review {

// A brief as review sees it: the current text (edited, or as generated) and its state.
struct BriefState
{
    std::int64_t id = 0;
    std::int64_t leadId = 0;
    BriefStatus status = BriefStatus::PendingReview;
    std::int64_t version = 0;
    std::string owner;
    std::string escalatedTo;
    std::string text; // the brief as it now reads
    bool edited = false;
};

// A brief as review sees it now, or ActionError::NotFound.
BriefState readBriefState(store::Database &db, std::int64_t id);
// The same, read to change it in the caller's transaction: on PostgreSQL the brief's row is
// locked until the transaction ends, so two actions on one brief take turns and the second
// sees what the first committed (READ COMMITTED would let it read the brief before the first
// commits and again after). SQLite's one writer makes them take turns already.
BriefState lockBriefState(store::Database &db, std::int64_t id);

// What the audit chain records of a brief's state (status, version, owner, escalated_to and
// the SHA-256 of its text): enough to tell any two states apart.
std::string stateHash(const BriefState &b);

} // namespace baton::review
