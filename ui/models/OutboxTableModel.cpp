#include "models/OutboxTableModel.h"
#include "PlainText.h"

#include "models/DisplayFormat.h"

#include <QScopedValueRollback>
#include <exception>

namespace baton::ui {

OutboxTableModel::OutboxTableModel(crm::OutboxStore &outbox, QObject *parent)
    : QAbstractTableModel(parent), m_outbox(outbox)
{
    refresh();
}

int OutboxTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int OutboxTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OutboxTableModel::statusText(const std::string &status)
{
    if (status == "pending")
        return tr("Pending");
    if (status == "in_flight")
        return tr("In flight");
    if (status == "done")
        return tr("Done");
    if (status == "failed")
        return tr("Failed");
    if (status == "cancelled")
        return tr("Cancelled");
    return qs(status);
}

QString OutboxTableModel::kindText(const std::string &kind)
{
    if (kind == "upsert_person")
        return tr("Contact");
    if (kind == "create_note")
        return tr("Note");
    if (kind == "create_task")
        return tr("Task");
    if (kind == "close_task")
        return tr("Close task");
    if (kind == "retract_note")
        return tr("Retract note");
    if (kind == "post_webhook")
        return tr("Webhook");
    if (kind == "append_jsonl")
        return tr("JSONL line");
    return qs(kind);
}

QVariant OutboxTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const crm::OutboxRow &r = m_rows.at(index.row());
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
            return r.status == "pending" || r.status == "in_flight" ? qs(r.nextAttemptAt)
                                                                    : QString();
        case CrmIdColumn:
            return r.crmId.empty() ? QString() : qs(r.crmSystem + " " + r.crmId);
        case ErrorColumn:
            return r.status == "cancelled" ? tr("cancelled: %1").arg(qs(r.cancelReason))
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

bool OutboxTableModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_rows.canFetchMore();
}

std::vector<crm::OutboxRow> OutboxTableModel::readPage()
{
    const std::string status = m_status.toStdString();
    try {
        return m_rows.nextPage(
            m_pageSize,
            [&](std::int64_t offset, std::int64_t limit) {
                return m_outbox.page(status, offset, limit);
            },
            [](const crm::OutboxRow &last, const crm::OutboxRow &row) { return row.id < last.id; });
    } catch (const std::exception &e) {
        m_rows.stopFetching();
        emit loadFailed(tr("Could not read the outbox: %1").arg(QString::fromUtf8(e.what())));
        return {};
    }
}

void OutboxTableModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_changing || !m_rows.canFetchMore())
        return;
    const QScopedValueRollback<bool> changing(m_changing, true);
    std::vector<crm::OutboxRow> page = readPage();
    if (page.empty())
        return;
    beginInsertRows({}, m_rows.size(), m_rows.size() + static_cast<int>(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
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
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).id == id)
            return i;
    return -1;
}

void OutboxTableModel::refresh()
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    beginResetModel();
    try {
        m_rows.reset(m_outbox.count(m_status.toStdString()));
        m_rows.append(readPage());
    } catch (const std::exception &e) {
        m_rows.reset(0);
        emit loadFailed(tr("Could not read the outbox: %1").arg(QString::fromUtf8(e.what())));
    }
    endResetModel();
}

} // namespace baton::ui
