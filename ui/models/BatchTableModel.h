#pragma once

#include "ingest/IngestQueries.h"
#include "models/PagedRows.h"

#include <QAbstractTableModel>
#include <QString>
#include <optional>

namespace baton::ui {

// Import batches, newest first, read a page at a time through IngestQueries. The view
// pulls further pages with canFetchMore()/fetchMore() as it scrolls.
class BatchTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        IdColumn,
        StartedColumn,
        SourceColumn,
        FormatColumn,
        FileColumn,
        StatusColumn,
        ReadColumn,
        AcceptedColumn,
        InsertedColumn,
        UpdatedColumn,
        UnchangedColumn,
        QuarantinedColumn,
        DeprecatedColumn,
        DurationColumn,
        ColumnCount
    };
    enum Role
    {
        BatchIdRole = Qt::UserRole + 1, // qint64
        StatusRole,                     // "running", "done", "failed", "interrupted"
        FilePathRole,                   // the file as it was imported
        ErrorRole,                      // why a batch failed; empty otherwise
        StartedAtRole                   // UTC, RFC 3339 as stored
    };
    static constexpr int DefaultPageSize = 200;

    explicit BatchTableModel(ingest::IngestQueries &queries, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Batches whose file name, source, format or status contain `text`; reloads.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    // Reloads from the store: the first page, with the count as it is now.
    void refresh();

    // Total matching the filter when last refreshed (rowCount() is what is loaded).
    qint64 totalCount() const { return m_rows.total(); }
    const ingest::BatchSummary *batchAt(int row) const;
    // Row of a loaded batch; -1 if it is not loaded (yet).
    int rowOfBatch(qint64 batchId) const;

signals:
    // A query failed (the store went away, the disk is full): what to tell the person.
    void loadFailed(const QString &message);

private:
    QVariant display(const ingest::BatchSummary &b, int column) const;
    std::vector<ingest::BatchSummary> readPage();

    ingest::IngestQueries &m_queries;
    PagedRows<ingest::BatchSummary> m_rows;
    QString m_filterText;
    int m_pageSize = DefaultPageSize;
    bool m_changing = false; // inside refresh() or fetchMore(): no re-entry
};

} // namespace baton::ui
