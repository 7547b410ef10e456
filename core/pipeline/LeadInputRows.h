#pragma once

#include "pipeline/LeadInputReader.h"

#include <unordered_set>
#include <utility>
#include <vector>

// How a lead's inputs are read from rows: the columns each query selects and how a row
// becomes facts, shared by the reading of one lead and of a batch, so both read the same.
namespace baton::pipeline::rows {

// Columns of `leads`, then of `accounts`; each query may add its own after them.
extern const char *const kLeadColumns;
extern const char *const kAccountColumns;
extern const char *const kObservationColumns;
// Of `events e` joined to `lead_identities li`.
extern const char *const kEventColumns;
// What a query adds, last, when it reads records whole (LeadInputReader::setReadRecords):
// the lead's or account's record, or an event's activity type and, when a model sums
// numbers of `attributeTypes`, its attributes, which addEvent keeps only for events of those
// types. SQLite copies every row's attributes out to the statement; measured, that cost less
// than a CASE choosing the types in SQL (two comparisons an event) and no more than reading
// them by id in a second query.
extern const char *const kRecordColumn;
std::string eventRecordColumns(const std::unordered_set<std::string> *attributeTypes);
// Where they start: right after the shared columns (a batch's events read the lead id first).
inline constexpr int kLeadRecordAt = 17, kAccountRecordAt = 9, kEventRecordAt = 6;
// A record column into the lead's inputs; an event's two into the event.
void leadRecordInto(const store::Statement &st, int column, LeadInputs &in);
void accountRecordInto(const store::Statement &st, int column, LeadInputs &in);

// A lead row (kLeadColumns) into `in`: the lead's facts, hash, outcome and consent flags.
void leadInto(const store::Statement &st, LeadInputs &in);
// The account row (kAccountColumns) into the lead's facts and hashes.
void accountInto(const store::Statement &st, LeadInputs &in);
using SeenObservation = std::pair<agents::Observation, util::Digest>;
SeenObservation observationAt(const store::Statement &st, const char *kind);
// An event from a row of id, type, asset, occurred_at, ..., its data_change value at `detail`.
agents::EventFact eventAt(const store::Statement &st, int detail);
// Appends an event row (kEventColumns) unless it occurred after `now`; with `recordAt`, its
// activity type from there, and its attributes when the row has them (eventRecordColumns)
// and `attributeTypes` is given.
void addEvent(const store::Statement &st, agents::TimePoint now,
              std::vector<agents::EventFact> &events, std::vector<util::Digest> &digests,
              int recordAt = -1, const std::unordered_set<std::string> *attributeTypes = nullptr);

// The account or the lead's domain: its company's, else its email's.
std::optional<std::string> domainOf(const agents::LeadFacts &lead);
// Observations in id order, then events in time order, into `in` and its hashes.
void addObservations(std::vector<SeenObservation> seen, LeadInputs &in);
void addEvents(std::vector<agents::EventFact> read, const std::vector<util::Digest> &digests,
               LeadInputs &in);

} // namespace baton::pipeline::rows
