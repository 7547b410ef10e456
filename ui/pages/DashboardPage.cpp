#include "pages/DashboardPage.h"

#include "ConsoleContext.h"
#include "FileDialogs.h"
#include "MessageBoxes.h"
#include "PlainText.h"
#include "models/DisplayFormat.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDate>
#include <QFile>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace baton::ui {

DashboardPage::DashboardPage(ConsoleContext &context, QWidget *parent)
    : QWidget(parent), m_context(context), m_period(new QComboBox(this)),
      m_refresh(new QPushButton(tr("&Refresh"), this)), m_banner(new QLabel(this)),
      m_state(new QLabel(this)), m_chartsHost(new QWidget), m_grid(new QGridLayout(m_chartsHost))
{
    setObjectName(QStringLiteral("dashboardPage"));
    m_period->setObjectName(QStringLiteral("dashboardPeriod"));
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_period->addItem(tr("Last 90 days"), 90);
    m_period->setCurrentIndex(1);
    m_refresh->setObjectName(QStringLiteral("dashboardRefresh"));
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_banner->setObjectName(QStringLiteral("heartbeatBanner"));
    m_banner->setWordWrap(true);
    m_banner->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #4d3800; border: "
                                           "1px solid #e0b400; padding: 6px; }"));
    m_banner->hide();
    m_state->setObjectName(QStringLiteral("dashboardState"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Period:"), this));
    bar->addWidget(m_period);
    bar->addWidget(m_refresh);
    bar->addWidget(m_state, 1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_chartsHost);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_banner);
    auto *empty = new QLabel(tr("Nothing happened in this period: no briefs, reviews or CRM "
                                "operations. The dashboard fills as the pipeline runs (Data > "
                                "Run, or `baton run`) and briefs are reviewed; choose a longer "
                                "period to look further back."),
                             this);
    empty->setObjectName(QStringLiteral("dashboardEmpty"));
    empty->setWordWrap(true);
    empty->hide();
    layout->addWidget(empty);
    layout->addWidget(scroll, 1);

    connect(m_refresh, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_period, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(&m_watcher, &QFutureWatcher<telemetry::KpiReport>::finished, this, [this] {
        m_computing = false;
        m_refresh->setEnabled(true);
        try {
            present(m_watcher.result());
        } catch (const std::exception &e) {
            m_state->setText(
                tr("The KPIs could not be computed: %1").arg(QString::fromUtf8(e.what())));
        }
        emit refreshed();
    });
    showLabelsAsPlainText(this);
}

DashboardPage::~DashboardPage()
{
    m_watcher.waitForFinished();
}

void DashboardPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shownOnce) { // computed when first looked at, not at start-up
        m_shownOnce = true;
        refresh();
    }
}

void DashboardPage::refresh()
{
    if (isComputing())
        return;
    const int days = m_period->currentData().toInt();
    const QDate today = m_context.now().date();
    const std::string from = today.addDays(1 - days).toString(Qt::ISODate).toStdString();
    const std::string to = today.toString(Qt::ISODate).toStdString();
    m_computing = true;
    m_refresh->setEnabled(false);
    m_state->setText(tr("Computing…"));
    m_watcher.setFuture(
        QtConcurrent::run([&context = m_context, from, to] { return context.kpis(from, to); }));
}

void DashboardPage::present(telemetry::KpiReport report)
{
    for (QChartView *view : m_views)
        view->parentWidget()->deleteLater(); // the cell: view and its buttons
    m_views.clear();
    m_charts = buildKpiCharts(report);
    for (std::size_t i = 0; i < m_charts.size(); ++i) {
        auto *cell = new QWidget(m_chartsHost);
        auto *view = new QChartView(m_charts[i].chart, cell);
        view->setObjectName(QStringLiteral("chart-") + m_charts[i].key);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(420, 280);
        auto *png = new QToolButton(cell);
        png->setText(tr("PNG…"));
        png->setToolTip(tr("Save this chart as an image"));
        auto *csv = new QToolButton(cell);
        csv->setText(tr("CSV…"));
        csv->setToolTip(tr("Save this chart's numbers"));
        connect(png, &QToolButton::clicked, this, [this, i] { askAndExport(i, true); });
        connect(csv, &QToolButton::clicked, this, [this, i] { askAndExport(i, false); });
        auto *buttons = new QHBoxLayout;
        buttons->addStretch(1);
        buttons->addWidget(png);
        buttons->addWidget(csv);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(view, 1);
        cellLayout->addLayout(buttons);
        m_grid->addWidget(cell, static_cast<int>(i / 2), static_cast<int>(i % 2));
        m_views.push_back(view);
    }
    QStringList late;
    for (const auto &h : report.heartbeats)
        late << (h.lastSeen.empty()
                     ? tr("%1: never").arg(qs(h.what))
                     : tr("%1: last at %2, %3 h late")
                           .arg(qs(h.what), relativeTime(h.lastSeen, m_context.now()),
                                QLocale().toString(h.hoursLate, 'f', 0)));
    m_banner->setText(tr("Not arrived in time: %1").arg(late.join(QStringLiteral("; "))));
    m_banner->setVisible(!late.isEmpty());
    std::int64_t briefs = 0, activity = 0;
    for (const auto &d : report.days) {
        briefs += d.briefs;
        activity += d.briefs + d.approved + d.escalated + d.pushDone + d.pushFailed + d.violations +
                    d.slaBreaches;
    }
    findChild<QLabel *>(QStringLiteral("dashboardEmpty"))->setVisible(activity == 0);
    const QLocale locale;
    const auto day = [&locale](const std::string &d) {
        const QDate date = QDate::fromString(qs(d), Qt::ISODate);
        return date.isValid() ? locale.toString(date, QLocale::ShortFormat) : qs(d);
    };
    m_state->setText(tr("%1 to %2: %n brief(s), computed in %3 ms", nullptr, int(briefs))
                         .arg(day(report.from), day(report.to))
                         .arg(locale.toString(report.millis, 'f', 0)));
    m_report = std::move(report);
}

bool DashboardPage::exportPng(std::size_t chart, const QString &path)
{
    if (chart >= m_views.size())
        return false;
    return m_views[chart]->grab().save(path, "PNG");
}

bool DashboardPage::exportCsv(std::size_t chart, const QString &path)
{
    if (chart >= m_charts.size())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return false;
    QTextStream(&file) << m_charts[chart].csv;
    return file.error() == QFileDevice::NoError;
}

void DashboardPage::askAndExport(std::size_t chart, bool png)
{
    if (chart >= m_charts.size())
        return;
    const QString suggested =
        m_charts[chart].key + (png ? QStringLiteral(".png") : QStringLiteral(".csv"));
    const QString path = m_context.fileDialogs().saveFile(
        this, png ? tr("Save chart as PNG") : tr("Save chart data as CSV"), suggested,
        png ? tr("PNG images (*.png)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (!(png ? exportPng(chart, path) : exportCsv(chart, path)))
        m_context.messageBoxes().critical(this, tr("Export failed"),
                                          tr("Could not write %1.").arg(path));
    else
        emit statusMessage(tr("Saved %1").arg(path));
}

} // namespace baton::ui
