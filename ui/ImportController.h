#pragma once

#include "ImportRunner.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QWidget;

namespace baton::ui {

class FileDialogs;
class Settings;

// The "Import files…" command: asks which files (through the FileDialogs seam), hands
// them to the ImportRunner and turns what it reports into one summary for the person.
class ImportController : public QObject
{
    Q_OBJECT

public:
    ImportController(ImportRunner &runner, FileDialogs &dialogs, Settings &settings,
                     QObject *parent = nullptr);

    // Parent for the file dialog.
    void setDialogParent(QWidget *parent) { m_dialogParent = parent; }

    void chooseAndImport();
    void importFiles(const QStringList &files);
    void cancel();
    bool isRunning() const;

    // "Imported contacts.csv: 5 accepted, 1 quarantined" and the like, for a run's
    // outcomes. Public so tests can pin the wording.
    static QString summary(const QList<ImportFileOutcome> &outcomes, bool cancelled,
                           const QString &runError);

signals:
    void started(int fileCount);
    void progress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    // A file is in the store (or failed): views should read again.
    void storeChanged();
    void finished(const QString &summary);

private:
    ImportRunner &m_runner;
    FileDialogs &m_dialogs;
    Settings &m_settings;
    QPointer<QWidget> m_dialogParent;
    QList<ImportFileOutcome> m_outcomes;
};

} // namespace baton::ui
