#pragma once

#include "scoring/ModelVersions.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QChartView;
QT_END_NAMESPACE

namespace baton::ui {

// Two charts of an additive scoring version: its calibration on the held-out leads
// (predicted against observed, with the diagonal a calibrated model follows), and one
// feature's learned shape, in score points per bin.
class ShapeCharts : public QWidget
{
    Q_OBJECT

public:
    explicit ShapeCharts(QWidget *parent = nullptr);

    void showCalibration(const scoring::ScoringCandidate *candidate);
    void showShape(const scoring::ScoringCandidate *candidate, const std::string &feature);

private:
    static QString binName(const scoring::Feature &feature, int bin);

    QChartView *m_calibration;
    QChartView *m_shape;
};

} // namespace baton::ui
