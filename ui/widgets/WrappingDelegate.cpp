#include "widgets/WrappingDelegate.h"

#include <QApplication>
#include <QHeaderView>
#include <QStyle>
#include <QTimer>
#include <QTreeView>

namespace baton::ui {

WrappingDelegate::WrappingDelegate(QTreeView *view) : QStyledItemDelegate(view), m_view(view)
{
    // Once per burst of resizes: a layout per pixel of a dragged splitter would be wasted.
    auto *relayout = new QTimer(this);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    connect(relayout, &QTimer::timeout, m_view, &QTreeView::doItemsLayout);
    connect(m_view->header(), &QHeaderView::sectionResized, relayout, qOverload<>(&QTimer::start));
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    int width = m_view->header()->sectionSize(index.column());
    if (index.column() == 0 && m_view->isFirstColumnSpanned(index.row(), index.parent()))
        width = m_view->viewport()->width();
    if (index.column() == 0) {
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            width -= m_view->indentation();
        if (m_view->rootIsDecorated())
            width -= m_view->indentation();
    }
    const QStyle *style = m_view->style() ? m_view->style() : QApplication::style();
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, &opt, m_view) + 1;
    width -= 2 * margin;
    if (width <= 0 || opt.text.isEmpty() || !m_view->wordWrap())
        return size;
    const QRect bounds =
        opt.fontMetrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt::TextWordWrap, opt.text);
    size.setHeight(std::max(size.height(), bounds.height() + 2 * margin));
    return size;
}

} // namespace baton::ui
