#pragma once

#include "PipelineRunner.h"
#include "ports/Clock.h"

#include <QFutureWatcher>
#include <QString>
#include <memory>

namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

// The ui's PipelineRunner over a pool thread: rerunLead() returns at once; the run opens
// its own connection, and `finished` comes back queued to the ui thread.
class ThreadedPipelineRunner final : public ui::PipelineRunner
{
    Q_OBJECT

public:
    // `clock`: the moment runs are as of (the console's, following --now); it outlives the
    // runner. Null: the system's.
    ThreadedPipelineRunner(const QString &storePath,
                           std::shared_ptr<const contracts::ContractRegistry> registry,
                           const Clock *clock = nullptr, QObject *parent = nullptr);
    // Waits for a run in progress: a run for one lead takes well under a second unless
    // the LLM endpoint is slow, and leaving it would outlive the registry it reads.
    ~ThreadedPipelineRunner() override;

    void rerunLead(qint64 leadId, const QString &trigger) override;
    bool isRunning() const override { return m_watcher.isRunning(); }

private:
    QString m_storePath;
    std::shared_ptr<const contracts::ContractRegistry> m_registry;
    SystemClock m_systemClock;
    const Clock &m_clock;
    QFutureWatcher<ui::LeadRerunOutcome> m_watcher;
};

} // namespace baton::app
