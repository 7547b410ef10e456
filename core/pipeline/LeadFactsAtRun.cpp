#include "pipeline/LeadFactsAtRun.h"

#include "scoring/FactBuilder.h"

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

void addInputs(scoring::FactBuilder &facts, const LeadInputs &inputs, agents::TimePoint asOf)
{
    facts.addRecordText("lead.", inputs.leadRecord,
                        "lead#" + std::to_string(inputs.enrichment.lead.id));
    if (inputs.enrichment.account)
        facts.addRecordText("account.", inputs.accountRecord,
                            "account#" + std::to_string(inputs.enrichment.account->id));
    for (const char *kind : {"account", "lead"})
        if (const auto *o = newestObservation(inputs.enrichment.observations, kind, asOf))
            facts.addRecord("enrichment.", o->fields, "enrichment#" + std::to_string(o->id));
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
                                const scoring::FactFilter &filter)
{
    auto facts = scoring::FactBuilder::binning(asOf, filter);
    addInputs(facts, inputs, asOf);
    return facts.finishBins();
}

} // namespace baton::pipeline
