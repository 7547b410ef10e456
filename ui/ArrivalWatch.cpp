#include "ArrivalWatch.h"

#include "ConsoleContext.h"
#include "Notifier.h"

#include <algorithm>
#include <exception>
#include <limits>

namespace baton::ui {

ArrivalWatch::ArrivalWatch(ConsoleContext &context, QObject *parent)
    : QObject(parent), m_context(context)
{
    connect(&m_context, &ConsoleContext::actorChanged, this, &ArrivalWatch::followActor);
    followActor();
}

void ArrivalWatch::followActor()
{
    m_newest = std::numeric_limits<std::int64_t>::max(); // nothing is new yet
    check();
}

void ArrivalWatch::check()
{
    const auto &actor = m_context.actor();
    review::Queue queue;
    if (actor) {
        try {
            queue = m_context.queueOf(actor->user, m_newest);
        } catch (const std::exception &) {
            return; // busy for a moment: the next change counts again
        }
    }
    if (m_newest == std::numeric_limits<std::int64_t>::max())
        m_newest = queue.newestId;
    else
        m_newest = std::max(m_newest, queue.newestId); // approving the newest is no arrival
    if (queue.arrived > 0 && m_context.notifier())
        m_context.notifier()->notify(
            tr("Baton"), tr("%n new brief(s) for you to review", "", int(queue.arrived)));
    if (queue.waiting != m_waiting) {
        m_waiting = queue.waiting;
        emit waitingChanged(m_waiting);
    }
}

} // namespace baton::ui
