#include "widgets/ShapeCharts.h"

#include "models/DisplayFormat.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace baton::ui {

namespace {

QChart *emptyChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    return chart;
}

void replace(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

ShapeCharts::ShapeCharts(QWidget *parent)
    : QWidget(parent), m_calibration(new QChartView(this)), m_shape(new QChartView(this))
{
    m_calibration->setObjectName(QStringLiteral("calibrationChart"));
    m_shape->setObjectName(QStringLiteral("shapeChart"));
    for (QChartView *v : {m_calibration, m_shape}) {
        v->setRenderHint(QPainter::Antialiasing);
        v->setMinimumHeight(220);
    }
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_calibration);
    layout->addWidget(m_shape);
    showCalibration(nullptr);
    showShape(nullptr, {});
}

void ShapeCharts::showCalibration(const scoring::ScoringCandidate *c)
{
    auto *chart = emptyChart(tr("Calibration on the held-out leads"));
    auto *ideal = new QLineSeries;
    ideal->setName(tr("calibrated"));
    ideal->append(0, 0);
    ideal->append(1, 1);
    auto *observed = new QScatterSeries;
    observed->setName(tr("observed, by tenth of predicted"));
    if (c)
        for (const auto &bin : c->report.value("test", nlohmann::json::object())
                                   .value("calibration", nlohmann::json::array()))
            if (bin.is_array() && bin.size() == 3 && bin[2].is_number() && bin[2] > 0)
                observed->append(bin[0].get<double>(), bin[1].get<double>());
    auto *x = new QValueAxis;
    x->setRange(0, 1);
    x->setTitleText(tr("predicted chance"));
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(tr("observed rate"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QXYSeries *s : std::initializer_list<QXYSeries *>{ideal, observed}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    replace(m_calibration, chart);
}

void ShapeCharts::showShape(const scoring::ScoringCandidate *c, const std::string &name)
{
    const scoring::AdditiveModel *m = c ? &c->model : nullptr;
    std::size_t j = 0;
    while (m && j < m->features.size() && m->features[j].name != name)
        ++j;
    if (!m || j == m->features.size()) {
        replace(m_shape, emptyChart(tr("Select a feature to see its shape")));
        return;
    }
    const auto &feature = m->features[j];
    // Chart titles and axis labels render rich text: names from data are escaped.
    auto *chart = emptyChart(tr("%1: score points by value").arg(qs(feature.name).toHtmlEscaped()));
    auto *set = new QBarSet(tr("points"));
    QStringList bins;
    for (int b = 0; b < feature.binCount(); ++b) {
        bins << qs(feature.binLabel(b)).toHtmlEscaped();
        *set << scoring::pointsOf(m->calibrationSlope * m->shapes[j][static_cast<std::size_t>(b)]);
    }
    auto *series = new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(bins);
    x->setLabelsAngle(bins.size() > 6 ? -45 : 0);
    auto *y = new QValueAxis;
    y->setTitleText(tr("points (20 double the odds)"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    chart->legend()->hide();
    replace(m_shape, chart);
}

} // namespace baton::ui
