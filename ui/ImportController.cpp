#include "ImportController.h"

#include "FileDialogs.h"
#include "Settings.h"

#include <QFileInfo>
#include <QLocale>
#include <QWidget>

namespace baton::ui {

ImportController::ImportController(ImportRunner &runner, FileDialogs &dialogs, Settings &settings,
                                   QObject *parent)
    : QObject(parent), m_runner(runner), m_dialogs(dialogs), m_settings(settings)
{
    connect(&m_runner, &ImportRunner::started, this, &ImportController::started);
    connect(&m_runner, &ImportRunner::progress, this, &ImportController::progress);
    connect(&m_runner, &ImportRunner::fileFinished, this,
            [this](const ImportFileOutcome &outcome) {
                m_outcomes.append(outcome);
                if (outcome.batchId > 0)
                    emit storeChanged();
            });
    connect(&m_runner, &ImportRunner::finished, this,
            [this](bool cancelled, const QString &error) {
                const QString text = summary(m_outcomes, cancelled, error);
                m_outcomes.clear();
                emit storeChanged();
                emit finished(text);
            });
}

bool ImportController::isRunning() const { return m_runner.isRunning(); }

void ImportController::chooseAndImport()
{
    if (m_runner.isRunning())
        return;
    const QStringList files = m_dialogs.openFiles(
        m_dialogParent, tr("Import files"), m_settings.lastImportDirectory(),
        tr("Exports (*.csv *.jsonl *.ndjson *.json);;CSV files (*.csv);;JSON Lines (*.jsonl "
           "*.ndjson);;All files (*)"));
    if (files.isEmpty())
        return;
    m_settings.setLastImportDirectory(QFileInfo(files.first()).absolutePath());
    importFiles(files);
}

void ImportController::importFiles(const QStringList &files)
{
    if (files.isEmpty() || m_runner.isRunning())
        return;
    m_outcomes.clear();
    m_runner.start(files);
}

void ImportController::cancel() { m_runner.cancel(); }

QString ImportController::summary(const QList<ImportFileOutcome> &outcomes, bool cancelled,
                                  const QString &runError)
{
    const QLocale locale;
    QStringList parts;
    qint64 accepted = 0;
    qint64 quarantined = 0;
    QStringList imported;
    for (const ImportFileOutcome &o : outcomes) {
        if (o.sameAsBatch > 0) {
            parts << tr("%1 was imported before (batch %2) and was skipped")
                         .arg(o.fileName)
                         .arg(o.sameAsBatch);
        } else if (o.failed && !o.cancelled) {
            parts << tr("%1 failed: %2").arg(o.fileName, o.error);
        } else if (!o.cancelled) {
            imported << o.fileName;
            accepted += o.accepted;
            quarantined += o.quarantined;
        }
    }
    if (!imported.isEmpty()) {
        const QString what = imported.size() == 1 ? imported.first()
                                                  : tr("%1 files").arg(imported.size());
        parts.prepend(tr("Imported %1: %2 accepted, %3 quarantined")
                          .arg(what, locale.toString(accepted), locale.toString(quarantined)));
    }
    if (cancelled)
        parts << tr("Import cancelled; importing the file again completes it");
    if (!runError.isEmpty())
        parts << tr("Import failed: %1").arg(runError);
    if (parts.isEmpty())
        parts << tr("Nothing was imported");
    return parts.join(QStringLiteral("; "));
}

} // namespace baton::ui
