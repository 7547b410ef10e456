#pragma once

#include "telemetry/Kpis.h"
#include "widgets/KpiCharts.h"

#include <QFutureWatcher>
#include <QWidget>
#include <optional>
#include <vector>

QT_BEGIN_NAMESPACE
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace baton::ui {

class ConsoleContext;

// The handoff pipeline at a glance: every KPI over a chosen period as charts (Qt Charts),
// each exportable to PNG and CSV, and a banner when a source has not synced or enrichment
// has not arrived in time. The KPIs are computed off the ui thread, on a connection of
// their own (ConsoleContext::kpis), so the window never waits on the store.
class DashboardPage : public QWidget
{
    Q_OBJECT

public:
    // The period ends today, by the context's clock.
    explicit DashboardPage(ConsoleContext &context, QWidget *parent = nullptr);
    ~DashboardPage() override;

    // Computes again for the chosen period; ignored while a computation runs.
    void refresh();
    // From refresh() until its result is shown: the pool's task ends before its result
    // reaches the page, so the watcher's isRunning() alone leaves a gap.
    bool isComputing() const { return m_computing; }
    const std::optional<telemetry::KpiReport> &report() const { return m_report; }
    // For tests and the screenshot: the chart views in order, and exports without a click.
    const std::vector<QChartView *> &chartViews() const { return m_views; }
    bool exportPng(std::size_t chart, const QString &path);
    bool exportCsv(std::size_t chart, const QString &path);

signals:
    void refreshed();
    void statusMessage(const QString &message);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void present(telemetry::KpiReport report);
    void askAndExport(std::size_t chart, bool png);

    ConsoleContext &m_context;
    QComboBox *m_period;
    QPushButton *m_refresh;
    QLabel *m_banner;
    QLabel *m_state;
    QWidget *m_chartsHost;
    QGridLayout *m_grid;
    std::vector<QChartView *> m_views;
    std::vector<KpiChart> m_charts;
    std::optional<telemetry::KpiReport> m_report;
    QFutureWatcher<telemetry::KpiReport> m_watcher;
    bool m_shownOnce = false;
    bool m_computing = false;
};

} // namespace baton::ui
