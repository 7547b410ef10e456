#pragma once

#include "ImportRunner.h"

#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

class ImportWorker;

// The ui's ImportRunner over one long-lived worker thread. The ui thread never waits on
// an import: start() queues the run and returns; signals come back queued.
class ThreadedImportRunner final : public ui::ImportRunner
{
    Q_OBJECT

public:
    ThreadedImportRunner(const QString &storePath,
                         std::shared_ptr<const contracts::ContractRegistry> registry,
                         QObject *parent = nullptr);
    // Cancels a running import and waits for the thread (the import stops at its next
    // chunk; the batch is marked so that importing the file again completes it).
    ~ThreadedImportRunner() override;

    void start(const QStringList &files) override;
    void cancel() override;
    bool isRunning() const override { return m_running; }

private:
    QThread m_thread;
    std::atomic<bool> m_cancel{false};
    std::unique_ptr<ImportWorker> m_worker;
    bool m_running = false;
};

} // namespace baton::app
