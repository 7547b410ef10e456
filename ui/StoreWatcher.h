#pragma once

#include "store/ChangeProbe.h"

#include <QObject>
#include <QTimer>

namespace baton::ui {

class ConsoleContext;

// Looks at the store every half second (the context's ChangeProbe: one PRAGMA while nothing
// was committed) and says which areas changed, whoever changed them: the CLI, `baton run`,
// `baton push`, another console, or this one's own workers and pages.
class StoreWatcher : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultIntervalMs = 500;

    // Starts watching; what the store holds now is the baseline.
    explicit StoreWatcher(ConsoleContext &context, QObject *parent = nullptr);

    void setInterval(int ms) { m_timer.setInterval(ms); }
    // Looks now, as the timer does.
    void poll();

signals:
    // `areas`: a store::StoreAreas, as its bits.
    void changed(unsigned long areas);
    void pollFailed(const QString &message);

private:
    ConsoleContext &m_context;
    QTimer m_timer;
    bool m_failing = false; // said once, until the store answers again
};

} // namespace baton::ui
