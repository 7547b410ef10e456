#pragma once

#include "ImportRunner.h"

#include "ports/Clock.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace baton::contracts {
class ContractRegistry;
}

namespace baton::app {

// Imports files on the thread it lives on, through its own store connection (a Database
// is not shared across threads), and reports through signals that cross back to the ui
// thread queued. Progress is throttled so a fast import does not flood the ui's queue.
class ImportWorker : public QObject
{
    Q_OBJECT

public:
    static constexpr int ProgressIntervalMs = 50; // at most ~20 updates a second

    ImportWorker(QString storePath, std::shared_ptr<const contracts::ContractRegistry> registry,
                 const std::atomic<bool> &cancel, QObject *parent = nullptr);

    // Runs the whole list; call on the worker's thread (queued).
    void run(const QStringList &files);

signals:
    void progress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    void fileFinished(const baton::ui::ImportFileOutcome &outcome);
    void finished(bool cancelled, const QString &error);

private:
    bool cancelled() const { return m_cancel.load(std::memory_order_relaxed); }

    QString m_storePath;
    std::shared_ptr<const contracts::ContractRegistry> m_registry;
    const std::atomic<bool> &m_cancel;
    SystemClock m_clock;
};

} // namespace baton::app
