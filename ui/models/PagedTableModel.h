#pragma once

#include "models/PagedRows.h"

#include <QAbstractTableModel>
#include <QScopedValueRollback>
#include <QString>
#include <algorithm>
#include <cstdint>
#include <exception>
#include <vector>

namespace baton::ui {

// The signals of every paged table model (a template cannot declare them).
class PagedModelSignals : public QAbstractTableModel
{
    Q_OBJECT

public:
    using QAbstractTableModel::QAbstractTableModel;

signals:
    // A query failed (the store went away, the disk is full): what to tell the person.
    void loadFailed(const QString &message);
};

// A table of rows read a page at a time from core: the view pulls further pages with
// canFetchMore()/fetchMore() as it scrolls. It owns the loaded rows, the page size and
// the paging; a model supplies its count and page queries, its order (`comesAfter`: does
// `next` belong after `last`), what to say when a read fails, and its columns.
template <typename Row> class PagedTableModel : public PagedModelSignals
{
public:
    static constexpr int DefaultPageSize = 200;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_rows.size();
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : m_columns;
    }
    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_rows.canFetchMore();
    }
    void fetchMore(const QModelIndex &parent) override;

    void setPageSize(int rows) { m_pageSize = std::max(1, rows); }
    int pageSize() const { return m_pageSize; }
    // Reloads from the store: the count as it is now, and the first page, read inside the
    // reset.
    virtual void refresh();
    // Total matching when last refreshed (rowCount() is what is loaded).
    qint64 totalCount() const { return m_rows.total(); }

protected:
    PagedTableModel(int columns, QObject *parent) : PagedModelSignals(parent), m_columns(columns) {}

    // How many rows match now (read inside the reset, before the first page).
    virtual std::int64_t countRows() = 0;
    // Rows [offset, offset + limit) in the model's order.
    virtual std::vector<Row> readRows(std::int64_t offset, std::int64_t limit) = 0;
    virtual bool comesAfter(const Row &last, const Row &next) const = 0;
    // "Could not read …: <error>", in the model's words.
    virtual QString loadFailure(const QString &error) const = 0;

    const Row &rowAt(int row) const { return m_rows.at(row); }
    const Row *rowIfLoaded(int row) const
    {
        return m_rows.contains(row) ? &m_rows.at(row) : nullptr;
    }
    // The first loaded row for which `matches` holds; -1 if none is loaded (yet).
    template <typename Matches> int findRow(Matches &&matches) const
    {
        for (int row = 0; row < m_rows.size(); ++row)
            if (matches(m_rows.at(row)))
                return row;
        return -1;
    }
    // A reset to rows read elsewhere (on a worker connection): `total` matching, of which
    // `firstPage` is the first page.
    void resetTo(std::int64_t total, std::vector<Row> &&firstPage);
    // Rows read again elsewhere from the top: when they are the loaded rows (`same` holds for
    // each pair, in order, and as many match in all), they replace them with a dataChanged,
    // so views keep their selection and scroll position, and true is returned. Otherwise
    // nothing changes and false is returned.
    template <typename Same>
    bool replaceInPlace(std::int64_t total, std::vector<Row> &rows, Same &&same);

private:
    std::vector<Row> readPage();

    PagedRows<Row> m_rows;
    int m_columns;
    int m_pageSize = DefaultPageSize;
    bool m_changing = false; // inside our own reset or insert: no re-entry
};

template <typename Row> std::vector<Row> PagedTableModel<Row>::readPage()
{
    try {
        return m_rows.nextPage(
            m_pageSize,
            [this](std::int64_t offset, std::int64_t limit) { return readRows(offset, limit); },
            [this](const Row &last, const Row &next) { return comesAfter(last, next); });
    } catch (const std::exception &e) {
        m_rows.stopFetching(); // do not ask again for pages that cannot be read
        emit loadFailed(loadFailure(QString::fromUtf8(e.what())));
        return {};
    }
}

template <typename Row> void PagedTableModel<Row>::fetchMore(const QModelIndex &parent)
{
    // Not from a receiver of our own reset or insert signals (QAbstractItemModelTester and
    // views call fetchMore there): rows inserted then would reach other receivers before
    // the change they are reacting to, or land ahead of the page being inserted. The
    // first page is loaded inside the reset instead.
    if (parent.isValid() || m_changing || !m_rows.canFetchMore())
        return;
    const QScopedValueRollback<bool> changing(m_changing, true);
    std::vector<Row> page = readPage();
    if (page.empty())
        return;
    beginInsertRows({}, m_rows.size(), m_rows.size() + static_cast<int>(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
}

template <typename Row> void PagedTableModel<Row>::refresh()
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    beginResetModel();
    try {
        m_rows.reset(countRows());
        m_rows.append(readPage());
    } catch (const std::exception &e) {
        m_rows.reset(0);
        emit loadFailed(loadFailure(QString::fromUtf8(e.what())));
    }
    endResetModel();
}

template <typename Row>
void PagedTableModel<Row>::resetTo(std::int64_t total, std::vector<Row> &&firstPage)
{
    const QScopedValueRollback<bool> changing(m_changing, true);
    beginResetModel();
    m_rows.reset(total);
    m_rows.setFirstPage(std::move(firstPage));
    endResetModel();
}

template <typename Row>
template <typename Same>
bool PagedTableModel<Row>::replaceInPlace(std::int64_t total, std::vector<Row> &rows, Same &&same)
{
    if (total != m_rows.total() || static_cast<int>(rows.size()) != m_rows.size())
        return false;
    for (int row = 0; row < m_rows.size(); ++row)
        if (!same(m_rows.at(row), rows[static_cast<std::size_t>(row)]))
            return false;
    m_rows.replace(std::move(rows));
    if (m_rows.size() > 0)
        emit dataChanged(index(0, 0), index(m_rows.size() - 1, m_columns - 1));
    return true;
}

} // namespace baton::ui
