#include "StoreWatcher.h"

#include "ConsoleContext.h"

#include <exception>

namespace baton::ui {

StoreWatcher::StoreWatcher(ConsoleContext &context, QObject *parent)
    : QObject(parent), m_context(context)
{
    try {
        m_context.storeChanges(); // the baseline: every area, as the pages have just read it
    } catch (const std::exception &) {
        // the first tick says it
    }
    m_timer.setInterval(DefaultIntervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StoreWatcher::poll);
    m_timer.start();
}

void StoreWatcher::poll()
{
    store::StoreAreas areas;
    try {
        areas = m_context.storeChanges();
        m_failing = false;
    } catch (const std::exception &e) {
        // Busy or gone for a moment: the next tick tries again.
        if (!std::exchange(m_failing, true))
            emit pollFailed(
                tr("Could not look for changes to the store: %1").arg(QString::fromUtf8(e.what())));
        return;
    }
    if (areas.any())
        emit changed(areas.to_ulong());
}

} // namespace baton::ui
