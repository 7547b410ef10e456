#include "cli/CliSupport.h"
#include "cli/Commands.h"
#include "contracts/ContractRegistry.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "review/ReviewService.h"
#include "store/OpenStore.h"
#include "store/Transaction.h"
#include "telemetry/Kpis.h"
#include "util/Time.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <algorithm>

namespace baton::app {

// `baton bench dashboard`: every KPI of the dashboard over 90 days, computed on the store
// `baton bench pipeline` left in --dir (100,000 leads, 5M events, its briefs), after
// approving, editing and escalating a share of the briefs through the review service as
// people would. Prints each of five computations and the rows behind them.
int benchDashboard(const QCommandLineParser &parser, CommandContext &context)
try {
    const QString dir = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir"))
                                                            : QStringLiteral("/tmp/pbench");
    const QString path = QDir(dir).filePath(QStringLiteral("pipeline.sqlite"));
    if (!QFileInfo::exists(path)) {
        context.err << "baton bench dashboard: no " << path << "; run `baton bench pipeline --dir "
                    << dir << "` first\n";
        return 2;
    }
    const Clock &clock = context.clock;
    const auto registry = contracts::ContractRegistry::builtIn();
    auto db = store::openStore(path.toStdString());
    const QLocale en(QLocale::English);
    {
        // Review activity, once: a fifth of the open briefs approved (every tenth of those
        // edited first), every fiftieth escalated, each by its owner.
        auto count = db.prepare("SELECT count(*) FROM review_actions");
        count.step();
        if (count.int64At(0) == 0) {
            // The pipeline bench routes to the demo team; the reviewers need its profiles.
            if (pipeline::users(db).empty())
                pipeline::saveUsers(db, pipeline::demoTeam());
            std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> open;
            auto st =
                db.prepare("SELECT id, owner, version FROM briefs WHERE status = ? ORDER BY id");
            st.bind(1, util::nameOf(review::BriefStatus::PendingReview));
            while (st.step())
                open.emplace_back(st.int64At(0), st.textAt(1), st.int64At(2));
            review::ReviewService service(db, registry, clock);
            TerminalProgress progress(QStringLiteral("reviewing"));
            std::size_t done = 0;
            for (std::size_t i = 0; i < open.size(); ++i) {
                const auto &[id, owner, version] = open[i];
                const auto who = service.actor(owner, "bench");
                if (i % 50 == 0)
                    service.escalate(who, id, version, "fit_unclear", "bench");
                else if (i % 5 == 0)
                    service.approve(who, id, version);
                else
                    continue;
                if (++done % 100 == 0)
                    progress.update(double(i) / double(open.size()));
            }
            progress.finish();
            context.out << "reviewed " << en.toString(qulonglong(done)) << " briefs\n";
        }
    }
    const auto now = clock.now();
    const std::string to = util::formatUtc(now).substr(0, 10);
    const std::string from = util::formatUtc(now - std::chrono::hours(24 * 89)).substr(0, 10);
    std::vector<double> times;
    telemetry::KpiReport report;
    for (int run = 0; run < 5; ++run) {
        report = telemetry::computeKpis(db, from, to, util::formatUtcMillis(now));
        times.push_back(report.millis);
        context.out << "  run " << run + 1 << ": " << QString::number(report.millis, 'f', 1)
                    << " ms\n";
    }
    std::sort(times.begin(), times.end());
    std::int64_t briefs = 0, approved = 0, violations = 0;
    for (const auto &d : report.days) {
        briefs += d.briefs;
        approved += d.approved;
        violations += d.violations;
    }
    context.out << "all KPIs over 90 days (" << QString::fromStdString(from) << " to "
                << QString::fromStdString(to) << "): median "
                << QString::number(times[times.size() / 2], 'f', 1) << " ms, best "
                << QString::number(times.front(), 'f', 1) << " ms (target < 500 ms)\n"
                << "  over " << en.toString(qlonglong(briefs)) << " briefs, "
                << en.toString(qlonglong(approved)) << " approved, "
                << en.toString(qlonglong(violations)) << " quarantined records, "
                << report.violations.size() << " violation kinds, " << report.heartbeats.size()
                << " late heartbeats\n"
                << "  peak memory " << QString::number(peakMegabytes(), 'f', 0) << " MB\n";
    return 0;
} catch (const std::exception &e) {
    context.err << "baton bench dashboard: " << e.what() << "\n";
    return 1;
}

} // namespace baton::app
