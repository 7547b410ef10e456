#pragma once

#include "cli/Command.h"

namespace baton::app {

#define BATON_DECLARE_COMMAND(Class)                                                          \
    class Class final : public Command                                                       \
    {                                                                                        \
    public:                                                                                  \
        QString name() const override;                                                       \
        QString summary() const override;                                                    \
        void configure(QCommandLineParser &parser) const override;                           \
        int run(const QCommandLineParser &parser, CommandContext &context) const override;   \
    };

BATON_DECLARE_COMMAND(DemoCommand)
BATON_DECLARE_COMMAND(ImportCommand)
BATON_DECLARE_COMMAND(SyncCommand)
BATON_DECLARE_COMMAND(StatsCommand)
BATON_DECLARE_COMMAND(BenchCommand)
BATON_DECLARE_COMMAND(RunCommand)
BATON_DECLARE_COMMAND(RunsCommand)
BATON_DECLARE_COMMAND(BriefCommand)
BATON_DECLARE_COMMAND(ModelCommand)
BATON_DECLARE_COMMAND(LlmSandboxCommand)

#undef BATON_DECLARE_COMMAND

// `baton bench pipeline`, in PipelineBench.cpp.
int benchPipeline(const QCommandLineParser &parser, CommandContext &context);

} // namespace baton::app
