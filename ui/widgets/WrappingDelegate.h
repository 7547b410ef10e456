#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace baton::ui {

// Rows as tall as their wrapped text: a tree view sizes rows as if every column were
// unbounded, so a long sentence would stay one cut-off line. This delegate measures the text
// at its column's width, and lays the view out again when a column's width changes.
class WrappingDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit WrappingDelegate(QTreeView *view);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    QTreeView *m_view;
};

} // namespace baton::ui
