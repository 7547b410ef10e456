#include "workers/ThreadedPushRunner.h"

#include "AuditTrail.h"
#include "Connectors.h"
#include "Settings.h"
#include "adapters/OneShotHttpTransport.h"
#include "crm/Connector.h"
#include "crm/JsonlSink.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "models/DisplayFormat.h"
#include "ports/Clock.h"
#include "store/Database.h"
#include "util/Time.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baton::app {

ThreadedPushRunner::ThreadedPushRunner(const QString &storePath, const ui::Settings *settings,
                                       QObject *parent)
    : ui::PushRunner(parent), m_storePath(storePath), m_settings(settings)
{
    connect(&m_watcher, &QFutureWatcher<ui::PushOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
    m_timer.setInterval(60 * 1000);
    connect(&m_timer, &QTimer::timeout, this, &ThreadedPushRunner::pushNow);
    m_timer.start();
}

ThreadedPushRunner::~ThreadedPushRunner()
{
    m_cancel = true;
    m_watcher.waitForFinished();
}

namespace {

// Every target the settings name, in the order they are pushed.
std::vector<PushTarget> configuredTargets(const ui::Settings *given)
{
    std::unique_ptr<const ui::Settings> own;
    if (!given)
        own = std::make_unique<const ui::Settings>();
    const ui::Settings &settings = given ? *given : *own;
    std::vector<PushTarget> out;
    if (!settings.hubSpotUrl().isEmpty()) {
        PushTarget t;
        t.url = settings.hubSpotUrl().toStdString();
        out.push_back(t);
    }
    if (!settings.salesforceUrl().isEmpty() && !settings.salesforceClientId().isEmpty()) {
        PushTarget t;
        t.kind = crm::Target::Salesforce;
        t.url = settings.salesforceUrl().toStdString();
        t.loginUrl = t.url; // My Domain serves the token endpoint too
        t.clientId = settings.salesforceClientId().toStdString();
        out.push_back(t);
    }
    if (!settings.webhookUrl().isEmpty()) {
        PushTarget t;
        t.kind = crm::Target::Webhook;
        t.url = settings.webhookUrl().toStdString();
        out.push_back(t);
    }
    if (!settings.jsonlFile().isEmpty()) {
        PushTarget t;
        t.kind = crm::Target::Jsonl;
        t.file = settings.jsonlFile().toStdString();
        out.push_back(t);
    }
    return out;
}

// What waits for a target that could not be reached as configured carries the reason, so
// the outbox says it beside the operations, not only in a passing status message.
void noteNotSent(store::Database &db, crm::Target target, const std::string &why,
                 const Clock &clock)
{
    const std::vector<std::string> webhook = {util::nameString(crm::OpKind::PostWebhook)};
    crm::OutboxStore(db).noteNotSent(target == crm::Target::Webhook ? webhook : crm::crmKinds(),
                                     why, util::formatUtcMillis(clock.now()));
}

} // namespace

QString ThreadedPushRunner::target() const
{
    QStringList names;
    for (const auto &t : configuredTargets(m_settings))
        names << ui::targetText(
            t.kind, QString::fromStdString(t.kind == crm::Target::Jsonl ? t.file : t.url));
    return names.join(QStringLiteral("; "));
}

void ThreadedPushRunner::pushNow()
{
    auto targets = configuredTargets(m_settings);
    if (isRunning() || targets.empty())
        return;
    emit started();
    m_watcher.setFuture(QtConcurrent::run([this, path = m_storePath, targets] {
        ui::PushOutcome out;
        QStringList errors;
        try {
            auto db = store::Database::open(
                path.toStdString(), {.readOnly = false, .create = false, .quickCheck = false});
            const SystemClock clock;
            crm::PushSummary s;
            for (const auto &target : targets) {
                if (m_cancel)
                    break;
                if (target.kind == crm::Target::Jsonl) {
                    crm::JsonlSink sink(db, target.file, clock);
                    const auto appended = sink.runOnce();
                    s.requests += appended.requests;
                    if (appended.done > 0)
                        auditInvocation(db, clock, "push",
                                        "target:" + util::nameString(crm::Target::Jsonl),
                                        {{"endpoint", target.file},
                                         {"done", appended.done},
                                         {"via", "console"}});
                    continue;
                }
                std::string error;
                auto connector = makeConnector(target, error);
                if (!connector) {
                    errors << QString::fromStdString(error);
                    noteNotSent(db, target.kind, error, clock);
                    continue;
                }
                OneShotHttpTransport transport;
                crm::PushOptions options;
                options.cancel = &m_cancel;
                // What is due now, pass after pass; what waits (a Retry-After, a backoff) is
                // the next tick's, so a pool thread is never parked for an hour on a daily
                // limit.
                crm::PushWorker worker(db, *connector, transport, clock, options);
                worker.learnOwners();
                crm::PushSummary sent; // of this target, for the audit log
                for (;;) {
                    const auto pass = worker.runOnce();
                    s.requests += pass.requests + pass.lookups;
                    sent.requests += pass.requests;
                    sent.done += pass.done;
                    sent.failed += pass.failed;
                    if (m_cancel || pass.requests + pass.lookups + pass.done + pass.failed == 0)
                        break;
                }
                // A tick that sent nothing changed nothing: only what left Baton is recorded.
                if (sent.requests > 0)
                    auditInvocation(
                        db, clock, "push", "target:" + util::nameString(target.kind),
                        {{"endpoint", target.url.empty() ? describeTarget(target) : target.url},
                         {"requests", sent.requests},
                         {"done", sent.done},
                         {"failed", sent.failed},
                         {"via", "console"}});
            }
            const auto c = crm::OutboxStore(db).counts();
            out.done = c.done;
            out.failed = c.failed;
            out.waiting = c.pending + c.inFlight;
            out.requests = s.requests;
        } catch (const std::exception &e) {
            errors << QString::fromUtf8(e.what());
        }
        out.error = errors.join(QStringLiteral("; "));
        return out;
    }));
}

} // namespace baton::app
