#include "cli/CliSupport.h"
#include "cli/Commands.h"

namespace baton::app {

QString BenchCommand::name() const
{
    return QStringLiteral("bench");
}

QString BenchCommand::summary() const
{
    return QStringLiteral(
        "Measure throughput: `bench ingest|pipeline|console|push|dashboard|reviewers|model`");
}

void BenchCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(
        QStringLiteral("what"),
        QStringLiteral("ingest, pipeline, console, push, dashboard, reviewers or model"));
    parser.addOption({QStringLiteral("briefs"),
                      QStringLiteral("console: briefs in the store (default 1000000); push: "
                                     "approved briefs to push (default 1000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("events"),
                      QStringLiteral("Events to generate (default: 1000000 for ingest, 5000000 for "
                                     "pipeline)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("leads"),
                      QStringLiteral("pipeline, model: leads in the demo store (default 100000)."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("days"),
                      QStringLiteral("model: days of engagement the demo writes (default 1000, "
                                     "each lead's whole life; `baton demo` writes 90)."),
                      QStringLiteral("N"), QStringLiteral("1000")});
    parser.addOption({QStringLiteral("window-days"),
                      QStringLiteral("model: each lead's handoff, days after it was created "
                                     "(default 14, as `baton model fit`; 0: everything up to "
                                     "now)."),
                      QStringLiteral("N"), QStringLiteral("14")});
    parser.addOption({QStringLiteral("facts"),
                      QStringLiteral("model: also write the leads' facts, one column per "
                                     "feature of the fit, oldest lead first, for "
                                     "scripts/scoring/baselines.py."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("workers"),
                      QStringLiteral("Validation threads (default: one per core)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("runs"),
                      QStringLiteral("ingest: imports of each file; pipeline --additive: cold "
                                     "runs with each scoring. The median is reported (default "
                                     "3)."),
                      QStringLiteral("N"), QStringLiteral("3")});
    parser.addOption({QStringLiteral("batch"),
                      QStringLiteral("push: operations per request (default 10, so the run "
                                     "spans several rate-limit windows)."),
                      QStringLiteral("N"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("fault-rate"),
                      QStringLiteral("push: share of requests the sandbox answers with a fault "
                                     "of any kind (default 0)."),
                      QStringLiteral("F"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("dir"),
                      QStringLiteral("Working directory (default: a temporary one, removed)."),
                      QStringLiteral("DIR")});
    parser.addOption(
        {QStringLiteral("pg"),
         QStringLiteral("ingest, pipeline, reviewers, console: also run on PostgreSQL, in a new "
                        "database "
                        "bench_<pid> on this server (dropped at the end), and print "
                        "both engines side by side."),
         QStringLiteral("URI")});
    parser.addOption({QStringLiteral("reviewers"),
                      QStringLiteral("reviewers: concurrent reviewers, a thread and a connection "
                                     "(a login on PostgreSQL) each (default 50)."),
                      QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("actions"),
                      QStringLiteral("reviewers: review actions done in all (default 20000)."),
                      QStringLiteral("N"), QStringLiteral("20000")});
    parser.addOption({QStringLiteral("additive"),
                      QStringLiteral("pipeline: also fit the additive model on the store and "
                                     "time cold runs scoring with it against the policy's "
                                     "points, --runs of each (SQLite).")});
    parser.addOption({QStringLiteral("reuse"),
                      QStringLiteral("pipeline, console: reuse the store an earlier bench left in "
                                     "--dir (the pipeline's output removed).")});
}

int BenchCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList what = parser.positionalArguments();
    if (what == QStringList{QStringLiteral("pipeline")})
        return benchPipeline(parser, context);
    if (what == QStringList{QStringLiteral("console")})
        return benchConsole(parser, context);
    if (what == QStringList{QStringLiteral("push")})
        return benchPush(parser, context);
    if (what == QStringList{QStringLiteral("dashboard")})
        return benchDashboard(parser, context);
    if (what == QStringList{QStringLiteral("reviewers")})
        return benchReviewers(parser, context);
    if (what == QStringList{QStringLiteral("ingest")})
        return benchIngest(parser, context);
    if (what == QStringList{QStringLiteral("model")})
        return benchModel(parser, context);
    context.err << "baton bench: `bench ingest`, `bench pipeline`, `bench console`, "
                   "`bench push`, `bench dashboard`, `bench reviewers` or `bench model`\n";
    return 2;
}

} // namespace baton::app
