#include "workers/ThreadedCrmConnection.h"

#include "Connectors.h"
#include "adapters/OneShotHttpTransport.h"
#include "crm/ConnectionCheck.h"
#include "crm/Connector.h"
#include "ports/SecretStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baton::app {

ThreadedCrmConnection::ThreadedCrmConnection(std::unique_ptr<SecretStore> secrets, QObject *parent)
    : ui::CrmConnection(parent), m_secrets(std::move(secrets))
{
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, [this] {
        const Result r = m_watcher.result();
        emit tested(r.ok, r.message);
    });
}

ThreadedCrmConnection::~ThreadedCrmConnection()
{
    m_watcher.waitForFinished(); // a test is bounded by the connector's timeout
}

QString ThreadedCrmConnection::keepSecret(const QString &name, const QString &value, QString &error)
{
    std::string why;
    if (!m_secrets->write(name.toStdString(), value.toStdString(), why)) {
        error = QString::fromStdString(why);
        return {};
    }
    return QString::fromStdString(m_secrets->describe());
}

void ThreadedCrmConnection::test(const ui::CrmEndpoint &endpoint)
{
    if (isTesting())
        return;
    PushTarget target;
    target.kind = endpoint.kind;
    target.url = endpoint.url.trimmed().toStdString();
    target.loginUrl = target.url; // My Domain serves the token endpoint too
    target.clientId = endpoint.clientId.trimmed().toStdString();
    target.timeoutMs = 15000;
    m_watcher.setFuture(QtConcurrent::run([target] {
        Result out;
        const QString where = QString::fromStdString(describeTarget(target));
        std::string error;
        const auto connector = makeConnector(target, error);
        if (!connector) {
            out.message = tr("%1: not tried, %2").arg(where, QString::fromStdString(error));
            return out;
        }
        OneShotHttpTransport transport;
        const auto check = crm::checkConnection(*connector, transport);
        out.ok = check.ok;
        out.message = (check.ok ? tr("Connected to %1: %2") : tr("Could not connect to %1: %2"))
                          .arg(where, QString::fromStdString(check.detail));
        return out;
    }));
}

} // namespace baton::app
