#include "models/QuarantineTableModel.h"

#include "PlainText.h"
#include "models/DisplayFormat.h"

namespace baton::ui {

QuarantineTableModel::QuarantineTableModel(ingest::IngestQueries &queries, QObject *parent)
    : PagedTableModel(ColumnCount, parent), m_queries(queries)
{
    refresh();
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
    const ingest::QuarantineRow &q = rowAt(index.row());
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

std::int64_t QuarantineTableModel::countRows()
{
    return m_queries.quarantineCount(filter());
}

std::vector<ingest::QuarantineRow> QuarantineTableModel::readRows(std::int64_t offset,
                                                                  std::int64_t limit)
{
    return m_queries.quarantine(filter(), offset, limit);
}

QString QuarantineTableModel::loadFailure(const QString &error) const
{
    return tr("Could not read quarantined records: %1").arg(error);
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

} // namespace baton::ui
