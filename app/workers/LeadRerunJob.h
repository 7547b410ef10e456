#pragma once

#include "pipeline/LeadRerun.h"

#include <QString>
#include <cstdint>
#include <string>

namespace baton {
class Clock;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

// Re-runs the pipeline for one lead as `baton run --lead ID` would: the built-in policy,
// the LLM backend from Settings, and a connection of its own, so it can run on any thread.
// As of `clock`'s moment (the CLI's --now, the console's clock): the run reads only the
// events that had occurred by then. Throws what opening the store or the run throws.
pipeline::LeadRerun rerunLeadInStore(const QString &storePath,
                                     const contracts::ContractRegistry &registry,
                                     std::int64_t leadId, const std::string &trigger,
                                     const Clock &clock);

} // namespace baton::app
