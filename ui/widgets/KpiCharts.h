#pragma once

#include <QString>
#include <vector>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace baton::telemetry {
struct KpiReport;
}

namespace baton::ui {

// One chart of the dashboard: what it shows, the chart itself (the caller's to own), and
// its data as CSV for the export.
struct KpiChart
{
    QString key;   // file-name friendly: "briefs", "handoff-time", ...
    QString title; // translated
    QChart *chart = nullptr;
    QString csv;
};

// The dashboard's charts for a report, in reading order: volume, speed, review, delivery,
// quality, accuracy.
std::vector<KpiChart> buildKpiCharts(const telemetry::KpiReport &report);

} // namespace baton::ui
