#include "ConsoleContext.h"

#include "agents/Policy.h"
#include "governance/Identity.h"
#include "ports/Clock.h"
#include "store/Database.h"

#include <QTimeZone>
#include <exception>
#include <filesystem>

namespace baton::ui {

namespace {

// The heartbeat limits of the built-in policy, as the console runs it.
telemetry::HeartbeatLimits heartbeatLimits(const contracts::ContractRegistry &registry)
{
    try {
        const auto policy = agents::defaultPolicy(registry);
        return {policy.heartbeats.syncHours, policy.heartbeats.enrichmentHours};
    } catch (const std::exception &) {
        return {}; // the defaults stand; the pipeline reports a broken policy where it runs
    }
}

} // namespace

ConsoleContext::ConsoleContext(store::Database &db, const QString &storePath,
                               const contracts::ContractRegistry &registry, const Clock &clock,
                               const QString &osAccount, const ConsoleSeams &seams, QObject *parent)
    : QObject(parent), m_db(db), m_storePath(storePath), m_registry(registry), m_clock(clock),
      m_osAccount(osAccount), m_seams(seams), m_briefs(db), m_review(db, registry, clock),
      m_outbox(db), m_outboxActions(db, clock), m_ingest(db), m_auditLog(db), m_changes(db),
      m_heartbeats(heartbeatLimits(registry))
{
}

ConsoleContext::~ConsoleContext() = default;

QDateTime ConsoleContext::now() const
{
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(m_clock.now().time_since_epoch());
    return QDateTime::fromMSecsSinceEpoch(ms.count(), QTimeZone::utc());
}

bool ConsoleContext::isDemoStore() const
{
    try {
        return governance::Identity(m_db, m_clock).isDemoStore();
    } catch (const std::exception &) {
        return false;
    }
}

telemetry::ContractReport ConsoleContext::contractReport() const
{
    auto db = store::Database::open(std::filesystem::path(m_storePath.toStdU16String()),
                                    {.readOnly = true, .create = false, .quickCheck = false});
    return telemetry::contractReport(db, m_registry, m_clock.now());
}

telemetry::KpiReport ConsoleContext::kpis(const std::string &from, const std::string &to) const
{
    auto db = store::Database::open(std::filesystem::path(m_storePath.toStdU16String()),
                                    {.readOnly = true, .create = false, .quickCheck = false});
    return telemetry::computeKpis(db, from, to, now().toString(Qt::ISODateWithMs).toStdString(),
                                  m_heartbeats);
}

scoring::ModelCatalog ConsoleContext::modelCatalog() const
{
    auto db = store::Database::open(std::filesystem::path(m_storePath.toStdU16String()),
                                    {.readOnly = true, .create = false, .quickCheck = false});
    return scoring::readModelCatalog(db);
}

void ConsoleContext::setUser(const QString &user)
{
    m_user = user;
    m_actor.reset();
    m_problem = ActorProblem::None;
    m_problemText.clear();
    if (!user.isEmpty()) {
        try {
            m_actor = m_review.actAs(user.toStdString(), m_osAccount.toStdString());
        } catch (const review::ReviewError &e) {
            m_problem = e.kind() == review::ReviewError::Kind::Forbidden ? ActorProblem::Refused
                                                                         : ActorProblem::Unknown;
            m_problemText = QString::fromUtf8(e.what());
        } catch (const std::exception &e) { // the store busy or failing: nobody acts
            m_problem = ActorProblem::Unchecked;
            m_problemText = QString::fromUtf8(e.what());
        }
    }
    emit actorChanged();
}

} // namespace baton::ui
