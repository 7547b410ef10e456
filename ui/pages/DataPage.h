#pragma once

#include <QList>
#include <QWidget>
#include <optional>

class QAction;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;

namespace baton::ui {

class BatchTableModel;
class ConsoleContext;
class DebouncedLineEdit;
class ImportController;
class ImportProgress;
class QuarantineDetail;
class QuarantineTableModel;
class Settings;

// Import batches on top, quarantined records below with the selected record's errors and
// raw text beside them. Selecting a batch narrows the quarantine to it; the filter narrows
// both. Imports run in the background through the ImportController; the bar at the
// bottom shows their progress.
class DataPage : public QWidget
{
    Q_OBJECT

public:
    // `commands` are shown as buttons above the tables (Import files…, Refresh).
    DataPage(ConsoleContext &context, ImportController &imports, const QList<QAction *> &commands,
             QWidget *parent = nullptr);
    ~DataPage() override;

    BatchTableModel *batchModel() const { return m_batchModel; }
    QuarantineTableModel *quarantineModel() const { return m_quarantineModel; }

    // Reads both tables again, keeping the selected batch.
    void refresh();
    // Back from one batch's quarantine to every batch's.
    void showAllQuarantine();

signals:
    void statusMessage(const QString &message);

private:
    QWidget *buildBatchPane();
    QWidget *buildQuarantinePane();
    void batchSelectionChanged();
    void setFilterText(const QString &text);
    void reselectBatch();
    void updateLabels();
    void importStarted(int fileCount);
    void importFinished(const QString &summary);

    ImportController &m_imports;
    Settings &m_settings;
    BatchTableModel *m_batchModel;
    QuarantineTableModel *m_quarantineModel;
    DebouncedLineEdit *m_filter = nullptr;
    QTableView *m_batchView = nullptr;
    QTableView *m_quarantineView = nullptr;
    QLabel *m_batchLabel = nullptr;
    QLabel *m_quarantineLabel = nullptr;
    QPushButton *m_showAll = nullptr;
    QuarantineDetail *m_detail = nullptr;
    ImportProgress *m_progress = nullptr;
    QSplitter *m_splitter = nullptr;
};

} // namespace baton::ui
