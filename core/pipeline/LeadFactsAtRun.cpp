#include "pipeline/LeadFactsAtRun.h"

#include "scoring/FactBuilder.h"
#include "scoring/RecordBinsMemo.h"

#include <tuple>

namespace baton::pipeline {

namespace {

// The subject's newest observation made by `asOf`, as the fit takes it.
const agents::Observation *newestObservation(const std::vector<agents::Observation> &all,
                                             const char *kind, agents::TimePoint asOf)
{
    const agents::Observation *newest = nullptr;
    for (const auto &o : all)
        if (o.subjectKind == kind && o.observedAt <= asOf &&
            (!newest || std::tie(o.observedAt, o.id) > std::tie(newest->observedAt, newest->id)))
            newest = &o;
    return newest;
}

// The content hash a record was read with (empty when it was not).
std::string_view digestOf(const LeadInputs &inputs, InputRecord::Kind kind, std::int64_t id)
{
    for (const auto &r : inputs.hashes)
        if (r.kind == kind && r.id == id)
            return {reinterpret_cast<const char *>(r.sha256.data()), r.sha256.size()};
    return {};
}

// A record other leads share: its bins from `memo` when one of them read the same content
// (the record's SHA-256 as read), else read (by `read`) and kept there.
template <class Read>
void addShared(scoring::FactBuilder &facts, scoring::RecordBinsMemo *memo, InputRecord::Kind kind,
               std::int64_t id, std::string_view digest, const std::string &evidence, Read read)
{
    if (!memo || digest.empty()) {
        read();
        return;
    }
    if (const auto *bins = memo->find(kind, id, digest)) {
        facts.addRecordBins(*bins, evidence);
        return;
    }
    scoring::RecordBins bins;
    facts.captureInto(&bins);
    read();
    facts.captureInto(nullptr);
    memo->keep(kind, id, std::string(digest), std::move(bins));
}

void addInputs(scoring::FactBuilder &facts, const LeadInputs &inputs, agents::TimePoint asOf,
               scoring::RecordBinsMemo *memo = nullptr)
{
    facts.addRecordText("lead.", inputs.leadRecord,
                        "lead#" + std::to_string(inputs.enrichment.lead.id));
    if (const auto &account = inputs.enrichment.account) {
        const std::string evidence = "account#" + std::to_string(account->id);
        addShared(facts, memo, InputRecord::Account, account->id,
                  digestOf(inputs, InputRecord::Account, account->id), evidence,
                  [&] { facts.addRecordText("account.", inputs.accountRecord, evidence); });
    }
    for (const char *kind : {"account", "lead"})
        if (const auto *o = newestObservation(inputs.enrichment.observations, kind, asOf)) {
            const std::string evidence = "enrichment#" + std::to_string(o->id);
            const auto read = [&] { facts.addRecord("enrichment.", o->fields, evidence); };
            if (o->subjectKind == "account")
                addShared(facts, memo, InputRecord::Enrichment, o->id,
                          digestOf(inputs, InputRecord::Enrichment, o->id), evidence, read);
            else
                read();
        }
    for (const auto &e : inputs.events)
        facts.addEvent(e.id, e.type, e.activityType, e.occurredAt, e.attributes);
}

} // namespace

scoring::Facts leadFactsAtRun(const LeadInputs &inputs, agents::TimePoint asOf,
                              const scoring::FactFilter *filter)
{
    scoring::FactBuilder facts(asOf, scoring::kEngagementHalfLifeDays, filter);
    addInputs(facts, inputs, asOf);
    return facts.finish();
}

scoring::BinRow leadBinRowAtRun(const LeadInputs &inputs, agents::TimePoint asOf,
                                const scoring::FactFilter &filter, scoring::RecordBinsMemo *memo)
{
    auto facts = scoring::FactBuilder::binning(asOf, filter);
    if (memo)
        memo->use(filter, asOf);
    addInputs(facts, inputs, asOf, memo);
    return facts.finishBins();
}

} // namespace baton::pipeline
