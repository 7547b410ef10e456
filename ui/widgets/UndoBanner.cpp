#include "widgets/UndoBanner.h"

#include "ConsoleContext.h"
#include "ports/Clock.h"
#include "review/ApprovalGrace.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace baton::ui {

UndoBanner::UndoBanner(ConsoleContext &context, QWidget *parent)
    : QFrame(parent), m_context(context), m_text(new QLabel(this)), m_undo(new QPushButton(this)),
      m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("undoBanner"));
    setFrameShape(QFrame::StyledPanel);
    m_text->setObjectName(QStringLiteral("undoText"));
    m_text->setTextFormat(Qt::PlainText);
    m_undo->setObjectName(QStringLiteral("undoButton"));
    m_undo->setText(tr("Undo"));
    m_undo->setFocusPolicy(Qt::NoFocus); // the list keeps the keyboard
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(6, 2, 6, 2);
    row->addWidget(m_text, 1);
    row->addWidget(m_undo);
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &UndoBanner::tick);
    connect(m_undo, &QPushButton::clicked, this, &UndoBanner::undoRequested);
    hide();
}

void UndoBanner::offerFor(const review::BriefState &approved)
{
    withdraw();
    try {
        const auto window =
            review::ApprovalGrace(m_context.db()).undoWindow(approved.id, m_context.clock().now());
        if (window.until)
            offer({approved.id, approved.version, *window.until});
    } catch (const std::exception &) {
        // Nothing to offer: the approval stands, and retract remains the way back.
    }
}

void UndoBanner::offer(const Offer &offer)
{
    m_offer = offer;
    m_timer->start();
    tick();
    if (m_offer) {
        show();
        emit offeredChanged(true);
    }
}

void UndoBanner::withdraw()
{
    const bool was = m_offer.has_value();
    m_offer.reset();
    m_timer->stop();
    hide();
    if (was)
        emit offeredChanged(false);
}

void UndoBanner::tick()
{
    if (!m_offer)
        return;
    const auto left =
        std::chrono::ceil<std::chrono::seconds>(m_offer->until - m_context.clock().now()).count();
    if (left <= 0) {
        withdraw();
        return;
    }
    m_text->setText(tr("Approved brief #%1; its CRM operations wait until the undo period "
                       "ends. Undo (Ctrl+Z): %n s left.",
                       "", int(left))
                        .arg(m_offer->briefId));
}

} // namespace baton::ui
