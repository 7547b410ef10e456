#include "ImportRunner.h"

namespace baton::ui {

ImportRunner::~ImportRunner() = default;

} // namespace baton::ui
