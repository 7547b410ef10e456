#pragma once

#include <QTextStream>

namespace baton::scoring {
struct AdditiveFit;
struct History;
} // namespace baton::scoring

namespace baton::app {

// How many leads the fit reads, and what became of those that converted before their
// handoff moment.
void printHistory(QTextStream &out, const scoring::History &history, double seconds);

// What `baton model fit --additive` prints: the held-out figures and calibration, each
// feature's importance and shape, and what was left out and why.
void printAdditiveFit(QTextStream &out, const scoring::AdditiveFit &fit, double seconds);

} // namespace baton::app
