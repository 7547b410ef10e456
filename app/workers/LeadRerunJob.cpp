#include "workers/LeadRerunJob.h"

#include "LlmSettings.h"
#include "adapters/QtHttpTransport.h"
#include "agents/Policy.h"
#include "pipeline/DeployedScoring.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "store/Database.h"

#include <stdexcept>

namespace baton::app {

pipeline::LeadRerun rerunLeadInStore(const QString &storePath,
                                     const contracts::ContractRegistry &registry,
                                     std::int64_t leadId, const std::string &trigger,
                                     const Clock &clock)
{
    auto db = store::Database::open(storePath.toStdString(),
                                    {.readOnly = false, .create = false, .quickCheck = false});
    const auto policy = agents::defaultPolicy(registry);
    pipeline::RunOptions options;
    pipeline::useDeployedScoring(db, policy, options); // a rerun scores as `baton run` does
    QString error;
    const auto llm = llmConfigFromSettings({}, {}, &error);
    if (!error.isEmpty())
        throw std::runtime_error(error.toStdString());
    QtHttpTransport transport;
    std::optional<agents::LlmSummarizer> summarizer;
    if (llm) {
        summarizer.emplace(*llm, transport, registry, clock);
        options.summarizer = &*summarizer;
    }
    RandomIdGenerator ids;
    pipeline::Orchestrator orchestrator(db, registry, policy, clock, ids);
    return pipeline::rerunLead(db, orchestrator, leadId, trigger, options);
}

} // namespace baton::app
