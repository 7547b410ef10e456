#pragma once

#include "ingest/IngestQueries.h"
#include "models/PagedRows.h"

#include <QAbstractTableModel>
#include <QString>
#include <optional>

namespace baton::ui {

// Quarantined records (newest batch first, then in file order), read a page at a time
// through IngestQueries, optionally narrowed to one batch and to a text.
class QuarantineTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        BatchColumn,
        FileColumn,
        LineColumn,
        ContractColumn,
        FieldColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role
    {
        QuarantineIdRole = Qt::UserRole + 1, // qint64
        BatchIdRole,                         // qint64
        LineRole,                            // int, or invalid when the record has no line
        RawRole,                             // the record's text as it was in the file
        ErrorsJsonRole,                      // [{"pointer", "field", "message"}, ...]
        CreatedAtRole                        // UTC, RFC 3339 as stored
    };
    static constexpr int DefaultPageSize = 200;

    explicit QuarantineTableModel(ingest::IngestQueries &queries, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // Only the records of one batch (nullopt: of every batch); reloads.
    void setBatchFilter(std::optional<qint64> batchId);
    std::optional<qint64> batchFilter() const { return m_batchId; }
    // Records whose file name, field, message or contract contain `text`; reloads.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }
    void setPageSize(int rows);
    int pageSize() const { return m_pageSize; }
    void refresh();

    qint64 totalCount() const { return m_rows.total(); }
    const ingest::QuarantineRow *recordAt(int row) const;

signals:
    void loadFailed(const QString &message);

private:
    ingest::QuarantineFilter filter() const;
    QVariant display(const ingest::QuarantineRow &q, int column) const;
    std::vector<ingest::QuarantineRow> readPage();

    ingest::IngestQueries &m_queries;
    PagedRows<ingest::QuarantineRow> m_rows;
    std::optional<qint64> m_batchId;
    QString m_filterText;
    int m_pageSize = DefaultPageSize;
    bool m_changing = false; // inside refresh() or fetchMore(): no re-entry
};

} // namespace baton::ui
