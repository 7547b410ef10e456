#include "widgets/KpiCharts.h"

#include "models/DisplayFormat.h"
#include "telemetry/Kpis.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCoreApplication>
#include <QDate>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>
#include <algorithm>
#include <functional>

namespace baton::ui {

namespace {

// The charts' words, under one translation context.
struct KpiText
{
    Q_DECLARE_TR_FUNCTIONS(KpiCharts)
};

// A day ("2026-11-24") as the locale writes it on an axis: "24 Nov".
QString dayLabel(const std::string &day)
{
    const QDate date = QDate::fromString(qs(day), Qt::ISODate);
    return date.isValid()
               ? QLocale().toString(date, KpiText::tr("d MMM", "a day on a chart's axis"))
               : qs(day);
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

// The days of the period along x (day i at x = i), labelled as dates about a week apart so
// the labels stay upright and whole (thirty rotated ones were each elided to a ":").
QCategoryAxis *dayAxis(const telemetry::KpiReport &r)
{
    auto *x = new QCategoryAxis;
    x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int n = int(r.days.size());
    x->setRange(-0.5, std::max(0.5, double(n) - 0.5));
    x->setStartValue(-0.5);
    const int step = std::max(1, (n + 5) / 6);
    for (int i = 0; i < n; i += step)
        x->append(dayLabel(r.days[std::size_t(i)].day), double(i));
    x->setGridLineVisible(false);
    return x;
}

// A completeness bucket ("0.9-1.0") as percentages in the locale: "90–100 %".
QString bucketLabel(const std::string &bucket)
{
    const auto dash = bucket.find('-');
    if (dash == std::string::npos)
        return qs(bucket);
    bool ok1 = false, ok2 = false;
    const double low = qs(bucket.substr(0, dash)).toDouble(&ok1);
    const double high = qs(bucket.substr(dash + 1)).toDouble(&ok2);
    if (!ok1 || !ok2)
        return qs(bucket);
    const QLocale locale;
    return KpiText::tr("%1–%2 %", "a range of percentages")
        .arg(locale.toString(qRound(low * 100)), locale.toString(qRound(high * 100)));
}

// Bars per day, one set per series; stacked when asked.
KpiChart dailyBars(
    const telemetry::KpiReport &r, const QString &key, const QString &title,
    const std::vector<std::pair<QString, std::function<double(const telemetry::DayKpis &)>>> &sets,
    bool stacked)
{
    auto *chart = newChart(title);
    QAbstractBarSeries *series =
        stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries) : new QBarSeries;
    QString csv = QStringLiteral("day");
    for (const auto &[name, value] : sets) {
        csv += QLatin1Char(',') + name;
        auto *set = new QBarSet(name);
        for (const auto &d : r.days)
            *set << value(d);
        series->append(set);
    }
    csv += QLatin1Char('\n');
    for (const auto &d : r.days) {
        csv += qs(d.day);
        for (const auto &[name, value] : sets)
            csv += QLatin1Char(',') + QString::number(value(d));
        csv += QLatin1Char('\n');
    }
    chart->addSeries(series);
    auto *x = dayAxis(r);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(x);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(y);
    y->setMin(0);
    return {key, title, chart, csv};
}

// p50 and p95 lines per day; days without data are left out of the lines.
KpiChart dailyPercentiles(const telemetry::KpiReport &r, const QString &key, const QString &title,
                          const QString &unit, telemetry::Percentiles telemetry::DayKpis::*field)
{
    auto *chart = newChart(title);
    auto *p50 = new QLineSeries;
    p50->setName(KpiText::tr("p50"));
    auto *p95 = new QLineSeries;
    p95->setName(KpiText::tr("p95"));
    // A day alone is a point, not a line: markers keep it visible.
    p50->setPointsVisible(true);
    p95->setPointsVisible(true);
    QString csv = QStringLiteral("day,p50_%1,p95_%1,count\n").arg(unit);
    double top = 0;
    for (std::size_t i = 0; i < r.days.size(); ++i) {
        const auto &p = r.days[i].*field;
        csv += QStringLiteral("%1,%2,%3,%4\n")
                   .arg(qs(r.days[i].day))
                   .arg(p.p50)
                   .arg(p.p95)
                   .arg(p.count);
        if (p.count == 0)
            continue;
        p50->append(double(i), p.p50);
        p95->append(double(i), p.p95);
        top = std::max(top, p.p95);
    }
    chart->addSeries(p50);
    chart->addSeries(p95);
    auto *x = dayAxis(r);
    auto *y = new QValueAxis;
    y->setRange(0, top > 0 ? top * 1.1 : 1);
    y->setTitleText(unit);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (auto *s : {p50, p95}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return {key, title, chart, csv};
}

KpiChart categoryBars(const QString &key, const QString &title, const QString &column,
                      const std::vector<std::pair<QString, double>> &values, bool horizontal)
{
    auto *chart = newChart(title);
    auto *set = new QBarSet(column);
    QStringList categories;
    QString csv = QStringLiteral("category,%1\n").arg(column);
    double top = 0;
    for (const auto &[name, value] : values) {
        *set << value;
        categories << name;
        top = std::max(top, value);
        csv += QStringLiteral("\"%1\",%2\n")
                   .arg(QString(name).replace(QLatin1Char('"'), QStringLiteral("\"\"")))
                   .arg(value);
    }
    QAbstractBarSeries *series =
        horizontal ? static_cast<QAbstractBarSeries *>(new QHorizontalBarSeries) : new QBarSeries;
    series->append(set);
    chart->addSeries(series);
    chart->legend()->hide();
    auto *categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto *valueAxis = new QValueAxis;
    valueAxis->setRange(0, top > 0 ? top * 1.1 : 1);
    valueAxis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);
    return {key, title, chart, csv};
}

// Predicted (the band's mean score as a probability) against observed (the share of its
// approved briefs whose lead became an opportunity within 30 days), with the diagonal a
// calibrated score would follow.
KpiChart calibration(const telemetry::KpiReport &r)
{
    const QString title =
        KpiText::tr("Post-handoff accuracy: opportunities within 30 days, by score band");
    auto *chart = newChart(title);
    auto *ideal = new QLineSeries;
    ideal->setName(KpiText::tr("calibrated"));
    ideal->append(0, 0);
    ideal->append(1, 1);
    auto *observed = new QLineSeries;
    observed->setName(KpiText::tr("observed"));
    auto *points = new QScatterSeries;
    points->setName(KpiText::tr("bands"));
    points->setMarkerSize(9);
    QString csv = QStringLiteral("band,approved,opportunities_30d,observed_rate,mean_score\n");
    for (const auto &b : r.accuracy) {
        const double rate = b.approved ? double(b.opportunities) / double(b.approved) : 0;
        csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(qs(b.band))
                   .arg(b.approved)
                   .arg(b.opportunities)
                   .arg(rate, 0, 'f', 4)
                   .arg(b.meanScore, 0, 'f', 2);
        if (b.approved == 0)
            continue;
        observed->append(b.meanScore / 100, rate);
        points->append(b.meanScore / 100, rate);
    }
    auto *x = new QValueAxis;
    x->setRange(0, 1);
    x->setTitleText(KpiText::tr("predicted (score / 100)"));
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    y->setTitleText(KpiText::tr("observed rate"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QXYSeries *s : std::initializer_list<QXYSeries *>{ideal, observed, points}) {
        chart->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    return {QStringLiteral("accuracy"), title, chart, csv};
}

// Per scoring version (a canary's candidate beside the live one): what its approved briefs
// predicted (mean score as a probability) against how often their leads converted.
KpiChart byScoringVersion(const telemetry::KpiReport &r)
{
    const QString title = KpiText::tr("Post-handoff conversion within 30 days, by scoring version");
    auto *chart = newChart(title);
    auto *predicted = new QBarSet(KpiText::tr("predicted (score / 100)"));
    auto *observed = new QBarSet(KpiText::tr("observed rate"));
    QStringList versions;
    QString csv = QStringLiteral("scoring_version,approved,opportunities_30d,observed_rate,"
                                 "mean_score\n");
    for (const auto &v : r.accuracyByVersion) {
        const double rate = v.approved ? double(v.opportunities) / double(v.approved) : 0;
        csv += QStringLiteral("%1,%2,%3,%4,%5\n")
                   .arg(qs(v.version))
                   .arg(v.approved)
                   .arg(v.opportunities)
                   .arg(rate, 0, 'f', 4)
                   .arg(v.meanScore, 0, 'f', 2);
        versions << (v.version.empty()
                         ? KpiText::tr("(not recorded)")
                         : KpiText::tr("%1 (%n approved)", nullptr, static_cast<int>(v.approved))
                               .arg(qs(v.version)));
        *predicted << v.meanScore / 100;
        *observed << rate;
    }
    auto *series = new QBarSeries;
    series->append(predicted);
    series->append(observed);
    chart->addSeries(series);
    auto *x = new QBarCategoryAxis;
    x->append(versions);
    auto *y = new QValueAxis;
    y->setRange(0, 1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    series->attachAxis(x);
    series->attachAxis(y);
    return {QStringLiteral("accuracy-by-version"), title, chart, csv};
}

} // namespace

std::vector<KpiChart> buildKpiCharts(const telemetry::KpiReport &r)
{
    using D = telemetry::DayKpis;
    std::vector<KpiChart> charts;
    charts.push_back(
        dailyBars(r, QStringLiteral("briefs"), KpiText::tr("Briefs generated per day"),
                  {{KpiText::tr("briefs"), [](const D &d) { return double(d.briefs); }},
                   {KpiText::tr("escalated at creation"),
                    [](const D &d) { return double(d.escalatedAtCreation); }}},
                  false));
    charts.push_back(
        dailyPercentiles(r, QStringLiteral("handoff-time"),
                         KpiText::tr("Handoff generation time (newest signal to brief)"),
                         KpiText::tr("hours"), &D::handoffHours));
    charts.push_back(dailyPercentiles(r, QStringLiteral("pipeline-time"),
                                      KpiText::tr("Pipeline time per brief"), KpiText::tr("ms"),
                                      &D::pipelineMs));
    const auto rate = [](std::int64_t part, std::int64_t whole) {
        return whole ? 100.0 * double(part) / double(whole) : 0.0;
    };
    charts.push_back(dailyBars(
        r, QStringLiteral("review-rates"),
        KpiText::tr("Approval, edit and escalation rates (% of the day's briefs)"),
        {{KpiText::tr("approved"), [rate](const D &d) { return rate(d.approved, d.briefs); }},
         {KpiText::tr("edited"), [rate](const D &d) { return rate(d.edited, d.briefs); }},
         {KpiText::tr("escalated"), [rate](const D &d) { return rate(d.escalated, d.briefs); }}},
        false));
    charts.push_back(dailyPercentiles(r, QStringLiteral("review-time"),
                                      KpiText::tr("Time to review (brief to first decision)"),
                                      KpiText::tr("hours"), &D::reviewHours));
    charts.push_back(dailyBars(
        r, QStringLiteral("sla-breaches"), KpiText::tr("SLA breaches"),
        {{KpiText::tr("breaches"), [](const D &d) { return double(d.slaBreaches); }}}, false));
    charts.push_back(
        dailyBars(r, QStringLiteral("push"), KpiText::tr("CRM operations settled"),
                  {{KpiText::tr("done"), [](const D &d) { return double(d.pushDone); }},
                   {KpiText::tr("failed"), [](const D &d) { return double(d.pushFailed); }}},
                  true));
    std::vector<std::pair<QString, double>> quality;
    for (const auto &[bucket, n] : r.dataQuality)
        quality.emplace_back(bucketLabel(bucket), double(n));
    charts.push_back(categoryBars(QStringLiteral("data-quality"),
                                  KpiText::tr("Data quality: briefs by completeness"),
                                  KpiText::tr("briefs"), quality, false));
    std::vector<std::pair<QString, double>> violations;
    for (std::size_t i = 0; i < r.violations.size() && i < 12; ++i) {
        const auto &v = r.violations[i];
        violations.emplace_back(QStringLiteral("%1 · %2 · %3")
                                    .arg(qs(v.source),
                                         qs(v.contract.empty() ? std::string("?") : v.contract),
                                         qs(v.field.empty() ? std::string("-") : v.field)),
                                double(v.records));
    }
    std::reverse(violations.begin(), violations.end()); // the largest on top
    charts.push_back(categoryBars(QStringLiteral("violations"),
                                  KpiText::tr("Contract violations by source, contract and field"),
                                  KpiText::tr("records"), violations, true));
    charts.push_back(calibration(r));
    charts.push_back(byScoringVersion(r));
    return charts;
}

} // namespace baton::ui
