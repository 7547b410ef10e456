#pragma once

#include <QTextStream>

namespace baton::scoring {
struct AdditiveFit;
}

namespace baton::app {

// What `baton model fit --additive` prints: the held-out figures and calibration, each
// feature's importance and shape, and what was left out and why.
void printAdditiveFit(QTextStream &out, const scoring::AdditiveFit &fit, double seconds);

} // namespace baton::app
