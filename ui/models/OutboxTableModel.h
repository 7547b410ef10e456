#pragma once

#include "crm/OutboxStore.h"
#include "models/PagedTableModel.h"

#include <QDateTime>
#include <QString>
#include <functional>

namespace baton::ui {

// The CRM outbox, newest operation first, a page at a time through crm::OutboxStore,
// optionally narrowed to one status.
class OutboxTableModel : public PagedTableModel<crm::OutboxRow>
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

    explicit OutboxTableModel(crm::OutboxStore &outbox, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Only operations in this status ("" for all); reloads.
    void setStatusFilter(const QString &status);
    QString statusFilter() const { return m_status; }
    int rowOfOperation(qint64 id) const;
    // The console's clock, for times relative to now ("today 14:00"); unset, times are full.
    void setNow(std::function<QDateTime()> now) { m_now = std::move(now); }

    // What a status and a kind are called on screen.
    static QString statusText(const std::string &status);
    static QString kindText(const std::string &kind);

protected:
    std::int64_t countRows() override;
    std::vector<crm::OutboxRow> readRows(std::int64_t offset, std::int64_t limit) override;
    // Newest first.
    bool comesAfter(const crm::OutboxRow &last, const crm::OutboxRow &next) const override
    {
        return next.id < last.id;
    }
    QString loadFailure(const QString &error) const override;

private:
    crm::OutboxStore &m_outbox;
    QString m_status;
    std::function<QDateTime()> m_now;
};

} // namespace baton::ui
