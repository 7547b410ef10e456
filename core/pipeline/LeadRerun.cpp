#include "pipeline/LeadRerun.h"

#include "pipeline/RunStore.h"

namespace baton::pipeline {

LeadRerun rerunLead(store::Database &db, Orchestrator &orchestrator, std::int64_t leadId,
                    const std::string &trigger, RunOptions options)
{
    options.leadIds = {leadId};
    options.trigger = trigger;
    options.resumeOnly = false;
    LeadRerun out;
    out.run = orchestrator.run(options);
    if (out.run.resumed) // an interrupted run came first: finished now, then this lead's
        out.run = orchestrator.run(options);
    if (const auto item = RunStore(db).item(out.run.runId, leadId)) {
        out.status = item->status;
        out.newBrief = item->briefId;
        out.error = item->error;
    } else {
        out.status = ItemStatus::Failed;
        out.error = "the run has no item for lead #" + std::to_string(leadId);
    }
    return out;
}

} // namespace baton::pipeline
