#include "workers/ThreadedImportRunner.h"

#include "workers/ImportWorker.h"

namespace baton::app {

ThreadedImportRunner::ThreadedImportRunner(const QString &storePath,
                                           std::shared_ptr<const contracts::ContractRegistry> registry,
                                           QObject *parent)
    : ui::ImportRunner(parent),
      m_worker(std::make_unique<ImportWorker>(storePath, std::move(registry), m_cancel))
{
    qRegisterMetaType<ui::ImportFileOutcome>();
    m_thread.setObjectName(QStringLiteral("baton-import"));
    m_worker->moveToThread(&m_thread);
    connect(m_worker.get(), &ImportWorker::progress, this, &ImportRunner::progress);
    connect(m_worker.get(), &ImportWorker::fileFinished, this, &ImportRunner::fileFinished);
    connect(m_worker.get(), &ImportWorker::finished, this,
            [this](bool cancelled, const QString &error) {
                m_running = false;
                emit finished(cancelled, error);
            });
    m_thread.start();
}

ThreadedImportRunner::~ThreadedImportRunner()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
    // The thread is gone, so the worker can be deleted from here.
}

void ThreadedImportRunner::start(const QStringList &files)
{
    if (m_running || files.isEmpty())
        return;
    m_running = true;
    m_cancel = false;
    emit started(static_cast<int>(files.size()));
    ImportWorker *worker = m_worker.get();
    QMetaObject::invokeMethod(worker, [worker, files] { worker->run(files); },
                              Qt::QueuedConnection);
}

void ThreadedImportRunner::cancel()
{
    if (m_running)
        m_cancel = true;
}

} // namespace baton::app
