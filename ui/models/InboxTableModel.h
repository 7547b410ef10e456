#pragma once

#include "models/PagedTableModel.h"
#include "review/BriefQueries.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QThreadPool>
#include <functional>
#include <memory>

namespace baton::ui {

// The inbox: briefs under a filter and a sort, read a page at a time through BriefQueries
// (the view pulls further pages with canFetchMore()/fetchMore() as it scrolls).
class InboxTableModel : public PagedTableModel<review::InboxRow>
{
    Q_OBJECT

public:
    enum Column
    {
        LeadColumn,
        CompanyColumn,
        BandColumn,
        ScoreColumn,
        PriorityColumn,
        SlaColumn,
        StatusColumn,
        OwnerColumn,
        AgeColumn,
        ColumnCount
    };
    enum Role
    {
        BriefIdRole = Qt::UserRole + 1, // qint64
        VersionRole,                    // qint64: what an action must name
        StatusRole,                     // the BriefStatus's name: "pending_review", ...
        OverdueRole,                    // bool
        SlaDueRole,                     // UTC, RFC 3339
        OwnerRole                       // the owner's email
    };

    // `now` is a seam for SLA countdowns (tests pin it).
    ~InboxTableModel() override;
    explicit InboxTableModel(review::BriefQueries &queries,
                             std::function<QDateTime()> now = &QDateTime::currentDateTimeUtc,
                             QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const review::InboxFilter &filter);
    // The same, with the count and the first page read on a worker connection to the store
    // at `storePath` (see useWorker): the window stays responsive while a search over a
    // million briefs runs. loading() brackets it; a newer request supersedes an older one.
    void setFilterInBackground(const review::InboxFilter &filter);
    void useWorker(const QString &storePath);
    bool isLoading() const { return m_loading; }
    const review::InboxFilter &filter() const { return m_filter; }
    // Reloads: the first page, and the count as it is now; what a worker is reading is out
    // of date.
    void refresh() override;
    // Reads again, on the worker, as many rows as are loaded (at least a page) under the same
    // filter and sort, for a change someone else made: when the same briefs come back in the
    // same order they are updated in place (views keep selection and scroll); otherwise the
    // model resets between aboutToReload() and reloaded(). reloaded() follows either way; a
    // reload asked for while a search loads follows that search. Without a worker: refresh().
    void reloadInBackground();
    const review::InboxRow *briefAt(int row) const { return rowIfLoaded(row); }
    int rowOfBrief(qint64 briefId) const;
    // Who an owner's email names, for the Owner column (unset: the email).
    void setPersonName(std::function<QString(const std::string &)> name)
    {
        m_personName = std::move(name);
    }

signals:
    void loading(bool busy);
    void aboutToReload();
    void reloaded();

protected:
    std::int64_t countRows() override;
    std::vector<review::InboxRow> readRows(std::int64_t offset, std::int64_t limit) override;
    // In the order the person chose: all a fetched row tells is whether it is the last one
    // loaded again.
    bool comesAfter(const review::InboxRow &last, const review::InboxRow &next) const override
    {
        return last.id != next.id;
    }
    QString loadFailure(const QString &error) const override;

private:
    QVariant display(const review::InboxRow &r, int column) const;
    struct Loaded
    {
        quint64 generation = 0;
        std::int64_t total = 0;
        std::vector<review::InboxRow> rows;
        QString error;
        bool quiet = false; // a reload, not a new filter
    };
    void load(bool quiet);
    void loaded();
    void reloadQuietly(Loaded &result);
    struct Worker;
    bool overdue(const review::InboxRow &r) const;

    review::BriefQueries &m_queries;
    std::function<QDateTime()> m_now;
    std::function<QString(const std::string &)> m_personName;
    review::InboxFilter m_filter;
    review::InboxSort m_sort = review::InboxSort::Sla;
    bool m_descending = false;
    // The worker connection and the one thread that uses it.
    std::shared_ptr<Worker> m_worker;
    QThreadPool m_pool;
    QFutureWatcher<Loaded> m_watcher;
    quint64 m_generation = 0;
    bool m_loading = false;
    bool m_reloadAfterLoad = false;
};

} // namespace baton::ui
