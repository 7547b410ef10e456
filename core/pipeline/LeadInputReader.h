#pragma once

#include "agents/Consent.h"
#include "agents/EnrichmentAgent.h"
#include "agents/ScoringAgent.h"
#include "util/Sha256.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace baton::store {
class Database;
class Statement;
} // namespace baton::store

namespace baton::pipeline {

// One record a lead's evaluation rests on, and its content hash. Kept binary: a run reads
// millions, and only briefed leads need them as text.
struct InputRecord
{
    enum Kind : char
    {
        Lead = 'l',
        Account = 'a',
        Enrichment = 'n',
        Event = 'e'
    };
    Kind kind = Lead;
    std::int64_t id = 0;
    util::Digest sha256{};

    std::string ref() const; // "lead#7", "event#12", ...
    std::string hex() const { return util::toHex(sha256); }
};

// Everything the agents may consider about one lead, read from the store, with the content
// hash of every record: together they are the lead's input fingerprint.
struct LeadInputs
{
    agents::EnrichmentInput enrichment;
    std::vector<agents::EventFact> events;
    std::vector<InputRecord> hashes;
    // ("lead#7", hex sha-256) for each record, in reading order.
    std::vector<std::pair<std::string, std::string>> refsAndHashes() const;
    // What a step that read the events records of them: one SHA-256 over each event's id
    // (8 bytes, big-endian) and content hash in reading order, which anyone can recompute
    // from the brief's inputs_considered or the store.
    std::string eventsDigest() const;
    std::optional<std::string> convertedAt; // the historical outcome, if any
    std::optional<std::string> createdAt;
    agents::LeadConsentFlags consent; // with the events, the facts consent is decided from
    // The lead's and its account's records as imported (JSON text), custom properties and
    // all: read only for a scoring model that learns from every property.
    std::string leadRecord, accountRecord;
};

// A lead's consent flags from a row whose columns from `first` are source_system,
// do_not_call, do_not_contact, email_opt_outs and the flags' time.
agents::LeadConsentFlags consentFlags(const store::Statement &st, int first, std::int64_t leadId,
                                      bool emailOptOut);

// Reads a lead's inputs: the account its company domain (or email domain) names, what
// providers said about that domain and that email, and the events of every identity the
// lead has in any source system. Prepared statements, one connection; not thread-safe.
class LeadInputReader
{
public:
    explicit LeadInputReader(store::Database &db);

    // Events that occurred after `now` are not read: a run as of a moment sees what had
    // happened by then.
    std::optional<LeadInputs> read(std::int64_t leadId, agents::TimePoint now);
    // Reads the inputs of a batch of leads in a few statements, not several per lead (on
    // PostgreSQL each statement is a round trip); read() hands each out once. The caller
    // holds one read snapshot across both, so what read() returns is what it would read.
    void prefetch(std::span<const std::int64_t> leadIds, agents::TimePoint now);
    std::vector<std::int64_t> leadIds();
    // Whether to read the records whole, and the events' activity types, as an additive
    // scoring model needs them, with the attributes of events of `attributeTypes` (those it
    // sums); off, a run reads only what the agents use.
    void setReadRecords(bool on, std::unordered_set<std::string> attributeTypes = {});
    // What the store says now about contacting the lead: its flags and its consent events.
    // Review runs the consent gate again on this at approval and on every edit.
    std::vector<agents::ConsentFact> consentFacts(std::int64_t leadId);

private:
    void readObservations(const std::optional<std::string> &domain, LeadInputs &in);
    void readEvents(std::int64_t leadId, agents::TimePoint now, LeadInputs &in);

    store::Database &m_db;
    std::unordered_map<std::int64_t, LeadInputs> m_prefetched;
    agents::TimePoint m_prefetchedAsOf{};
    bool m_readRecords = false;
    std::unordered_set<std::string> m_attributeTypes;
    std::string m_eventColumns; // what the events query selects
};

} // namespace baton::pipeline
