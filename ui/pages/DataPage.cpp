#include "pages/DataPage.h"

#include "ConsoleContext.h"
#include "ImportController.h"
#include "PlainText.h"
#include "Settings.h"
#include "models/BatchTableModel.h"
#include "models/QuarantineTableModel.h"
#include "widgets/DebouncedLineEdit.h"
#include "widgets/EmptyState.h"
#include "widgets/ImportProgress.h"
#include "widgets/QuarantineDetail.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace baton::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setHighlightSections(false);
    return view;
}

QLabel *makeHeading(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setTextFormat(Qt::PlainText); // names a file
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

DataPage::DataPage(ConsoleContext &context, ImportController &imports,
                   const QList<QAction *> &commands, QWidget *parent)
    : QWidget(parent), m_imports(imports), m_settings(context.settings()),
      m_batchModel(new BatchTableModel(context.ingest(), this)),
      m_quarantineModel(new QuarantineTableModel(context.ingest(), this))
{
    setObjectName(QStringLiteral("dataPage"));

    auto *top = new QHBoxLayout;
    for (QAction *command : commands) {
        auto *button = new QToolButton(this);
        button->setObjectName(command->objectName() + QStringLiteral("Button"));
        button->setDefaultAction(command);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        top->addWidget(button);
    }
    m_filter = new DebouncedLineEdit(this);
    m_filter->setObjectName(QStringLiteral("filterEdit"));
    m_filter->setPlaceholderText(tr("Filter…"));
    m_filter->setToolTip(tr("Show batches and quarantined records whose file, source, status, "
                            "contract, field or message contain this text"));
    top->addWidget(m_filter, 1);

    m_splitter = new QSplitter(Qt::Vertical, this);
    m_splitter->setObjectName(QStringLiteral("dataSplitter"));
    m_splitter->addWidget(buildBatchPane());
    m_splitter->addWidget(buildQuarantinePane());
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->restoreState(m_settings.dataPageSplitter());
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { m_settings.setDataPageSplitter(m_splitter->saveState()); });

    m_progress = new ImportProgress(this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_progress);

    connect(m_filter, &DebouncedLineEdit::settled, this, &DataPage::setFilterText);
    connect(m_batchView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DataPage::batchSelectionChanged);
    connect(m_quarantineView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_detail->showRecord(current); });
    connect(m_quarantineModel, &QAbstractItemModel::modelReset, m_detail, &QuarantineDetail::clear);
    for (QAbstractItemModel *model :
         std::initializer_list<QAbstractItemModel *>{m_batchModel, m_quarantineModel}) {
        connect(model, &QAbstractItemModel::modelReset, this, &DataPage::updateLabels);
        connect(model, &QAbstractItemModel::rowsInserted, this, &DataPage::updateLabels);
    }
    connect(m_batchModel, &BatchTableModel::loadFailed, this, &DataPage::statusMessage);
    connect(m_quarantineModel, &QuarantineTableModel::loadFailed, this, &DataPage::statusMessage);

    connect(&m_imports, &ImportController::started, this, &DataPage::importStarted);
    connect(&m_imports, &ImportController::progress, m_progress, &ImportProgress::setProgress);
    connect(&m_imports, &ImportController::storeChanged, this, &DataPage::refresh);
    connect(&m_imports, &ImportController::finished, this, &DataPage::importFinished);
    connect(m_progress, &ImportProgress::cancelRequested, &m_imports, &ImportController::cancel);

    m_batchView->resizeColumnsToContents();
    m_quarantineView->resizeColumnsToContents();
    updateLabels();
    showLabelsAsPlainText(this);
}

DataPage::~DataPage() = default;

QWidget *DataPage::buildBatchPane()
{
    auto *pane = new QWidget(this);
    m_batchLabel = makeHeading(pane);
    m_batchView = makeTable(m_batchModel, QStringLiteral("batchTable"), pane);
    m_batchView->setTextElideMode(Qt::ElideMiddle); // file names: keep both ends
    new EmptyState(m_batchView, tr("No imports yet. Import a HubSpot, Marketo or JSONL file "
                                   "(Ctrl+I), or drop files into the sync folder; `baton demo` "
                                   "makes a demo store with data."));
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_batchLabel);
    layout->addWidget(m_batchView, 1);
    return pane;
}

QWidget *DataPage::buildQuarantinePane()
{
    auto *pane = new QWidget(this);
    m_quarantineLabel = makeHeading(pane);
    m_showAll = new QPushButton(tr("Show all batches"), pane);
    m_showAll->setObjectName(QStringLiteral("showAllQuarantine"));
    m_showAll->setToolTip(tr("Show the quarantined records of every batch again"));
    m_showAll->setEnabled(false);
    connect(m_showAll, &QPushButton::clicked, this, &DataPage::showAllQuarantine);
    auto *heading = new QHBoxLayout;
    heading->addWidget(m_quarantineLabel, 1);
    heading->addWidget(m_showAll);

    m_quarantineView = makeTable(m_quarantineModel, QStringLiteral("quarantineTable"), pane);
    m_quarantineView->setTextElideMode(Qt::ElideRight); // messages: the start says most
    new EmptyState(m_quarantineView,
                   tr("No quarantined records to show. A record that does not meet its contract "
                      "is kept here with its exact errors; clear the filter or show all batches "
                      "if you expected some."));
    m_detail = new QuarantineDetail(pane);
    auto *split = new QSplitter(Qt::Horizontal, pane);
    split->addWidget(m_quarantineView);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(heading);
    layout->addWidget(split, 1);
    return pane;
}

void DataPage::batchSelectionChanged()
{
    const QModelIndexList rows = m_batchView->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_quarantineModel->setBatchFilter(std::nullopt);
    } else {
        m_quarantineModel->setBatchFilter(
            rows.first().data(BatchTableModel::BatchIdRole).toLongLong());
    }
    updateLabels();
}

void DataPage::showAllQuarantine()
{
    m_batchView->clearSelection();
    m_quarantineModel->setBatchFilter(std::nullopt);
    updateLabels();
}

void DataPage::setFilterText(const QString &text)
{
    m_batchModel->setFilterText(text);
    m_quarantineModel->setFilterText(text);
    reselectBatch();
}

void DataPage::refresh()
{
    m_batchModel->refresh();
    m_quarantineModel->refresh();
    reselectBatch();
}

// A reset drops the view's selection (silently); the quarantine stays narrowed to the
// batch, so select that batch again if it is loaded.
void DataPage::reselectBatch()
{
    const auto batch = m_quarantineModel->batchFilter();
    if (!batch)
        return;
    const int row = m_batchModel->rowOfBatch(*batch);
    if (row >= 0) {
        m_batchView->selectionModel()->select(m_batchModel->index(row, 0),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    }
    updateLabels();
}

void DataPage::updateLabels()
{
    const QLocale locale;
    m_batchLabel->setText(
        tr("Import batches: %1").arg(locale.toString(m_batchModel->totalCount())));
    const auto batch = m_quarantineModel->batchFilter();
    const QString count = locale.toString(m_quarantineModel->totalCount());
    m_quarantineLabel->setText(
        batch ? tr("Quarantined records of batch %1: %2").arg(*batch).arg(count)
              : tr("Quarantined records, all batches: %1").arg(count));
    m_showAll->setEnabled(batch.has_value());
}

void DataPage::importStarted(int fileCount)
{
    m_progress->begin(fileCount);
}

void DataPage::importFinished(const QString &summary)
{
    m_progress->end();
    emit statusMessage(summary);
}

} // namespace baton::ui
