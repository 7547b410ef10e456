#pragma once

#include "ingest/IngestQueries.h"
#include "models/PagedTableModel.h"

#include <QString>
#include <optional>

namespace baton::ui {

// Quarantined records (newest batch first, then in file order), read a page at a time
// through IngestQueries, optionally narrowed to one batch and to a text.
class QuarantineTableModel : public PagedTableModel<ingest::QuarantineRow>
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

    explicit QuarantineTableModel(ingest::IngestQueries &queries, QObject *parent = nullptr);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Only the records of one batch (nullopt: of every batch); reloads.
    void setBatchFilter(std::optional<qint64> batchId);
    std::optional<qint64> batchFilter() const { return m_batchId; }
    // Records whose file name, field, message or contract contain `text`; reloads.
    void setFilterText(const QString &text);
    QString filterText() const { return m_filterText; }

    const ingest::QuarantineRow *recordAt(int row) const { return rowIfLoaded(row); }

protected:
    std::int64_t countRows() override;
    std::vector<ingest::QuarantineRow> readRows(std::int64_t offset, std::int64_t limit) override;
    // Newest batch first, then in the order the records were quarantined.
    bool comesAfter(const ingest::QuarantineRow &last,
                    const ingest::QuarantineRow &next) const override
    {
        return next.batchId < last.batchId || (next.batchId == last.batchId && next.id > last.id);
    }
    QString loadFailure(const QString &error) const override;

private:
    ingest::QuarantineFilter filter() const;
    QVariant display(const ingest::QuarantineRow &q, int column) const;

    ingest::IngestQueries &m_queries;
    std::optional<qint64> m_batchId;
    QString m_filterText;
};

} // namespace baton::ui
