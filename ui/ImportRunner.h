#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>

namespace baton::ui {

// What happened to one imported file, in the terms the ui shows.
struct ImportFileOutcome
{
    QString fileName;
    qint64 batchId = 0;     // 0 when nothing was written
    qint64 sameAsBatch = 0; // > 0: skipped, this content was imported as that batch
    qint64 read = 0;
    qint64 accepted = 0;
    qint64 quarantined = 0;
    bool failed = false;
    bool cancelled = false;
    QString error;
};

// Runs imports off the ui thread. Declared here so the ui does not depend on app/, which
// implements it with a worker thread and its own store connection. All signals arrive
// on the thread the runner lives on (the ui thread).
class ImportRunner : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~ImportRunner() override;

    // Imports the files one after another. Ignored while a run is in progress.
    virtual void start(const QStringList &files) = 0;
    // Asks the running import to stop; `finished` follows with cancelled = true.
    virtual void cancel() = 0;
    virtual bool isRunning() const = 0;

signals:
    void started(int fileCount);
    // Bytes of all the run's files: throttled, at most a few dozen times a second.
    void progress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    void fileFinished(const baton::ui::ImportFileOutcome &outcome);
    // `error` is set when the run itself could not proceed (the store would not open).
    void finished(bool cancelled, const QString &error);
};

} // namespace baton::ui

Q_DECLARE_METATYPE(baton::ui::ImportFileOutcome)
