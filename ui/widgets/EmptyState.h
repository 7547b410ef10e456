#pragma once

#include <QLabel>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QAbstractItemModel;
class QAbstractItemView;
QT_END_NAMESPACE

namespace baton::ui {

// Why a view is empty and what to do about it, over the view while its model has no rows
// ("No briefs to review. Briefs appear after a pipeline run ..."). Its text can change with
// the reason (a filter, a role); it hides itself as soon as a row arrives.
class EmptyState : public QLabel
{
    Q_OBJECT

public:
    EmptyState(QAbstractItemView *view, const QString &text);

    // Shown when the view's model has no rows (and the view is there to see).
    bool isShowing() const { return !isHidden(); }
    void follow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watch();

    QAbstractItemView *m_view;
    QPointer<QAbstractItemModel> m_model;
};

} // namespace baton::ui
