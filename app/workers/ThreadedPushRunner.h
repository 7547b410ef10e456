#pragma once

#include "PushRunner.h"

#include <QFutureWatcher>
#include <QTimer>
#include <atomic>

namespace baton::ui {
class Settings;
}

namespace baton::app {

// The ui's PushRunner: the push worker on a pool thread with its own connection, for every
// target Settings name (HubSpot, Salesforce, the webhook, the JSONL file) with credentials
// from the keychain (or the environment, see Connectors.h), every minute and on request. Stops a
// push in progress when destroyed (it resumes next time: operations in flight are looked up, never
// sent twice).
class ThreadedPushRunner final : public ui::PushRunner
{
    Q_OBJECT

public:
    // `settings`: where the targets are read, at every push (null: the user's own).
    explicit ThreadedPushRunner(const QString &storePath, const ui::Settings *settings = nullptr,
                                QObject *parent = nullptr);
    ~ThreadedPushRunner() override;

    void pushNow() override;
    bool isRunning() const override { return m_watcher.isRunning(); }
    QString target() const override;

private:
    QString m_storePath;
    const ui::Settings *m_settings;
    QTimer m_timer;
    std::atomic<bool> m_cancel{false};
    QFutureWatcher<ui::PushOutcome> m_watcher;
};

} // namespace baton::app
