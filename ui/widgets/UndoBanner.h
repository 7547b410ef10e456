#pragma once

#include <QFrame>
#include <chrono>
#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace baton::review {
struct BriefState;
}

namespace baton::ui {

class ConsoleContext;

// "Approved brief #12. Undo (Ctrl+Z): 42 s left": offered after an approval for as long as
// core says it can be undone (review/ApprovalGrace.h), then gone. Time is the console's
// clock, read every second, so a pinned clock pins the countdown too.
class UndoBanner : public QFrame
{
    Q_OBJECT

public:
    struct Offer
    {
        qint64 briefId = 0;
        qint64 version = 0; // the brief's version after the approval
        std::chrono::system_clock::time_point until;
    };

    explicit UndoBanner(ConsoleContext &context, QWidget *parent = nullptr);

    // Offers undoing `approved` if core says it can be undone; says why not otherwise.
    void offerFor(const review::BriefState &approved);
    void offer(const Offer &offer);
    void withdraw();
    const std::optional<Offer> &offered() const { return m_offer; }

signals:
    void undoRequested();
    // Shown or withdrawn: whoever offers Ctrl+Z follows it.
    void offeredChanged(bool offered);

private:
    void tick();

    ConsoleContext &m_context;
    QLabel *m_text;
    QPushButton *m_undo;
    QTimer *m_timer;
    std::optional<Offer> m_offer;
};

} // namespace baton::ui
