#include "PushRunner.h"

namespace baton::ui {

PushRunner::~PushRunner() = default;

} // namespace baton::ui
