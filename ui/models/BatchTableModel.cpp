#include "models/BatchTableModel.h"

#include "PlainText.h"
#include "models/BatchStatus.h"
#include "models/DisplayFormat.h"

namespace baton::ui {

BatchTableModel::BatchTableModel(ingest::IngestQueries &queries, QObject *parent)
    : PagedTableModel(ColumnCount, parent), m_queries(queries)
{
    refresh();
}

int BatchTableModel::rowOfBatch(qint64 batchId) const
{
    return findRow([batchId](const ingest::BatchSummary &b) { return b.id == batchId; });
}

QVariant BatchTableModel::display(const ingest::BatchSummary &b, int column) const
{
    switch (static_cast<Column>(column)) {
    case IdColumn:
        return QVariant::fromValue<qint64>(b.id);
    case StartedColumn:
        return localTime(b.startedAt);
    case SourceColumn:
        return qs(b.sourceSystem);
    case FormatColumn:
        return qs(b.format);
    case FileColumn:
        return qs(b.fileName);
    case StatusColumn:
        return batchStateText(batchState(qs(b.status)));
    case ReadColumn:
        return QVariant::fromValue<qint64>(b.read);
    case AcceptedColumn:
        return QVariant::fromValue<qint64>(b.accepted);
    case InsertedColumn:
        return QVariant::fromValue<qint64>(b.inserted);
    case UpdatedColumn:
        return QVariant::fromValue<qint64>(b.updated);
    case UnchangedColumn:
        return QVariant::fromValue<qint64>(b.unchanged);
    case QuarantinedColumn:
        return QVariant::fromValue<qint64>(b.quarantined);
    case DeprecatedColumn:
        return QVariant::fromValue<qint64>(b.deprecated);
    case DurationColumn:
        return durationText(b.durationMs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BatchTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ingest::BatchSummary &b = rowAt(index.row());
    const int column = index.column();
    const BatchState state = batchState(qs(b.status));
    switch (role) {
    case Qt::DisplayRole:
        return display(b, column);
    case Qt::TextAlignmentRole:
        if (column == IdColumn || (column >= ReadColumn && column <= DurationColumn))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole: {
        const QColor color = batchStateColor(state);
        if (color.isValid() && (column == StatusColumn || column == FileColumn))
            return color;
        if (column == QuarantinedColumn && b.quarantined > 0)
            return batchStateColor(BatchState::Interrupted);
        return {};
    }
    case Qt::DecorationRole:
        return column == StatusColumn ? QVariant(batchStateIcon(state)) : QVariant();
    case Qt::ToolTipRole:
        if (column == StatusColumn && b.error)
            return plainToolTip(tr("%1: %2").arg(batchStateText(state), qs(*b.error)));
        if (column == FileColumn)
            return plainToolTip(b.filePath.empty() ? qs(b.fileName) : qs(b.filePath));
        if (column == StartedColumn)
            return qs(b.startedAt);
        return {};
    case BatchIdRole:
        return QVariant::fromValue<qint64>(b.id);
    case StatusRole:
        return qs(b.status);
    case FilePathRole:
        return qs(b.filePath);
    case ErrorRole:
        return b.error ? qs(*b.error) : QString();
    case StartedAtRole:
        return qs(b.startedAt);
    default:
        return {};
    }
}

QVariant BatchTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case IdColumn:
        return tr("Batch");
    case StartedColumn:
        return tr("Started");
    case SourceColumn:
        return tr("Source");
    case FormatColumn:
        return tr("Format");
    case FileColumn:
        return tr("File");
    case StatusColumn:
        return tr("Status");
    case ReadColumn:
        return tr("Read");
    case AcceptedColumn:
        return tr("Accepted");
    case InsertedColumn:
        return tr("Inserted");
    case UpdatedColumn:
        return tr("Updated");
    case UnchangedColumn:
        return tr("Unchanged");
    case QuarantinedColumn:
        return tr("Quarantined");
    case DeprecatedColumn:
        return tr("Deprecated");
    case DurationColumn:
        return tr("Duration");
    case ColumnCount:
        break;
    }
    return {};
}

std::int64_t BatchTableModel::countRows()
{
    return m_queries.batchCount(m_filterText.toStdString());
}

std::vector<ingest::BatchSummary> BatchTableModel::readRows(std::int64_t offset, std::int64_t limit)
{
    return m_queries.batches(offset, limit, m_filterText.toStdString());
}

QString BatchTableModel::loadFailure(const QString &error) const
{
    return tr("Could not read import batches: %1").arg(error);
}

void BatchTableModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    refresh();
}

} // namespace baton::ui
