#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

namespace baton::ui {

// What a background push did.
struct PushOutcome
{
    qint64 done = 0, failed = 0, waiting = 0; // operations, after the push
    qint64 requests = 0;
    QString error; // the push could not run at all (no token, no store)
};

// Delivers the CRM outbox off the ui thread: now, on request, and every minute while a CRM
// is configured. Declared here so the ui does not depend on app/, which implements it.
class PushRunner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~PushRunner() override;

    // Ignored while a push is running or when no CRM is configured.
    virtual void pushNow() = 0;
    virtual bool isRunning() const = 0;
    // Where pushes go ("HubSpot at https://api.hubapi.com"); empty: nowhere configured.
    virtual QString target() const = 0;

signals:
    void started();
    void finished(const baton::ui::PushOutcome &outcome);
};

} // namespace baton::ui

Q_DECLARE_METATYPE(baton::ui::PushOutcome)
