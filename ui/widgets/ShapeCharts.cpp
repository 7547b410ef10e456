#include "widgets/ShapeCharts.h"

#include "models/DisplayFormat.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

namespace baton::ui {

namespace {

QChart *emptyChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4)); // the plots get the room: the panel is narrow
    return chart;
}

// A number as the console's locale writes it, with at most three decimals.
QString shownNumber(double value)
{
    const QLocale locale;
    QString text = locale.toString(value, 'f', 3);
    const QString point = locale.decimalPoint();
    if (text.contains(point)) {
        while (text.endsWith(QLatin1Char('0')))
            text.chop(1);
        if (text.endsWith(point))
            text.chop(point.size());
    }
    return text;
}

QString signedPoints(double points)
{
    return (points > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(points, 'f', 1);
}

void replace(QChartView *view, QChart *chart)
{
    QChart *old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace

// What a person reads for a bin, in the console's language: a level as the data has it
// (escaped: axis labels render rich text), the ranges translated, and the bins no value
// names in parentheses, apart from a level the data itself calls "Other".
QString ShapeCharts::binName(const scoring::Feature &feature, int bin)
{
    if (bin == feature.missingBin())
        return tr("(missing)");
    const auto i = static_cast<std::size_t>(bin);
    switch (feature.kind) {
    case scoring::FeatureKind::Categorical:
        return i < feature.levels.size() ? qs(feature.levels[i]).toHtmlEscaped()
                                         : tr("(other values)");
    case scoring::FeatureKind::Numeric: {
        const auto &edges = feature.edges;
        if (edges.empty())
            return tr("(any)");
        if (i == 0)
            return tr("below %1").arg(shownNumber(edges.front()));
        if (i == edges.size())
            return tr("%1 or more").arg(shownNumber(edges.back()));
        return tr("%1 to %2").arg(shownNumber(edges[i - 1]), shownNumber(edges[i]));
    }
    case scoring::FeatureKind::Boolean:
        return bin == 1 ? tr("yes") : tr("no");
    }
    return QStringLiteral("?");
}

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
    layout->addWidget(m_calibration, 1);
    layout->addWidget(m_shape, 1);
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
    // Bars across, one row per bin: a bin's name reads in full beside its bar, where names
    // under upright bars were cut to a few letters. Rows stack from the bottom up.
    for (int b = feature.binCount() - 1; b >= 0; --b) {
        bins << binName(feature, b);
        *set << scoring::pointsOf(m->calibrationSlope * m->shapes[j][static_cast<std::size_t>(b)]);
    }
    auto *series = new QHorizontalBarSeries;
    series->append(set);
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(bins);
    y->setTruncateLabels(false); // the plot narrows instead
    if (bins.size() > 12) {
        QFont font = y->labelsFont();
        font.setPointSizeF(font.pointSizeF() * 0.75);
        y->setLabelsFont(font);
    }
    auto *x = new QValueAxis;
    x->setTitleText(tr("points (20 double the odds)"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    x->applyNiceNumbers();
    connect(series, &QHorizontalBarSeries::hovered, this,
            [bins, set](bool over, int index, QBarSet *) {
                if (!over || index < 0 || index >= bins.size()) {
                    QToolTip::hideText();
                    return;
                }
                // Rich text, as the labels are: the bin's name is escaped already. One arg() call,
                // so that a "%2" in a level from the data stays text.
                QToolTip::showText(
                    QCursor::pos(),
                    QStringLiteral("<qt>%1</qt>")
                        .arg(tr("%1: %2 points").arg(bins[index], signedPoints(set->at(index)))));
            });
    chart->legend()->hide();
    // A row per bin, up to a categorical feature's 24 levels and two more: a long shape takes
    // two thirds of the height, so that every row keeps its name.
    if (auto *box = qobject_cast<QBoxLayout *>(layout()))
        box->setStretchFactor(m_shape, bins.size() > 16 ? 2 : 1);
    replace(m_shape, chart);
}

} // namespace baton::ui
