#pragma once

#include "review/Vocabulary.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}

namespace baton::review {

// The person's day at a glance ("My day"): open briefs they own that are due before the end
// of their day, overdue, returned to them by someone else (reassigned to them, or an
// escalation sent back), or new since their last visit. One bucket also narrows the inbox.
enum class DayBucket
{
    DueToday,
    Overdue,
    ReturnedToMe,
    NewSinceVisit
};

// The moments a day's buckets are counted at, RFC 3339 UTC, as the console's clock and the
// person's time zone give them.
struct DayWindow
{
    std::string user;   // whose day: the owner of the briefs
    std::string now;    // due before this: overdue
    std::string dayEnd; // due from now to this: due today
    std::string since;  // made after this: new since the last visit ("": every one)
};

struct DayCounts
{
    std::int64_t dueToday = 0;
    std::int64_t overdue = 0;
    std::int64_t returnedToMe = 0;
    std::int64_t newSinceVisit = 0;
};

// What the inbox shows. Empty fields match everything; `status` empty means the open ones
// (kOpenStatuses), "all" everything, else a BriefStatus's name.
struct InboxFilter
{
    std::string owner;
    std::string status;
    std::string band;             // "A", "B" or "C": the grid's letter
    bool overdueOnly = false;     // open and past its SLA at `now`
    std::string escalationReason; // a word of the reasons
    std::string search;           // words, each matched as a prefix (FTS5)
    std::string now;              // RFC 3339, for overdue
    // Set: only the briefs this profile owns or acted on (escalated, was returned, ...);
    // "" shows none. Unset: every brief, for a role that may see them all.
    std::optional<std::string> visibleTo;
    // Set: only the open briefs of `day.user` in this bucket of their day.
    std::optional<DayBucket> dayBucket;
    DayWindow day;
};

enum class InboxSort
{
    Lead,
    Company,
    Score,
    Priority, // the grid cell: A1 first
    Sla,
    Status,
    Owner,
    Age
};

struct InboxRow
{
    std::int64_t id = 0;
    std::int64_t leadId = 0;
    std::string leadName;
    std::string company;
    std::string grid;
    double score = 0;
    std::string slaDue;
    BriefStatus status = BriefStatus::PendingReview;
    std::string owner;
    std::string createdAt;
    std::string escalationReasons; // JSON array
    std::int64_t version = 0;
};

// One record a brief considered, as the store has it now.
struct InputRecordView
{
    std::string ref;  // "event#12"
    std::string kind; // lead, account, enrichment, event
    std::string sourceSystem;
    std::string sourceId;
    std::string contract;      // "engagement_event@2"
    std::string hash;          // the hash the brief saw
    bool changedSince = false; // the store's hash differs now
    bool missing = false;      // the record is gone
    std::string receivedAt;
    std::string summary; // a line about it: an event's type and asset, a lead's email
};

struct StepView
{
    std::string agent, version, decision;
    std::string rationale;    // JSON array
    std::string policyChecks; // JSON
    std::string inputs;       // JSON
    double durationMs = 0;
    std::string spanId;
};

struct HistoryView
{
    std::int64_t id = 0;
    std::string at, action, actor, role, reason, note, patch, target, statusBefore, statusAfter;
    std::int64_t version = 0;
};

// What the CRM holds (or is to hold) for a brief: one per outbox operation.
struct CrmObjectView
{
    std::string kind;   // upsert_person, create_note, create_task
    std::string status; // pending, in_flight, done, failed, cancelled
    std::string system; // hubspot, ... once done
    std::string crmId;
};

// How to reach the person a brief is about, as the lead's record has it now.
struct LeadContact
{
    std::string email;
    std::string phone;
};

// The read side of review: inbox pages, counts and search, and everything the brief page
// shows. One connection, prepared statements; not thread-safe.
class BriefQueries
{
public:
    explicit BriefQueries(store::Database &db);

    std::int64_t count(const InboxFilter &filter);
    std::vector<InboxRow> page(const InboxFilter &filter, InboxSort sort, bool descending,
                               std::int64_t offset, std::int64_t limit);
    // Everyone a brief can be assigned to (reps and managers), or the managers an escalation
    // can go to.
    std::vector<std::string> owners(bool managersOnly = false);

    // Search covers briefs up to a watermark; newer ones are indexed here, `batch` at a time
    // (one transaction each). Returns how many are still waiting.
    std::int64_t unindexedBriefs();
    std::int64_t indexBriefs(std::int64_t batch);

    // The counts of every bucket of a person's day.
    DayCounts dayCounts(const DayWindow &window);
    LeadContact contact(std::int64_t leadId);

    std::vector<InputRecordView> inputs(const std::string &briefJson);
    std::vector<StepView> steps(std::int64_t briefId);
    std::vector<HistoryView> history(std::int64_t briefId);
    std::vector<CrmObjectView> crmObjects(std::int64_t briefId);

    // "word another" -> "\"word\"* \"another\"*": what a person types, as an FTS5 query
    // that cannot be a syntax error.
    static std::string ftsQuery(const std::string &text);

private:
    store::Database &m_db;
};

} // namespace baton::review
