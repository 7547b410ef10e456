#include "workers/ThreadedPushRunner.h"

#include "Secrets.h"
#include "Settings.h"
#include "adapters/OneShotHttpTransport.h"
#include "crm/HubSpotConnector.h"
#include "crm/OutboxStore.h"
#include "crm/PushWorker.h"
#include "ports/Clock.h"
#include "store/Database.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baton::app {

ThreadedPushRunner::ThreadedPushRunner(const QString &storePath, QObject *parent)
    : ui::PushRunner(parent), m_storePath(storePath)
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

QString ThreadedPushRunner::target() const
{
    const QString url = ui::Settings().hubSpotUrl();
    return url.isEmpty() ? QString() : tr("HubSpot at %1").arg(url);
}

void ThreadedPushRunner::pushNow()
{
    const QString url = ui::Settings().hubSpotUrl();
    if (isRunning() || url.isEmpty())
        return;
    emit started();
    m_watcher.setFuture(QtConcurrent::run([this, path = m_storePath, url] {
        ui::PushOutcome out;
        try {
            std::string token = qgetenv("BATON_HUBSPOT_TOKEN").toStdString();
            if (token.empty()) {
                std::string error, where;
                const auto secret = readSecret("hubspot-token", error, where);
                if (!secret) {
                    out.error = QString::fromStdString(error);
                    return out;
                }
                token = *secret;
            }
            auto db = store::Database::open(
                path.toStdString(), {.readOnly = false, .create = false, .quickCheck = false});
            crm::HubSpotConnector::Config config;
            config.baseUrl = url.toStdString();
            config.accessToken = token;
            crm::HubSpotConnector hubspot(config);
            OneShotHttpTransport transport;
            hubspot.setOwnerIds(
                crm::HubSpotConnector::readOwners(transport.send(hubspot.ownersRequest())));
            const SystemClock clock;
            crm::PushOptions options;
            options.cancel = &m_cancel;
            // What is due now, pass after pass; what waits (a Retry-After, a backoff) is the
            // next tick's, so a pool thread is never parked for an hour on a daily limit.
            crm::PushWorker worker(db, hubspot, transport, clock, options);
            crm::PushSummary s;
            for (;;) {
                const auto pass = worker.runOnce();
                s.requests += pass.requests;
                s.lookups += pass.lookups;
                if (m_cancel || pass.requests + pass.lookups + pass.done + pass.failed == 0)
                    break;
            }
            const auto c = crm::OutboxStore(db).counts();
            out.done = c.done;
            out.failed = c.failed;
            out.waiting = c.pending + c.inFlight;
            out.requests = s.requests + s.lookups;
        } catch (const std::exception &e) {
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

} // namespace baton::app
