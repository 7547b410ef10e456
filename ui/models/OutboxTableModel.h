#pragma once

#include "crm/OutboxStore.h"
#include "models/PagedRows.h"

#include <QAbstractTableModel>
#include <QString>

namespace baton::ui {

// The CRM outbox, newest operation first, a page at a time through crm::OutboxStore,
// optionally narrowed to one status.
class OutboxTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        BriefColumn,
        KindColumn,
        StatusColumn,
        AttemptsColumn,
        NextAttemptColumn,
        CrmIdColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role
    {
        OperationIdRole = Qt::UserRole + 1, // qint64
        BriefIdRole,                        // qint64
        StatusRole,                         // pending, in_flight, done, failed, cancelled
        LastRequestRole,                    // as sent, secrets masked
        LastResponseRole,
        PayloadRole, // the operation in Baton's terms (JSON)
        CancelReasonRole
    };
    static constexpr int DefaultPageSize = 200;

    explicit OutboxTableModel(crm::OutboxStore &outbox, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Only operations in this status ("" for all); reloads.
    void setStatusFilter(const QString &status);
    QString statusFilter() const { return m_status; }
    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    void refresh();
    qint64 totalCount() const { return m_rows.total(); }
    int rowOfOperation(qint64 id) const;

    // What a status and a kind are called on screen.
    static QString statusText(const std::string &status);
    static QString kindText(const std::string &kind);

signals:
    void loadFailed(const QString &message);

private:
    std::vector<crm::OutboxRow> readPage();

    crm::OutboxStore &m_outbox;
    PagedRows<crm::OutboxRow> m_rows;
    QString m_status;
    int m_pageSize = DefaultPageSize;
    bool m_changing = false; // inside refresh() or fetchMore(): no re-entry
};

} // namespace baton::ui
