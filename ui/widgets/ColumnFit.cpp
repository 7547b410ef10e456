#include "widgets/ColumnFit.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>
#include <algorithm>

namespace baton::ui {

ColumnFit::ColumnFit(QTableView *table, QList<int> flexible, int floor)
    : QObject(table), m_table(table), m_flexible(std::move(flexible)), m_floor(floor)
{
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->viewport()->installEventFilter(this);
    if (QAbstractItemModel *model = m_table->model())
        connect(model, &QAbstractItemModel::modelReset, this, &ColumnFit::measure);
}

void ColumnFit::measure()
{
    if (!m_table->model())
        return;
    m_table->resizeColumnsToContents();
    QHeaderView *header = m_table->horizontalHeader();
    m_wanted.clear();
    for (int c = 0; c < m_table->model()->columnCount(); ++c)
        m_wanted << header->sectionSize(c);
    fit();
}

void ColumnFit::fit()
{
    if (m_fitting || m_wanted.isEmpty())
        return;
    m_fitting = true;
    QHeaderView *header = m_table->horizontalHeader();
    int fixed = 0, flexibleWant = 0;
    for (int c = 0; c < m_wanted.size(); ++c) {
        if (!header->isSectionHidden(c))
            (m_flexible.contains(c) ? flexibleWant : fixed) += m_wanted[c];
    }
    const int spare = m_table->viewport()->width() - fixed;
    for (int c = 0; c < m_wanted.size(); ++c) {
        int width = m_wanted[c];
        if (m_flexible.contains(c) && flexibleWant > spare) {
            // Each gives up in proportion to what it asked for, not below the floor.
            const int share = int(qint64(width) * std::max(spare, 0) / flexibleWant);
            width = std::max(share, std::min(width, m_floor));
        } else if (c == m_flexible.value(0, -1) && spare > flexibleWant) {
            width += spare - flexibleWant; // the room left goes to the first: no gap at the end
        }
        header->resizeSection(c, width);
    }
    m_fitting = false;
}

bool ColumnFit::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace baton::ui
