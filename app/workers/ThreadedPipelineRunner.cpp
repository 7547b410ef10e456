#include "workers/ThreadedPipelineRunner.h"

#include "workers/LeadRerunJob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace baton::app {

ThreadedPipelineRunner::ThreadedPipelineRunner(
    const QString &storePath, std::shared_ptr<const contracts::ContractRegistry> registry,
    const Clock *clock, QObject *parent)
    : ui::PipelineRunner(parent), m_storePath(storePath), m_registry(std::move(registry)),
      m_clock(clock ? *clock : m_systemClock)
{
    connect(&m_watcher, &QFutureWatcher<ui::LeadRerunOutcome>::finished, this,
            [this] { emit finished(m_watcher.result()); });
}

ThreadedPipelineRunner::~ThreadedPipelineRunner()
{
    m_watcher.waitForFinished();
}

void ThreadedPipelineRunner::rerunLead(qint64 leadId, const QString &trigger)
{
    if (isRunning())
        return;
    m_watcher.setFuture(QtConcurrent::run([path = m_storePath, registry = m_registry, leadId,
                                           trigger = trigger.toStdString(), &clock = m_clock] {
        ui::LeadRerunOutcome out;
        out.leadId = leadId;
        try {
            const auto r = rerunLeadInStore(path, *registry, leadId, trigger, clock);
            out.status = r.status;
            out.newBrief = r.newBrief.value_or(0);
            out.error = QString::fromStdString(r.error);
        } catch (const std::exception &e) {
            out.status = pipeline::ItemStatus::Failed;
            out.error = QString::fromUtf8(e.what());
        }
        return out;
    }));
}

} // namespace baton::app
