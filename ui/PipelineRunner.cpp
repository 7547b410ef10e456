#include "PipelineRunner.h"

namespace baton::ui {

PipelineRunner::~PipelineRunner() = default;

} // namespace baton::ui
