#pragma once

#include "CrmConnection.h"

#include <QFutureWatcher>
#include <memory>

namespace baton {
class SecretStore;
}

namespace baton::app {

// The Settings page's CrmConnection: credentials kept in `secrets` (the OS keychain in the
// console), and a connection test that builds the connector as a push would (Connectors.h:
// the environment, then the keychain or the file the user opted into) and runs
// crm::checkConnection on a pool thread over real HTTP.
class ThreadedCrmConnection final : public ui::CrmConnection
{
    Q_OBJECT

public:
    explicit ThreadedCrmConnection(std::unique_ptr<SecretStore> secrets, QObject *parent = nullptr);
    ~ThreadedCrmConnection() override;

    QString keepSecret(const QString &name, const QString &value, QString &error) override;
    void test(const ui::CrmEndpoint &endpoint) override;
    bool isTesting() const override { return m_watcher.isRunning(); }

private:
    struct Result
    {
        bool ok = false;
        QString message;
    };
    std::unique_ptr<SecretStore> m_secrets;
    QFutureWatcher<Result> m_watcher;
};

} // namespace baton::app
