#include "widgets/EmptyState.h"

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QEvent>

namespace baton::ui {

EmptyState::EmptyState(QAbstractItemView *view, const QString &text)
    : QLabel(text, view->viewport()), m_view(view)
{
    setObjectName(QStringLiteral("emptyState"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setMargin(24);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setStyleSheet(QStringLiteral("QLabel { color: #5f6368; }"));
    view->viewport()->installEventFilter(this);
    watch();
    follow();
}

// The view's model may be set or replaced after this is made.
void EmptyState::watch()
{
    QAbstractItemModel *model = m_view->model();
    if (model == m_model)
        return;
    if (m_model)
        m_model->disconnect(this);
    m_model = model;
    if (!model)
        return;
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &EmptyState::follow);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyState::follow);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyState::follow);
}

void EmptyState::follow()
{
    watch();
    const QAbstractItemModel *model = m_view->model();
    const bool empty = !model || model->rowCount() == 0;
    setGeometry(m_view->viewport()->rect());
    setVisible(empty);
}

bool EmptyState::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Resize)
        setGeometry(m_view->viewport()->rect());
    return QLabel::eventFilter(watched, event);
}

} // namespace baton::ui
