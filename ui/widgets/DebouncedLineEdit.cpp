#include "widgets/DebouncedLineEdit.h"

namespace baton::ui {

DebouncedLineEdit::DebouncedLineEdit(QWidget *parent) : QLineEdit(parent)
{
    setClearButtonEnabled(true);
    m_timer.setSingleShot(true);
    m_timer.setInterval(DefaultDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &DebouncedLineEdit::emitSettled);
    connect(this, &QLineEdit::textChanged, this, [this] { m_timer.start(); });
    connect(this, &QLineEdit::returnPressed, this, &DebouncedLineEdit::emitSettled);
}

void DebouncedLineEdit::emitSettled()
{
    m_timer.stop();
    const QString current = text().trimmed();
    if (current == m_lastSettled)
        return;
    m_lastSettled = current;
    emit settled(current);
}

} // namespace baton::ui
