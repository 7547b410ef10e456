#pragma once

#include "pipeline/ItemStatus.h"
#include "pipeline/Orchestrator.h"

#include <cstdint>
#include <optional>
#include <string>

namespace baton::pipeline {

// What re-running the pipeline for one lead did, for the manager who asked.
struct LeadRerun
{
    RunSummary run;
    ItemStatus status = ItemStatus::Failed; // the lead's run item: never Pending once run
    std::optional<std::int64_t> newBrief;   // when briefed: it supersedes the lead's open briefs
    std::string error;                      // when failed
};

// Runs the pipeline for `leadId` alone, as any run (idempotent: an unchanged lead is not
// briefed again), and reports what became of it. `options` carries the scoring model and
// LLM backend a normal run would use; its lead list and trigger are replaced.
LeadRerun rerunLead(store::Database &db, Orchestrator &orchestrator, std::int64_t leadId,
                    const std::string &trigger, RunOptions options = {});

} // namespace baton::pipeline
