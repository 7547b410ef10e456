#include "AuditTrail.h"
#include "LlmSettings.h"
#include "adapters/QtHttpTransport.h"
#include "agents/LlmSummarizer.h"
#include "agents/Policy.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "ingest/ContractCatalog.h"
#include "pipeline/DeployedScoring.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/RunStore.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "review/Vocabulary.h"

#include <QJsonDocument>

namespace baton::app {

namespace {

std::optional<agents::Policy> policyFor(const QCommandLineParser &parser,
                                        const contracts::ContractRegistry &registry,
                                        CommandContext &context)
{
    try {
        if (parser.isSet(QStringLiteral("policy")))
            return agents::loadPolicyFile(parser.value(QStringLiteral("policy")).toStdString(),
                                          registry);
        return agents::defaultPolicy(registry);
    } catch (const agents::PolicyError &e) {
        context.err << "baton: " << e.what() << "\n";
        return std::nullopt;
    }
}

// The LLM backend from the settings, overridden by --llm-url/--llm-model; the key from
// BATON_LLM_API_KEY, else the settings. Nothing when no URL is configured or --no-llm.
std::optional<agents::LlmConfig> llmConfigFor(const QCommandLineParser &parser,
                                              CommandContext &context, bool &bad)
{
    if (parser.isSet(QStringLiteral("no-llm")))
        return std::nullopt;
    QString error;
    auto config = llmConfigFromSettings(parser.value(QStringLiteral("llm-url")),
                                        parser.value(QStringLiteral("llm-model")), &error);
    if (!error.isEmpty()) {
        context.err << "baton run: " << error << "\n";
        bad = true;
    }
    return config;
}

QString runLine(const pipeline::RunRow &r)
{
    return QStringLiteral("%1  %2  %3  %4 leads: %5 briefed (%6 escalated), %7 unchanged, %8 not "
                          "qualified, %9 failed")
        .arg(QString::fromStdString(r.id), QString::fromStdString(r.startedAt),
             QString::fromStdString(r.status))
        .arg(r.total)
        .arg(r.briefs)
        .arg(r.escalated)
        .arg(r.unchanged)
        .arg(r.notQualified)
        .arg(r.failed);
}

// --threads, --chunk and --lease: positive whole numbers.
bool readWorkOptions(const QCommandLineParser &parser, CommandContext &context,
                     pipeline::RunOptions &options)
{
    const auto number = [&](const char *name, long long &out) {
        if (!parser.isSet(QLatin1String(name)))
            return true;
        bool ok = false;
        out = parser.value(QLatin1String(name)).toLongLong(&ok);
        if (ok && out > 0 && out <= 1000000)
            return true;
        context.err << "baton run: --" << name << " takes a whole number from 1, got '"
                    << parser.value(QLatin1String(name)) << "'\n";
        return false;
    };
    long long threads = options.workerThreads, chunk = static_cast<long long>(options.chunk),
              lease = options.lease.count();
    if (!number("threads", threads) || !number("chunk", chunk) || !number("lease", lease))
        return false;
    options.workerThreads = static_cast<int>(threads);
    options.chunk = static_cast<std::size_t>(chunk);
    options.lease = std::chrono::seconds(lease);
    return true;
}

} // namespace

QString RunCommand::name() const
{
    return QStringLiteral("run");
}

QString RunCommand::summary() const
{
    return QStringLiteral("Run the agents over the store's leads and write handoff briefs");
}

void RunCommand::configure(QCommandLineParser &parser) const
{
    parser.addOption({QStringLiteral("resume"), QStringLiteral("Only finish an interrupted run.")});
    parser.addOption({QStringLiteral("threads"),
                      QStringLiteral("Evaluate on this many threads (default: one per core)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("chunk"),
                      QStringLiteral("Leads per chunk of a new run: what one worker claims and "
                                     "writes in one transaction (default 1024)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("lease"),
                      QStringLiteral("Seconds before another worker takes over the chunks of "
                                     "one on another machine that has gone silent (default "
                                     "60)."),
                      QStringLiteral("SECONDS")});
    parser.addOption({QStringLiteral("lead"), QStringLiteral("Only this lead (repeatable)."),
                      QStringLiteral("ID")});
    parser.addOption({QStringLiteral("policy"),
                      QStringLiteral("Policy file (default: the built-in one)."),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("llm-url"),
                      QStringLiteral("Summarize through this OpenAI-compatible "
                                     "/v1/chat/completions endpoint (default: the settings'). "
                                     "The key comes from BATON_LLM_API_KEY."),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("llm-model"), QStringLiteral("The LLM's model name."),
                      QStringLiteral("MODEL")});
    parser.addOption({QStringLiteral("no-llm"),
                      QStringLiteral("Deterministic summaries only, whatever is set.")});
    parser.addOption({QStringLiteral("scoring"),
                      QStringLiteral("Score with this scoring version: the policy's own, or a "
                                     "model saved by `baton model fit` (see `model list`)."),
                      QStringLiteral("VERSION")});
    parser.addOption({QStringLiteral("dry-run"),
                      QStringLiteral("Evaluate and report what would happen; write nothing.")});
    parser.addOption({QStringLiteral("compare"),
                      QStringLiteral("With --dry-run: compare two scoring versions, "
                                     "scoring@A,scoring@B, lead by lead."),
                      QStringLiteral("SPEC")});
}

int RunCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    const auto policy = policyFor(parser, registry, context);
    if (!policy)
        return 2;
    ingest::recordContracts(*db, registry, clock.now());
    pipeline::RunOptions options;
    options.resumeOnly = parser.isSet(QStringLiteral("resume"));
    for (const QString &id : parser.values(QStringLiteral("lead"))) {
        bool ok = false;
        options.leadIds.push_back(id.toLongLong(&ok));
        if (!ok) {
            context.err << "baton run: --lead takes a lead id, got '" << id << "'\n";
            return 2;
        }
    }
    if (!readWorkOptions(parser, context, options))
        return 2;
    if (parser.isSet(QStringLiteral("dry-run")) || parser.isSet(QStringLiteral("compare")))
        return runDryRun(parser, context, *db, registry, *policy, options.leadIds);
    if (parser.isSet(QStringLiteral("scoring"))) {
        const auto variant = scoringVariant(*db, *policy, parser.value(QStringLiteral("scoring")),
                                            context, QStringLiteral("baton run"));
        if (!variant)
            return 2;
        options.scoring = *variant;
    } else {
        try {
            pipeline::useDeployedScoring(*db, *policy, options);
        } catch (const std::exception &e) {
            context.err << "baton run: the deployed scoring version cannot be used: " << e.what()
                        << " (baton model rollback, or run with --scoring)\n";
            return 2;
        }
    }
    TerminalProgress progress(QStringLiteral("evaluating leads"));
    options.onProgress = [&](std::int64_t done, std::int64_t total) {
        progress.update(total ? double(done) / double(total) : 1.0);
    };
    options.onNotice = [&](const std::string &notice) {
        progress.finish();
        context.err << "baton run: " << QString::fromStdString(notice) << "\n";
    };
    bool badLlm = false;
    const auto llmConfig = llmConfigFor(parser, context, badLlm);
    if (badLlm)
        return 2;
    QtHttpTransport transport;
    std::optional<agents::LlmSummarizer> summarizer;
    if (llmConfig) {
        summarizer.emplace(*llmConfig, transport, registry, clock);
        options.summarizer = &*summarizer;
    }
    RandomIdGenerator ids;
    try {
        pipeline::Orchestrator orchestrator(*db, registry, *policy, clock, ids);
        const auto s = orchestrator.run(options);
        progress.finish();
        // A run that decides by other rules than the built-in ones is a change of policy.
        const auto builtIn = agents::defaultPolicy(registry);
        if (policy->sha256 != builtIn.sha256 ||
            options.scoring.version != policy->scoring.version || options.canaryShare > 0)
            auditInvocation(
                *db, clock, "run_with_policy", "run#" + s.runId,
                {{"policy_sha256", policy->sha256},
                 {"policy_file", parser.value(QStringLiteral("policy")).toStdString()},
                 {"scoring_version", options.scoring.version},
                 {"canary", options.canaryShare > 0 ? options.canary.version : std::string()},
                 {"canary_share", options.canaryShare},
                 {"briefed", s.briefed}});
        context.out << (s.joined    ? "joined and finished run "
                        : s.resumed ? "resumed and finished run "
                                    : "run ")
                    << QString::fromStdString(s.runId) << ": " << s.total << " leads, " << s.briefed
                    << " briefs written (" << s.escalated << " escalated), " << s.unchanged
                    << " unchanged, " << s.notQualified << " not qualified, " << s.failed
                    << " failed, " << s.notRead
                    << " not read (no import touched them since the last run) in "
                    << QString::number(s.seconds, 'f', 2) << " s";
        if (s.joined || s.evaluatedHere != s.total)
            context.out << "; this worker evaluated " << s.evaluatedHere << " of them";
        context.out << "\n";
        return s.failed ? 1 : 0;
    } catch (const std::exception &e) {
        progress.finish();
        context.err << "baton run: " << e.what() << "\n";
        return 1;
    }
}

QString RunsCommand::name() const
{
    return QStringLiteral("runs");
}

QString RunsCommand::summary() const
{
    return QStringLiteral("List runs, or show one: `runs list`, `runs show RUN`");
}

void RunsCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list or show"));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id, for show."),
                                 QStringLiteral("[RUN]"));
}

int RunsCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || (args[0] != QLatin1String("list") && args[0] != QLatin1String("show")) ||
        (args[0] == QLatin1String("show") && args.size() != 2)) {
        context.err << "baton runs: use `runs list` or `runs show RUN`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    pipeline::RunStore runs(*db);
    if (args[0] == QLatin1String("list")) {
        for (const auto &r : runs.runs(50))
            context.out << runLine(r) << "\n";
        return 0;
    }
    const auto r = runs.run(args[1].toStdString());
    if (!r) {
        context.err << "baton runs: no run " << args[1] << "\n";
        return 1;
    }
    context.out << runLine(*r) << "\n  as of " << QString::fromStdString(r->asOf) << ", config "
                << QString::fromStdString(r->configHash).left(12) << "\n";
    constexpr std::size_t kShown = 50;
    const auto failed = runs.failedItems(r->id, kShown + 1);
    if (!failed.empty())
        context.out << "  failed leads (the next run tries them again):\n";
    for (std::size_t i = 0; i < failed.size() && i < kShown; ++i)
        context.out << "    lead " << failed[i].first << ": "
                    << QString::fromStdString(failed[i].second) << "\n";
    if (failed.size() > kShown)
        context.out << "    ... and " << (r->failed - static_cast<std::int64_t>(kShown))
                    << " more\n";
    return 0;
}

QString BriefCommand::name() const
{
    return QStringLiteral("brief");
}

QString BriefCommand::summary() const
{
    return QStringLiteral(
        "List briefs or show one: `brief list [--status S] [--owner U]`, `brief show ID`");
}

void BriefCommand::configure(QCommandLineParser &parser) const
{
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list or show"));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("The brief id, for show."),
                                 QStringLiteral("[ID]"));
    parser.addOption({QStringLiteral("status"),
                      QString::fromStdString(util::listOf<review::BriefStatus>()),
                      QStringLiteral("S")});
    parser.addOption({QStringLiteral("owner"), QStringLiteral("Only this owner's briefs."),
                      QStringLiteral("U")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print JSON.")});
    addReaderOption(parser);
}

int BriefCommand::run(const QCommandLineParser &parser, CommandContext &context) const
{
    const QStringList args = parser.positionalArguments();
    if (args.isEmpty() || (args[0] != QLatin1String("list") && args[0] != QLatin1String("show")) ||
        (args[0] == QLatin1String("show") && args.size() != 2)) {
        context.err << "baton brief: use `brief list` or `brief show ID`\n";
        return 2;
    }
    auto db = openStoreFor(context);
    if (!db)
        return 1;
    pipeline::RunStore runs(*db);
    const auto registry = contracts::ContractRegistry::builtIn();
    review::ReviewService service(*db, registry, context.clock);
    int refused = 0;
    const auto reader = whoReads(parser, context, service, QStringLiteral("brief"), refused);
    if (!reader)
        return refused;
    const bool json = parser.isSet(QStringLiteral("json"));
    if (args[0] == QLatin1String("list")) {
        const auto list = runs.briefs(parser.value(QStringLiteral("status")).toStdString(),
                                      parser.value(QStringLiteral("owner")).toStdString(), 1000,
                                      review::ReviewService::visibleTo(*reader));
        nlohmann::json out = nlohmann::json::array();
        for (const auto &b : list) {
            if (json)
                out.push_back({{"id", b.id},
                               {"lead_id", b.leadId},
                               {"status", b.status},
                               {"owner", b.owner},
                               {"sla_due", b.slaDue},
                               {"score", b.score},
                               {"grid", b.grid}});
            else
                context.out << QStringLiteral("%1  lead %2  %3  %4  score %5  %6  due %7\n")
                                   .arg(b.id, 6)
                                   .arg(b.leadId, -7)
                                   .arg(QString::fromStdString(b.status), -15)
                                   .arg(QString::fromStdString(b.grid))
                                   .arg(b.score, 5, 'f', 1)
                                   .arg(QString::fromStdString(b.owner), -28)
                                   .arg(QString::fromStdString(b.slaDue));
        }
        if (json)
            context.out << QString::fromStdString(out.dump(2)) << "\n";
        return 0;
    }
    bool ok = false;
    const auto id = args[1].toLongLong(&ok);
    const auto brief = ok ? runs.briefJson(id) : std::nullopt;
    if (!brief) {
        context.err << "baton brief: no brief " << args[1] << "\n";
        return 1;
    }
    if (!mayReadBrief(service, *reader, id, QStringLiteral("brief"), context))
        return 3;
    context.out << QString::fromStdString(nlohmann::json::parse(*brief).dump(json ? -1 : 2))
                << "\n";
    return 0;
}

} // namespace baton::app
