#pragma once

#include "crm/OutboxActions.h"
#include "crm/OutboxStore.h"
#include "governance/AuditLog.h"
#include "ingest/IngestQueries.h"
#include "review/ArrivalQueries.h"
#include "review/BriefQueries.h"
#include "review/ReviewService.h"
#include "scoring/ModelCatalog.h"
#include "store/ChangeProbe.h"
#include "telemetry/ContractReport.h"
#include "telemetry/Kpis.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <optional>
#include <string>

namespace baton {
class Clock;
}
namespace baton::store {
class Database;
}
namespace baton::contracts {
class ContractRegistry;
}

namespace baton::ui {

class CrmConnection;
class FileDialogs;
class MessageBoxes;
class Notifier;
class ReviewDialogs;
class Settings;

// What talks to the person (real dialogs, or a test's fakes) and keeps their choices.
struct ConsoleSeams
{
    MessageBoxes &messageBoxes;
    ReviewDialogs &reviewDialogs;
    FileDialogs &fileDialogs;
    Settings &settings;
    Notifier *notifier = nullptr;           // null: no desktop notifications
    CrmConnection *crmConnection = nullptr; // null: Settings cannot keep or test credentials
};

// Everything the console's pages get, in one place, filled by the composition root
// (app/console/Console.cpp): the ui thread's connection to the store and core's services
// over it, the clock the console runs on (the system's, or the moment `--now` names), who
// is at the keyboard and who acts, and the seams to the person. What it refers to outlives
// it; pages hold a reference and build none of this themselves.
class ConsoleContext : public QObject
{
    Q_OBJECT

public:
    // `osAccount`: who is at the keyboard as the OS knows it (app/OsAccount, as the CLI
    // reads it): every actor resolved here carries it into what they do.
    ConsoleContext(store::Database &db, const QString &storePath,
                   const contracts::ContractRegistry &registry, const Clock &clock,
                   const QString &osAccount, const ConsoleSeams &seams, QObject *parent = nullptr);
    ~ConsoleContext() override;

    // The ui thread's connection: use it on this thread only.
    store::Database &db() const { return m_db; }
    const QString &storePath() const { return m_storePath; }
    const contracts::ContractRegistry &registry() const { return m_registry; }
    const Clock &clock() const { return m_clock; }
    // The clock's moment, in UTC.
    QDateTime now() const;
    const QString &osAccount() const { return m_osAccount; }
    // A store made by `baton demo`: anyone may act as any of its profiles.
    bool isDemoStore() const;

    MessageBoxes &messageBoxes() const { return m_seams.messageBoxes; }
    ReviewDialogs &reviewDialogs() const { return m_seams.reviewDialogs; }
    FileDialogs &fileDialogs() const { return m_seams.fileDialogs; }
    Settings &settings() const { return m_seams.settings; }
    Notifier *notifier() const { return m_seams.notifier; }
    CrmConnection *crmConnection() const { return m_seams.crmConnection; }

    // Core's services on the ui connection, shared by the pages.
    review::BriefQueries &briefs() { return m_briefs; }
    review::ReviewService &review() { return m_review; }
    crm::OutboxStore &outbox() { return m_outbox; }
    crm::OutboxActions &outboxActions() { return m_outboxActions; }
    ingest::IngestQueries &ingest() { return m_ingest; }
    governance::AuditLog &auditLog() { return m_auditLog; }
    // What changed in the store since the last call, by anyone (store::ChangeProbe on the ui
    // connection): one PRAGMA while nothing was committed.
    store::StoreAreas storeChanges() { return m_changes.poll(); }
    // The briefs waiting for `owner`'s review, and how many are newer than `afterId`.
    review::Queue queueOf(const std::string &owner, std::int64_t afterId)
    {
        return review::queueOf(m_db, owner, afterId);
    }

    // Reads for a pool thread, each on a read-only connection of its own: the contracts
    // report as of now, and the KPIs of days [from, to] under the built-in policy's heartbeat
    // limits.
    telemetry::ContractReport contractReport() const;
    telemetry::KpiReport kpis(const std::string &from, const std::string &to) const;
    scoring::ModelCatalog modelCatalog() const;

    // Who acts: the profile `user` names (email or name; empty: nobody), as the person at
    // the keyboard, checked once here for every page. actorChanged() follows every call.
    void setUser(const QString &user);
    const QString &user() const { return m_user; }
    const std::optional<review::Actor> &actor() const { return m_actor; }
    // Why nobody acts although a profile was named, with core's reason.
    enum class ActorProblem
    {
        None,
        Refused,   // the store binds the profile to another OS account, or to none
        Unknown,   // no such profile
        Unchecked, // the store could not be read
    };
    ActorProblem actorProblem() const { return m_problem; }
    const QString &actorProblemText() const { return m_problemText; }

signals:
    void actorChanged();

private:
    store::Database &m_db;
    QString m_storePath;
    const contracts::ContractRegistry &m_registry;
    const Clock &m_clock;
    QString m_osAccount;
    ConsoleSeams m_seams;
    review::BriefQueries m_briefs;
    review::ReviewService m_review;
    crm::OutboxStore m_outbox;
    crm::OutboxActions m_outboxActions;
    ingest::IngestQueries m_ingest;
    governance::AuditLog m_auditLog;
    store::ChangeProbe m_changes;
    telemetry::HeartbeatLimits m_heartbeats;
    QString m_user;
    std::optional<review::Actor> m_actor;
    ActorProblem m_problem = ActorProblem::None;
    QString m_problemText;
};

} // namespace baton::ui
