#pragma once

#include <QLineEdit>
#include <QTimer>

namespace baton::ui {

// A line edit that reports its text once typing pauses (or on Return), so a filter does
// not re-query the store on every key stroke.
class DebouncedLineEdit : public QLineEdit
{
    Q_OBJECT

public:
    static constexpr int DefaultDelayMs = 250;

    explicit DebouncedLineEdit(QWidget *parent = nullptr);

    void setDelay(int ms) { m_timer.setInterval(ms); }
    int delay() const { return m_timer.interval(); }

signals:
    void settled(const QString &text);

private:
    void emitSettled();

    QTimer m_timer;
    QString m_lastSettled;
};

} // namespace baton::ui
