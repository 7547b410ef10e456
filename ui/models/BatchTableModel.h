#pragma once

#include "ingest/IngestQueries.h"
#include "models/PagedTableModel.h"

#include <QString>

namespace baton::ui {

// Import batches, newest first, read a page at a time through IngestQueries. The view
// pulls further pages with canFetchMore()/fetchMore() as it scrolls.
class BatchTableModel : public PagedTableModel<ingest::BatchSummary>
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

    explicit BatchTableModel(ingest::IngestQueries &queries, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Batches whose file name, source, format or status contain `text`; reloads.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    const ingest::BatchSummary *batchAt(int row) const { return rowIfLoaded(row); }
    // Row of a loaded batch; -1 if it is not loaded (yet).
    int rowOfBatch(qint64 batchId) const;

protected:
    std::int64_t countRows() override;
    std::vector<ingest::BatchSummary> readRows(std::int64_t offset, std::int64_t limit) override;
    // Newest first: a later row has a smaller id.
    bool comesAfter(const ingest::BatchSummary &last,
                    const ingest::BatchSummary &next) const override
    {
        return next.id < last.id;
    }
    QString loadFailure(const QString &error) const override;

private:
    QVariant display(const ingest::BatchSummary &b, int column) const;

    ingest::IngestQueries &m_queries;
    QString m_filterText;
};

} // namespace baton::ui
