#include "models/BatchStatus.h"

#include <QApplication>
#include <QCoreApplication>
#include <QStyle>

namespace baton::ui {

BatchState batchState(const QString &status)
{
    if (status == QLatin1String("running"))
        return BatchState::Running;
    if (status == QLatin1String("done"))
        return BatchState::Done;
    if (status == QLatin1String("failed"))
        return BatchState::Failed;
    if (status == QLatin1String("interrupted"))
        return BatchState::Interrupted;
    return BatchState::Unknown;
}

QString batchStateText(BatchState state)
{
    switch (state) {
    case BatchState::Running:
        return QCoreApplication::translate("BatchStatus", "Running");
    case BatchState::Done:
        return QCoreApplication::translate("BatchStatus", "Done");
    case BatchState::Failed:
        return QCoreApplication::translate("BatchStatus", "Failed");
    case BatchState::Interrupted:
        return QCoreApplication::translate("BatchStatus", "Interrupted");
    case BatchState::Unknown:
        break;
    }
    return QCoreApplication::translate("BatchStatus", "Unknown");
}

QColor batchStateColor(BatchState state)
{
    switch (state) {
    case BatchState::Failed:
        return QColor(0xc6, 0x28, 0x28); // red
    case BatchState::Interrupted:
        return QColor(0xb2, 0x5f, 0x00); // dark orange
    case BatchState::Running:
        return QColor(0x15, 0x65, 0xc0); // blue
    case BatchState::Done:
    case BatchState::Unknown:
        break;
    }
    return {};
}

QIcon batchStateIcon(BatchState state)
{
    QStyle *style = QApplication::style();
    if (!style)
        return {};
    switch (state) {
    case BatchState::Failed:
        return style->standardIcon(QStyle::SP_MessageBoxCritical);
    case BatchState::Interrupted:
        return style->standardIcon(QStyle::SP_MessageBoxWarning);
    case BatchState::Running:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case BatchState::Done:
        return style->standardIcon(QStyle::SP_DialogApplyButton);
    case BatchState::Unknown:
        break;
    }
    return {};
}

} // namespace baton::ui
