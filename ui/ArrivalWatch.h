#pragma once

#include <QObject>
#include <cstdint>

namespace baton::ui {

class ConsoleContext;

// Counts the briefs waiting for the acting user's review, and tells them when new ones
// arrive (a run routed them here) through the context's Notifier. Briefs there when the
// user starts acting are counted, not announced.
class ArrivalWatch : public QObject
{
    Q_OBJECT

public:
    explicit ArrivalWatch(ConsoleContext &context, QObject *parent = nullptr);

    // Reads the queue again (the store's briefs changed); announces what is new.
    void check();
    std::int64_t waiting() const { return m_waiting; }

signals:
    void waitingChanged(qint64 waiting);

private:
    void followActor();

    ConsoleContext &m_context;
    std::int64_t m_waiting = 0;
    std::int64_t m_newest = 0; // the newest brief already counted
};

} // namespace baton::ui
