#include "models/OutboxTableModel.h"

#include "PlainText.h"
#include "models/DisplayFormat.h"
#include "models/Labels.h"

namespace baton::ui {

OutboxTableModel::OutboxTableModel(crm::OutboxStore &outbox, QObject *parent)
    : PagedTableModel(ColumnCount, parent), m_outbox(outbox)
{
    refresh();
}

QString OutboxTableModel::statusText(const std::string &status)
{
    return labelOf<crm::OpStatus>(status);
}

QString OutboxTableModel::kindText(const std::string &kind)
{
    return labelOf<crm::OpKind>(kind);
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const crm::OutboxRow &r = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (static_cast<Column>(column)) {
        case IdColumn:
            return QVariant::fromValue<qint64>(r.id);
        case BriefColumn:
            return QVariant::fromValue<qint64>(r.briefId);
        case KindColumn:
            return kindText(r.kind);
        case StatusColumn:
            return statusText(r.status);
        case AttemptsColumn:
            return QVariant::fromValue<qint64>(r.attempts);
        case NextAttemptColumn:
            return is(r.status, crm::OpStatus::Pending) || is(r.status, crm::OpStatus::InFlight)
                       ? (m_now ? relativeTime(r.nextAttemptAt, m_now())
                                : fullTime(r.nextAttemptAt))
                       : QString();
        case CrmIdColumn:
            return r.crmId.empty()
                       ? QString()
                       : labelOf<crm::Target>(r.crmSystem) + QLatin1Char(' ') + qs(r.crmId);
        case ErrorColumn:
            return is(r.status, crm::OpStatus::Cancelled)
                       ? tr("cancelled: %1").arg(qs(r.cancelReason))
                       : qs(r.lastError);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == IdColumn || column == BriefColumn || column == AttemptsColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (column == NextAttemptColumn && !r.nextAttemptAt.empty())
            return fullTime(r.nextAttemptAt);
        return column == ErrorColumn && !r.lastError.empty() ? plainToolTip(qs(r.lastError))
                                                             : QVariant();
    case OperationIdRole:
        return QVariant::fromValue<qint64>(r.id);
    case BriefIdRole:
        return QVariant::fromValue<qint64>(r.briefId);
    case StatusRole:
        return qs(r.status);
    case LastRequestRole:
        return qs(r.lastRequest);
    case LastResponseRole:
        return qs(r.lastResponse);
    case PayloadRole:
        return qs(r.payload);
    case CancelReasonRole:
        return qs(r.cancelReason);
    default:
        return {};
    }
}

QVariant OutboxTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (static_cast<Column>(section)) {
    case IdColumn:
        return tr("Operation");
    case BriefColumn:
        return tr("Brief");
    case KindColumn:
        return tr("Kind");
    case StatusColumn:
        return tr("Status");
    case AttemptsColumn:
        return tr("Attempts");
    case NextAttemptColumn:
        return tr("Next attempt");
    case CrmIdColumn:
        return tr("CRM id");
    case ErrorColumn:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

std::int64_t OutboxTableModel::countRows()
{
    return m_outbox.count(m_status.toStdString());
}

std::vector<crm::OutboxRow> OutboxTableModel::readRows(std::int64_t offset, std::int64_t limit)
{
    return m_outbox.page(m_status.toStdString(), offset, limit);
}

QString OutboxTableModel::loadFailure(const QString &error) const
{
    return tr("Could not read the outbox: %1").arg(error);
}

void OutboxTableModel::setStatusFilter(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    refresh();
}

int OutboxTableModel::rowOfOperation(qint64 id) const
{
    return findRow([id](const crm::OutboxRow &r) { return r.id == id; });
}

} // namespace baton::ui
