#include "models/QuarantineTableModel.h"
#include "PlainText.h"

#include "models/DisplayFormat.h"

#include <QScopedValueRollback>
#include <exception>

namespace baton::ui {

QuarantineTableModel::QuarantineTableModel(ingest::IngestQueries &queries, QObject *parent)
    : QAbstractTableModel(parent), m_queries(queries)
{
    refresh();
}

int QuarantineTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int QuarantineTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

const ingest::QuarantineRow *QuarantineTableModel::recordAt(int row) const
{
    return m_rows.contains(row) ? &m_rows.at(row) : nullptr;
}

QVariant QuarantineTableModel::display(const ingest::QuarantineRow &q, int column) const
{
    switch (static_cast<Column>(column)) {
    case BatchColumn:
        return QVariant::fromValue<qint64>(q.batchId);
    case FileColumn:
        return qs(q.fileName);
    case LineColumn:
        return q.line ? QVariant::fromValue<qint64>(*q.line) : QVariant();
    case ContractColumn:
        return q.contract ? qs(*q.contract) : QString();
    case FieldColumn:
        return qs(q.field);
    case MessageColumn:
        return qs(q.message);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant QuarantineTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ingest::QuarantineRow &q = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(q, column);
    case Qt::TextAlignmentRole:
        if (column == BatchColumn || column == LineColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == MessageColumn || column == FieldColumn)
            return plainToolTip(qs(q.message));
        if (column == FileColumn)
            return plainToolTip(q.line ? tr("%1, line %2").arg(qs(q.fileName)).arg(*q.line)
                                       : qs(q.fileName));
        return {};
    case QuarantineIdRole:
        return QVariant::fromValue<qint64>(q.id);
    case BatchIdRole:
        return QVariant::fromValue<qint64>(q.batchId);
    case LineRole:
        return q.line ? QVariant::fromValue<qint64>(*q.line) : QVariant();
    case RawRole:
        return qs(q.raw);
    case ErrorsJsonRole:
        return qs(q.errorsJson);
    case CreatedAtRole:
        return qs(q.createdAt);
    default:
        return {};
    }
}

QVariant QuarantineTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case BatchColumn:
        return tr("Batch");
    case FileColumn:
        return tr("File");
    case LineColumn:
        return tr("Line");
    case ContractColumn:
        return tr("Contract");
    case FieldColumn:
        return tr("Field");
    case MessageColumn:
        return tr("Message");
    case ColumnCount:
        break;
    }
    return {};
}

ingest::QuarantineFilter QuarantineTableModel::filter() const
{
    ingest::QuarantineFilter f;
    if (m_batchId)
        f.batchId = *m_batchId;
    f.text = m_filterText.toStdString();
    return f;
}

bool QuarantineTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.canFetchMore();
}

std::vector<ingest::QuarantineRow> QuarantineTableModel::readPage()
{
    const ingest::QuarantineFilter f = filter();
    try {
        return m_rows.nextPage(
            m_pageSize,
            [&](std::int64_t offset, std::int64_t limit) {
                return m_queries.quarantine(f, offset, limit);
            },
            // Newest batch first, then in the order the records were quarantined.
            [](const ingest::QuarantineRow &last, const ingest::QuarantineRow &row) {
                return row.batchId < last.batchId ||
                       (row.batchId == last.batchId && row.id > last.id);
            });
    } catch (const std::exception &e) {
        m_rows.stopFetching();
        emit loadFailed(
            tr("Could not read quarantined records: %1").arg(QString::fromUtf8(e.what())));
        return {};
    }
}

void QuarantineTableModel::fetchMore(const QModelIndex &parent)
{
    // Not from a receiver of our own change signals: see BatchTableModel::fetchMore.
    if (parent.isValid() || m_changing || !m_rows.canFetchMore())
        return;
    const QScopedValueRollback<bool> changing(m_changing, true);
    std::vector<ingest::QuarantineRow> page = readPage();
    if (page.empty())
        return;
    beginInsertRows({}, m_rows.size(), m_rows.size() + static_cast<int>(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
}

void QuarantineTableModel::setBatchFilter(std::optional<qint64> batchId)
{
    if (batchId == m_batchId)
        return;
    m_batchId = batchId;
    refresh();
}

void QuarantineTableModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    refresh();
}

void QuarantineTableModel::setPageSize(int rows)
{
    m_pageSize = std::max(1, rows);
}

void QuarantineTableModel::refresh()
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    beginResetModel();
    try {
        m_rows.reset(m_queries.quarantineCount(filter()));
        m_rows.append(readPage());
    } catch (const std::exception &e) {
        m_rows.reset(0);
        emit loadFailed(
            tr("Could not read quarantined records: %1").arg(QString::fromUtf8(e.what())));
    }
    endResetModel();
}

} // namespace baton::ui
