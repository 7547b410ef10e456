#pragma once

#include <QColor>
#include <QIcon>
#include <QString>

namespace baton::ui {

// How a batch status ("running", "done", "failed", "interrupted") is shown.
enum class BatchState
{
    Running,
    Done,
    Failed,
    Interrupted,
    Unknown
};

BatchState batchState(const QString &status);
QString batchStateText(BatchState state);
// A foreground colour that stands out for the states that need attention; invalid for
// the ordinary ones, so the view keeps its palette.
QColor batchStateColor(BatchState state);
QIcon batchStateIcon(BatchState state);

} // namespace baton::ui
