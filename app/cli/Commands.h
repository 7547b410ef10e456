#pragma once

#include "Connectors.h"
#include "cli/Command.h"
#include "pipeline/DryRun.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

#define BATON_DECLARE_COMMAND(Class)                                                               \
    class Class final : public Command                                                             \
    {                                                                                              \
    public:                                                                                        \
        QString name() const override;                                                             \
        QString summary() const override;                                                          \
        void configure(QCommandLineParser &parser) const override;                                 \
        int run(const QCommandLineParser &parser, CommandContext &context) const override;         \
    };

BATON_DECLARE_COMMAND(DemoCommand)
BATON_DECLARE_COMMAND(ImportCommand)
BATON_DECLARE_COMMAND(SyncCommand)
BATON_DECLARE_COMMAND(StatsCommand)
BATON_DECLARE_COMMAND(CheckCommand)
BATON_DECLARE_COMMAND(BenchCommand)
BATON_DECLARE_COMMAND(RunCommand)
BATON_DECLARE_COMMAND(RunsCommand)
BATON_DECLARE_COMMAND(BriefCommand)
BATON_DECLARE_COMMAND(ModelCommand)
BATON_DECLARE_COMMAND(LlmSandboxCommand)
BATON_DECLARE_COMMAND(CrmSandboxCommand)
BATON_DECLARE_COMMAND(PushCommand)
BATON_DECLARE_COMMAND(CrmCommand)
BATON_DECLARE_COMMAND(OutboxCommand)
BATON_DECLARE_COMMAND(SecretCommand)
BATON_DECLARE_COMMAND(ReviewCommand)
BATON_DECLARE_COMMAND(AuditCommand)
BATON_DECLARE_COMMAND(ExportCommand)
BATON_DECLARE_COMMAND(LineageCommand)
BATON_DECLARE_COMMAND(UsersCommand)
BATON_DECLARE_COMMAND(TeamCommand)
BATON_DECLARE_COMMAND(StoreCommand)

#undef BATON_DECLARE_COMMAND

// `baton bench ingest`, in IngestBench.cpp.
int benchIngest(const QCommandLineParser &parser, CommandContext &context);
// `baton bench reviewers`, in ReviewersBench.cpp.
int benchReviewers(const QCommandLineParser &parser, CommandContext &context);
// `baton bench model`, in ModelBench.cpp.
int benchModel(const QCommandLineParser &parser, CommandContext &context);
// `baton bench pipeline`, in PipelineBench.cpp.
int benchPipeline(const QCommandLineParser &parser, CommandContext &context);
// The target options `push` and `crm pull` share (--target, --url, --login-url,
// --client-id), in CrmCommands.cpp; unset when --target names no crm::Target.
std::optional<PushTarget> pushTargetFrom(const QCommandLineParser &parser);

// `baton bench dashboard`, in DashboardBench.cpp.
int benchDashboard(const QCommandLineParser &parser, CommandContext &context);
// `baton bench push`, in PushBench.cpp.
int benchPush(const QCommandLineParser &parser, CommandContext &context);
// `baton bench console`, in ConsoleBench.cpp: needs a QApplication.
int benchConsole(const QCommandLineParser &parser, CommandContext &context);

// `baton run --dry-run [--compare scoring@A,scoring@B]`, in DryRunCommand.cpp.
int runDryRun(const QCommandLineParser &parser, CommandContext &context, store::Database &db,
              const contracts::ContractRegistry &registry, const agents::Policy &policy,
              const std::vector<std::int64_t> &leadIds);
// `baton model canary|promote|rollback`, in ModelDeployment.cpp.
bool isDeploymentAction(const QString &action);
// "live: V; canary C on P% of leads"
void printDeployment(CommandContext &context, store::Database &db, const agents::Policy &policy);
int runDeployment(const QCommandLineParser &parser, CommandContext &context, store::Database &db,
                  const agents::Policy &policy);
// A scoring version: the policy's own, or a saved model; nothing otherwise, and a message
// that starts with `command` ("baton run").
std::optional<pipeline::ScoringVariant>
scoringVariant(store::Database &db, const agents::Policy &policy, const QString &version,
               CommandContext &context, const QString &command);

} // namespace baton::app
