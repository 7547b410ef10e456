#include "cli/ReviewersBench.h"

#include "cli/BenchStore.h"
#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "demo/Random.h"
#include "governance/AuditLog.h"
#include "ports/Clock.h"
#include "review/ReviewService.h"
#include "review/Transitions.h"
#include "store/OpenStore.h"
#include "store/StoreError.h"
#include "util/EnumNames.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <nlohmann/json.hpp>
#include <thread>

namespace baton::app {

namespace {

using review::BriefStatus;
using review::ReviewAction;
using Kind = review::ReviewError::Kind;

QString count(qint64 n)
{
    return QLocale(QLocale::English).toString(n);
}

// A successful action, as review_actions must hold it exactly once.
struct Done
{
    std::int64_t brief = 0, version = 0;
    std::string action, actor, note;
};

// One reviewer's thread: what it did and how long each action took.
struct Outcome
{
    std::vector<double> ms;
    std::vector<Done> done;
    qint64 conflicts = 0, refused = 0, failed = 0;
    std::string error, lastFailure;
};

// What a reviewer's inbox shows: the version it saw is the one it acts on.
struct Seen
{
    std::int64_t id = 0, version = 0;
    BriefStatus status = BriefStatus::PendingReview;
};

std::vector<Seen> inbox(store::Database &db, const BenchReviewer &me)
{
    auto st = db.prepare(me.manager ? "SELECT b.id, b.version, b.status FROM briefs b JOIN users "
                                      "u ON u.email = b.owner WHERE u.manager = ?1 ORDER BY b.id"
                                    : "SELECT id, version, status FROM briefs WHERE owner = ?1 "
                                      "ORDER BY id");
    st.bind(1, me.email);
    std::vector<Seen> seen;
    while (st.step())
        seen.push_back(
            {st.int64At(0), st.int64At(1),
             util::parseName<BriefStatus>(st.textAt(2)).value_or(BriefStatus::Resolved)});
    return seen;
}

// A reviewer's edit: the first talking point gets one more sentence.
nlohmann::json editOf(const std::string &text)
{
    const auto brief = nlohmann::json::parse(text, nullptr, false);
    const auto pointer = nlohmann::json::json_pointer("/summary/talking_points/0/text");
    if (brief.is_discarded() || !brief.contains(pointer) || !brief.at(pointer).is_string())
        return nlohmann::json::array();
    return nlohmann::json::array({{{"op", "replace"},
                                   {"path", pointer.to_string()},
                                   {"value", brief.at(pointer).get<std::string>() + " Again."}}});
}

// What a reviewer does next with a brief they see: reps comment, edit, approve and escalate
// their pending briefs; managers resolve their reps' escalations and approve or comment on
// their pending briefs from a view that the reps make stale (the version check's work).
review::ReviewRequest nextAction(const BenchReviewer &me, const Seen &b, double dice,
                                 const std::string &note)
{
    review::ReviewRequest r;
    r.briefId = b.id;
    r.version = b.version;
    r.action = ReviewAction::Comment;
    if (b.status == BriefStatus::Escalated && me.manager) {
        r.action = ReviewAction::Resolve;
        r.resolution = dice < 0.6 ? review::Resolution::ReturnToRep : review::Resolution::Approve;
    } else if (b.status == BriefStatus::PendingReview && me.manager) {
        r.action = dice < 0.5 ? ReviewAction::Comment : ReviewAction::Approve;
    } else if (b.status == BriefStatus::PendingReview) {
        r.action = dice < 0.35   ? ReviewAction::Comment
                   : dice < 0.65 ? ReviewAction::Edit
                   : dice < 0.85 ? ReviewAction::Approve
                                 : ReviewAction::Escalate;
        if (r.action == ReviewAction::Edit)
            r.reason = "Added the next step.";
        if (r.action == ReviewAction::Escalate)
            r.category = review::EscalationCategory::FitUnclear;
    }
    if (r.action == ReviewAction::Comment || r.action == ReviewAction::Escalate ||
        r.resolution == review::Resolution::ReturnToRep)
        r.note = note;
    return r;
}

// One action on a brief of the reviewer's inbox: true when it was saved. A refusal (the
// version check, or the brief's state moved on) re-reads the brief, as the console would.
bool attempt(review::ReviewService &service, const review::Actor &who, const BenchReviewer &me,
             Seen &b, double dice, const std::string &note, Outcome &out)
{
    auto request = nextAction(me, b, dice, note);
    nlohmann::json patch;
    QElapsedTimer timer;
    timer.start();
    try {
        if (request.action == ReviewAction::Edit) {
            patch = editOf(service.brief(b.id).text);
            request.patch = &patch;
        }
        const auto after = service.act(who, request);
        out.ms.push_back(timer.nsecsElapsed() / 1e6);
        // A comment takes no version: it is recorded at the brief's version then.
        const bool bumps = review::transition(request.action).bumpsVersion;
        out.done.push_back({b.id, bumps ? b.version : after.version,
                            util::nameString(request.action), me.email, request.note});
        b.version = after.version;
        b.status = after.status;
        return true;
    } catch (const review::ReviewError &e) {
        ++(e.kind() == Kind::Conflict ? out.conflicts : out.refused);
        const auto now = service.brief(b.id);
        b.version = now.version;
        b.status = now.status;
    } catch (const store::StoreError &e) {
        ++out.failed; // busy past the timeout, or the server gave up on it: not saved
        out.lastFailure = e.what();
    }
    return false;
}

void review(const std::string &location, const BenchReviewer &me, const std::string &osAccount,
            const contracts::ContractRegistry &registry, std::atomic<qint64> &left,
            std::uint64_t seed, Outcome &out)
{
    store::Database::Options options;
    options.quickCheck = false; // fifty connections to one store: checked once, by the builder
    auto db = store::openStore(location, options);
    const SystemClock clock;
    review::ReviewService service(db, registry, clock);
    const auto who = service.actAs(me.email, osAccount);
    auto seen = inbox(db, me);
    demo::Rng rng(seed);
    qint64 n = 0;
    // The total counts actions saved: a refused one is tried again, on another brief.
    while (!seen.empty() && left.fetch_sub(1) > 0)
        for (int tries = 0; tries < 1000; ++tries)
            if (attempt(service, who, me, seen[rng.below(seen.size())], rng.uniform(),
                        "bench " + me.email + " #" + std::to_string(n++), out))
                break;
}

struct Figures
{
    double seconds = 0;
    std::vector<double> ms;
    qint64 actions = 0, conflicts = 0, refused = 0, failed = 0;
    std::vector<Done> done;
    std::string lastFailure;
};

double percentile(const std::vector<double> &sorted, double p)
{
    return sorted.empty() ? 0 : sorted[std::min(sorted.size() - 1, std::size_t(p * sorted.size()))];
}

// Zero lost updates: each action that succeeded is in review_actions exactly once and nothing
// else is; each brief's version is 1 + its version-bumping actions; the audit chain holds.
bool verify(store::Database &db, const std::vector<Done> &done, CommandContext &context)
{
    auto one = db.prepare("SELECT count(*) FROM review_actions WHERE brief_id = ?1 AND version "
                          "= ?2 AND action = ?3 AND actor = ?4 AND coalesce(note, '') = ?5");
    qint64 notOnce = 0;
    for (const auto &d : done) {
        one.bindAll(d.brief, d.version, d.action, d.actor, d.note);
        notOnce += one.step() && one.int64At(0) == 1 ? 0 : 1;
        one.reset();
    }
    auto all = db.prepare("SELECT count(*) FROM review_actions");
    all.step();
    const qint64 rows = all.int64At(0);
    std::string bumping;
    for (const auto a : util::allOf<ReviewAction>())
        if (review::transition(a).bumpsVersion)
            bumping += (bumping.empty() ? "'" : ", '") + util::nameString(a) + "'";
    auto versions = db.prepare("SELECT count(*) FROM briefs b WHERE b.version <> 1 + (SELECT "
                               "count(*) FROM review_actions r WHERE r.brief_id = b.id AND "
                               "r.action IN (" +
                               bumping + "))");
    versions.step();
    const qint64 wrongVersions = versions.int64At(0);
    const auto audit = governance::AuditLog(db).verify();
    context.out << "    check: " << count(qint64(done.size())) << " actions done, " << count(rows)
                << " review_actions rows, " << notOnce << " not there exactly once; "
                << wrongVersions
                << " briefs whose version is not 1 + their version-bumping actions; audit chain "
                << (audit.ok
                        ? QStringLiteral("verified (%1 rows)").arg(count(audit.rows))
                        : QStringLiteral("BROKEN at row %1").arg(audit.firstBroken.value_or(0)))
                << "\n";
    return notOnce == 0 && rows == qint64(done.size()) && wrongVersions == 0 && audit.ok;
}

Figures runReviewers(const std::string &location, const std::vector<BenchReviewer> &team,
                     const BenchStore *pg, qint64 actions,
                     const contracts::ContractRegistry &registry)
{
    std::atomic<qint64> left{actions};
    std::vector<Outcome> outcomes(team.size());
    std::vector<std::thread> threads;
    QElapsedTimer timer;
    timer.start();
    for (std::size_t i = 0; i < team.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                const auto &me = team[i];
                review(pg ? pg->locationAs(me.login) : location, me, pg ? me.login : "bench",
                       registry, left, demo::mix64(42, i), outcomes[i]);
            } catch (const std::exception &e) {
                outcomes[i].error = e.what();
            }
        });
    for (auto &t : threads)
        t.join();
    Figures f;
    f.seconds = timer.nsecsElapsed() / 1e9;
    for (const auto &o : outcomes) {
        if (!o.error.empty())
            throw std::runtime_error(o.error);
        f.ms.insert(f.ms.end(), o.ms.begin(), o.ms.end());
        f.conflicts += o.conflicts;
        f.refused += o.refused;
        f.failed += o.failed;
        if (!o.lastFailure.empty())
            f.lastFailure = o.lastFailure;
        f.done.insert(f.done.end(), o.done.begin(), o.done.end());
    }
    std::sort(f.ms.begin(), f.ms.end());
    f.actions = qint64(f.ms.size());
    return f;
}

// One engine's run, its figures and its checks.
bool benchOn(const QString &engine, const std::string &location,
             const std::vector<BenchReviewer> &team, const BenchStore *pg, qint64 actions,
             const contracts::ContractRegistry &registry, Figures &f, CommandContext &context)
{
    f = runReviewers(location, team, pg, actions, registry);
    context.out << QStringLiteral("  %1 %2 actions in %3 s: %4 actions/s; latency p50 %5 ms, "
                                  "p95 %6 ms, p99 %7 ms; %8 conflicts (the version check), %9 "
                                  "other refusals")
                       .arg(engine, -10)
                       .arg(count(f.actions))
                       .arg(f.seconds, 0, 'f', 1)
                       .arg(double(f.actions) / f.seconds, 0, 'f', 0)
                       .arg(percentile(f.ms, 0.5), 0, 'f', 1)
                       .arg(percentile(f.ms, 0.95), 0, 'f', 1)
                       .arg(percentile(f.ms, 0.99), 0, 'f', 1)
                       .arg(count(f.conflicts))
                       .arg(count(f.refused))
                << (f.failed ? QStringLiteral(", %1 store errors (last: %2)")
                                   .arg(f.failed)
                                   .arg(QString::fromStdString(f.lastFailure))
                             : QString())
                << "\n";
    context.out.flush();
    auto db = store::openStore(location);
    return verify(db, f.done, context);
}

void printSideBySide(const Figures &s, const Figures &p, CommandContext &context)
{
    const auto row = [&](const char *what, double a, double b, int decimals) {
        context.out << QStringLiteral("  %1 %2 %3\n")
                           .arg(QLatin1String(what), -22)
                           .arg(a, 10, 'f', decimals)
                           .arg(b, 12, 'f', decimals);
    };
    context.out << "                             SQLite   PostgreSQL\n";
    row("actions/s", double(s.actions) / s.seconds, double(p.actions) / p.seconds, 0);
    row("p50 ms", percentile(s.ms, 0.5), percentile(p.ms, 0.5), 1);
    row("p95 ms (target < 50)", percentile(s.ms, 0.95), percentile(p.ms, 0.95), 1);
    row("p99 ms", percentile(s.ms, 0.99), percentile(p.ms, 0.99), 1);
    row("conflicts", double(s.conflicts), double(p.conflicts), 0);
}

} // namespace

int benchReviewers(const QCommandLineParser &parser, CommandContext &context)
{
    const auto reviewers = integerOption(parser, QStringLiteral("reviewers"), 2, 180, context);
    const auto actions = integerOption(parser, QStringLiteral("actions"), 1, 10000000, context);
    if (!reviewers || !actions)
        return 2;
    const auto leads = parser.isSet(QStringLiteral("leads"))
                           ? integerOption(parser, QStringLiteral("leads"), 100, 1000000, context)
                           : std::optional<qint64>(
                                 std::max<qint64>(3000, std::min<qint64>(*actions * 2, 1000000)));
    if (!leads)
        return 2;
    QTemporaryDir temp;
    const QString dir = benchDirectory(parser, temp);
    const QString storePath = QDir(dir).filePath(QStringLiteral("reviewers.sqlite"));
    const auto registry = contracts::ContractRegistry::builtIn();
    auto team = benchReviewers(static_cast<int>(*reviewers));
    buildReviewStore(dir, storePath, *leads, team, registry, context);
    std::optional<BenchStore> pg; // declared before the logins: they drop it, then themselves
    std::optional<BenchLogins> logins;
    context.out << "  " << *reviewers << " reviewers, each a thread with its own connection"
                << (parser.isSet(QStringLiteral("pg")) ? " (and its own login on PostgreSQL)" : "")
                << ", " << count(*actions) << " review actions done in all\n";
    Figures postgres, sqlite;
    bool ok = true;
    if (parser.isSet(QStringLiteral("pg"))) {
        pg.emplace(BenchStore::postgres(parser.value(QStringLiteral("pg")).toStdString()));
        logins.emplace(storePath, *pg, team, context);
        ok = benchOn(QStringLiteral("PostgreSQL"), pg->location(), team, &*pg, *actions, registry,
                     postgres, context) &&
             ok;
    }
    ok = benchOn(QStringLiteral("SQLite"), storePath.toStdString(), team, nullptr, *actions,
                 registry, sqlite, context) &&
         ok;
    if (pg)
        printSideBySide(sqlite, postgres, context);
    context.out << (ok ? "  zero lost updates on every engine\n" : "  CHECKS FAILED\n");
    return ok ? 0 : 1;
}

} // namespace baton::app
