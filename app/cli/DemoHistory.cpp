#include "cli/DemoHistory.h"

#include "AuditTrail.h"
#include "adapters/OneShotHttpTransport.h"
#include "agents/Policy.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutcomeSync.h"
#include "crm/PushWorker.h"
#include "demo/Random.h"
#include "pipeline/LeadInputReader.h"
#include "pipeline/Orchestrator.h"
#include "pipeline/Team.h"
#include "ports/Clock.h"
#include "ports/IdGenerator.h"
#include "review/ReviewService.h"
#include "sandbox/CrmSandbox.h"
#include "store/Database.h"
#include "util/Time.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>

namespace baton::app {

namespace {

using namespace std::chrono_literals;
using TimePoint = std::chrono::system_clock::time_point;

// How the team works, per day (a share of what waits for them), tuned so that a brief waits
// two or three days, the rep's queue holds the last days' briefs and escalations close
// within the week.
constexpr double kOwnerActs = 0.4;      // a pending brief gets its owner's decision today
constexpr double kEdits = 0.15;         // of decisions: edited, then approved
constexpr double kEscalations = 0.12;   // of decisions: escalated to the manager
constexpr double kManagerActs = 0.5;    // an escalation gets resolved today
constexpr double kResolveApprove = 0.4; // of resolutions; then return to the rep, then reject
constexpr double kResolveReturn = 0.75;
constexpr double kBecomeOpportunity = 0.15; // of pushed people, per weekly look
// The scheduled run each day at this much before `now`'s time of day; review and push follow
// within the next hours, all of it before `now` on the last day.
constexpr auto kRunBeforeNow = 4h;
constexpr auto kFirstAction = 20min;
constexpr auto kBetweenActions = 40s;
constexpr auto kPushAfterRun = 2h;
constexpr const char *kQueue = "queue@baton.example";

constexpr review::EscalationCategory kRepCategories[] = {
    review::EscalationCategory::FitUnclear, review::EscalationCategory::DataQuality,
    review::EscalationCategory::Routing, review::EscalationCategory::Other};
constexpr review::RejectionReason kRejections[] = {
    review::RejectionReason::NotAFit, review::RejectionReason::Duplicate,
    review::RejectionReason::BadData, review::RejectionReason::ExistingCustomer};

template <typename T, std::size_t N> T pick(demo::Rng &rng, const T (&values)[N])
{
    return values[rng.below(N)];
}

// A reviewer's edit: the first talking point gets the next step the rep agreed on.
std::optional<nlohmann::json> editFor(const std::string &text)
{
    const auto brief = nlohmann::json::parse(text, nullptr, false);
    const auto pointer = nlohmann::json::json_pointer("/summary/talking_points/0/text");
    if (brief.is_discarded() || !brief.contains(pointer) || !brief.at(pointer).is_string())
        return std::nullopt;
    return nlohmann::json::array({{{"op", "replace"},
                                   {"path", pointer.to_string()},
                                   {"value", brief.at(pointer).get<std::string>() +
                                                 " Ask who else joins the evaluation."}}});
}

} // namespace

struct DemoHistory::Day
{
    int index = 0;
    TimePoint runAt;
    int actions = 0; // so far today: each one a little later
};

struct DemoHistory::Parts
{
    Parts(store::Database &db, const contracts::ContractRegistry &registry, TimePoint start,
          std::uint64_t seed)
        : clock(start), policy(agents::defaultPolicy(registry)), service(db, registry, clock),
          rng(demo::mix64(seed, 0xD15C0))
    {
    }
    FixedClock clock;
    agents::Policy policy;
    RandomIdGenerator ids;
    review::ReviewService service;
    demo::Rng rng;
    CrmSandbox sandbox;
    std::unique_ptr<crm::HubSpotConnector> hubspot;
    OneShotHttpTransport transport;
    std::map<std::string, std::string> managerOf; // rep -> manager, from the team
    std::vector<std::string> reps;                // who the queue's briefs are given to
    std::set<std::string> opportunities;          // people sales took on, by email
};

DemoHistory::DemoHistory(store::Database &db, const contracts::ContractRegistry &registry,
                         DemoHistoryOptions options)
    : m_db(db), m_registry(registry), m_options(std::move(options)),
      m_parts(std::make_unique<Parts>(db, registry, m_options.now, m_options.seed))
{
    for (const auto &u : pipeline::users(db)) {
        m_parts->managerOf[u.email] = u.manager;
        if (u.role == "rep" && u.email != kQueue)
            m_parts->reps.push_back(u.email);
    }
}

DemoHistory::~DemoHistory() = default;

DemoHistorySummary DemoHistory::live(const std::function<void(double)> &progress)
{
    const auto started = std::chrono::steady_clock::now();
    CrmSandboxConfig config;
    config.rateLimit = 100000; // the demo is not about HubSpot's burst limit
    for (const auto &u : pipeline::demoTeam())
        config.owners << QString::fromStdString(u.email);
    if (!m_parts->sandbox.start(0, config))
        throw std::runtime_error("the CRM sandbox could not listen on a loopback port");
    crm::HubSpotConnector::Config hub;
    hub.baseUrl = m_parts->sandbox.baseUrl().toStdString();
    hub.accessToken = "pat-demo";
    hub.limit = {config.rateLimit, std::chrono::milliseconds(config.windowMs)};
    m_parts->hubspot = std::make_unique<crm::HubSpotConnector>(hub);
    const int days = std::max(1, m_options.days);
    for (int k = 0; k <= days; ++k) {
        Day day;
        day.index = k;
        day.runAt = m_options.now - std::chrono::days(days - k) - kRunBeforeNow;
        liveDay(day);
        if (progress)
            progress(double(k + 1) / double(days + 1));
    }
    m_summary.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return m_summary;
}

void DemoHistory::liveDay(Day &day)
{
    runPipeline(day);
    review(day);
    push(day);
    // Sales reports back weekly, and once more on the last day.
    if (day.index > 0 && (day.index % 7 == 0 || day.runAt + kRunBeforeNow >= m_options.now))
        pullOutcomes();
}

void DemoHistory::runPipeline(Day &day)
{
    m_parts->clock.set(day.runAt);
    pipeline::RunOptions options;
    options.trigger = "schedule";
    // The first day's run reads every lead; later runs name every lead, because no import
    // says whose events fell on that day: a lead without new events comes out unchanged
    // by its inputs' fingerprint without being evaluated again.
    if (day.index > 0)
        options.leadIds = pipeline::LeadInputReader(m_db).leadIds();
    pipeline::Orchestrator orchestrator(m_db, m_registry, m_parts->policy, m_parts->clock,
                                        m_parts->ids);
    const auto s = orchestrator.run(options);
    ++m_summary.runs;
    m_summary.briefs += s.briefed;
}

void DemoHistory::review(Day &day)
{
    // What waited for the team when the day began: briefs of earlier days.
    std::vector<std::pair<std::int64_t, std::string>> open;
    {
        auto st = m_db.prepare("SELECT id, status FROM briefs WHERE status IN (?, ?) AND "
                               "created_at < ? ORDER BY id");
        st.bindAll(util::nameString(review::BriefStatus::PendingReview),
                   util::nameString(review::BriefStatus::Escalated), util::formatUtc(day.runAt));
        while (st.step())
            open.emplace_back(st.int64At(0), st.textAt(1));
    }
    for (const auto &[id, status] : open) {
        if (status == util::nameString(review::BriefStatus::PendingReview))
            actAsOwner(day, id);
        else
            actAsManager(day, id);
    }
}

void DemoHistory::actAsOwner(Day &day, std::int64_t briefId)
{
    auto &p = *m_parts;
    if (!p.rng.chance(kOwnerActs))
        return;
    const double choice = p.rng.uniform();
    const auto category = pick(p.rng, kRepCategories);
    p.clock.set(day.runAt + kFirstAction + kBetweenActions * day.actions++);
    const auto brief = p.service.brief(briefId);
    try {
        if (brief.owner == kQueue) { // the inbound queue: a manager hands it to a rep
            const auto manager = p.service.actor(p.managerOf[kQueue], m_options.osAccount);
            p.service.reassign(manager, briefId, brief.version, p.reps[p.rng.below(p.reps.size())],
                               "Inbound lead for your territory.");
            ++m_summary.reassigned;
            return;
        }
        const auto owner = p.service.actor(brief.owner, m_options.osAccount);
        if (choice < kEscalations) {
            p.service.escalate(owner, briefId, brief.version, util::nameString(category),
                               "Not sure this one is ours: please have a look.");
            ++m_summary.escalated;
            return;
        }
        auto version = brief.version;
        if (choice < kEscalations + kEdits)
            if (const auto patch = editFor(brief.text)) {
                version = p.service
                              .edit(owner, briefId, version, *patch,
                                    "Added the next step agreed on the call.")
                              .version;
                ++m_summary.edited;
            }
        p.service.approve(owner, briefId, version);
        ++m_summary.approved;
    } catch (const review::ReviewError &) {
        ++m_summary.refused; // e.g. consent withdrawn since the brief: it waits
    }
}

void DemoHistory::actAsManager(Day &day, std::int64_t briefId)
{
    auto &p = *m_parts;
    if (!p.rng.chance(kManagerActs))
        return;
    const double choice = p.rng.uniform();
    const auto reason = pick(p.rng, kRejections);
    p.clock.set(day.runAt + kFirstAction + kBetweenActions * day.actions++);
    const auto brief = p.service.brief(briefId);
    std::string manager = brief.escalatedTo;
    if (manager.empty())
        manager = p.managerOf[brief.owner];
    try {
        const auto who = p.service.actor(manager, m_options.osAccount);
        if (choice < kResolveApprove) {
            p.service.resolve(who, briefId, brief.version, review::Resolution::Approve,
                              "Good fit: go ahead.");
            ++m_summary.resolvedApproved;
        } else if (choice < kResolveReturn) {
            p.service.resolve(who, briefId, brief.version, review::Resolution::ReturnToRep,
                              "Yours: call them this week and tell me how it went.");
            ++m_summary.returned;
        } else {
            p.service.resolve(who, briefId, brief.version, review::Resolution::Reject,
                              util::nameString(reason));
            ++m_summary.rejected;
        }
    } catch (const review::ReviewError &) {
        ++m_summary.refused;
    }
}

void DemoHistory::push(Day &day)
{
    auto &p = *m_parts;
    p.clock.set(std::max(day.runAt + kPushAfterRun,
                         day.runAt + kFirstAction + kBetweenActions * (day.actions + 1)));
    crm::PushWorker worker(m_db, *p.hubspot, p.transport, p.clock);
    if (day.index == 0)
        worker.learnOwners();
    // Passes until nothing is left that is due: the clock stands still, so waiting for a
    // retry's time would never end.
    crm::PushSummary total;
    for (int pass = 0; pass < 10; ++pass) {
        const auto s = worker.runOnce();
        total.requests += s.requests;
        total.done += s.done;
        total.failed += s.failed;
        if (s.requests == 0)
            break;
    }
    if (total.requests == 0)
        return;
    ++m_summary.pushes;
    m_summary.operationsDone += total.done;
    auditInvocation(m_db, p.clock, "push", "target:hubspot",
                    {{"endpoint", "demo CRM sandbox " + p.sandbox.baseUrl().toStdString()},
                     {"requests", total.requests},
                     {"done", total.done},
                     {"failed", total.failed}});
}

void DemoHistory::pullOutcomes()
{
    auto &p = *m_parts;
    // What sales made of the people Baton handed over: some became opportunities.
    std::vector<std::string> pushed;
    {
        auto st = m_db.prepare("SELECT DISTINCT l.email FROM briefs b JOIN leads l ON l.id = "
                               "b.lead_id WHERE b.status = ? AND l.email IS NOT NULL ORDER BY 1");
        st.bindAll(util::nameString(review::BriefStatus::Pushed));
        while (st.step())
            pushed.push_back(st.textAt(0));
    }
    for (const auto &email : pushed)
        if (!p.opportunities.contains(email) && p.rng.chance(kBecomeOpportunity) &&
            p.sandbox.setContactProperty(QString::fromStdString(email),
                                         QStringLiteral("lifecyclestage"),
                                         QStringLiteral("opportunity")))
            p.opportunities.insert(email);
    p.clock.set(p.clock.now() + 10min);
    const auto s = crm::pullOutcomes(m_db, *p.hubspot, p.transport, p.clock);
    if (!s.error.empty())
        throw std::runtime_error("reading outcomes back from the sandbox: " + s.error);
    ++m_summary.pulls;
    m_summary.opportunities = s.opportunities;
    auditInvocation(
        m_db, p.clock, "crm_pull", "target:hubspot",
        {{"contacts", s.contacts}, {"read", s.read}, {"opportunities", s.opportunities}});
}

} // namespace baton::app
