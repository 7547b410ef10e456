#include "cli/AdditiveReport.h"

#include "scoring/AdditiveFit.h"
#include "scoring/LeadFacts.h"

#include <QString>
#include <QStringList>
#include <cmath>

namespace baton::app {

namespace {

constexpr std::size_t kShapesShown = 8;

QString q(const std::string &text)
{
    return QString::fromStdString(text);
}

void printShape(QTextStream &out, const scoring::AdditiveModel &m, const std::string &name)
{
    for (std::size_t j = 0; j < m.features.size(); ++j) {
        if (m.features[j].name != name)
            continue;
        QStringList bins;
        for (int b = 0; b < m.features[j].binCount(); ++b) {
            const double points =
                scoring::pointsOf(m.calibrationSlope * m.shapes[j][static_cast<std::size_t>(b)]);
            bins << QStringLiteral("%1 %2%3")
                        .arg(q(m.features[j].binLabel(b)))
                        .arg(points >= 0 ? QStringLiteral("+") : QString())
                        .arg(points, 0, 'f', 1);
        }
        out << "      " << bins.join(QStringLiteral(", ")) << "\n";
    }
}

} // namespace

void printHistory(QTextStream &out, const scoring::History &history, double seconds)
{
    out << "read " << history.examples.size() << " leads with an outcome in "
        << QString::number(seconds, 'f', 1) << " s\n";
    if (history.convertedBeforeHandoff == 0)
        return;
    if (history.keptConvertedBeforeHandoff)
        out << "  " << history.convertedBeforeHandoff
            << " converted before their handoff, most of the conversions: kept, with facts up "
               "to just before converting, which can tell the outcome by its timing (a shorter "
               "--window-days avoids it)\n";
    else
        out << "  " << history.convertedBeforeHandoff
            << " converted before their handoff and are left out: no run would score them, and "
               "facts ending at a conversion tell the outcome by their timing\n";
}

void printAdditiveFit(QTextStream &out, const scoring::AdditiveFit &fit, double seconds)
{
    const auto &t = fit.test;
    out << QStringLiteral("additive model: %1 features from %2 leads to fit, %3 to stop and "
                          "calibrate, %4 newest held out; fitted in %5 s (l2 %6, %7 rounds)\n")
               .arg(fit.model.features.size())
               .arg(fit.trainCount)
               .arg(fit.stopCount)
               .arg(fit.testCount)
               .arg(seconds, 0, 'f', 1)
               .arg(fit.l2)
               .arg(fit.rounds);
    out << QStringLiteral("  held out: AUC %1, log loss %2, Brier %3, %4% converted\n")
               .arg(t.auc, 0, 'f', 3)
               .arg(t.logLoss, 0, 'f', 3)
               .arg(t.brier, 0, 'f', 3)
               .arg(100 * t.positiveRate, 0, 'f', 1);
    out << "  calibration (held out): predicted  observed  leads\n";
    for (std::size_t i = 0; i < t.calibration.size(); ++i)
        if (t.calibration[i].count > 0)
            out << QStringLiteral("    %1-%2%   %3     %4   %5\n")
                       .arg(i * 10, 2)
                       .arg(i * 10 + 10, 3)
                       .arg(t.calibration[i].predicted, 6, 'f', 3)
                       .arg(t.calibration[i].observed, 6, 'f', 3)
                       .arg(t.calibration[i].count, 5);
    out << "  features, most important first (mean |points|; AUC alone, held out):\n";
    for (std::size_t k = 0; k < fit.features.size(); ++k) {
        const auto &f = fit.features[k];
        out << QStringLiteral("    %1  %2  %3\n")
                   .arg(q(f.name), -48)
                   .arg(f.importance, 5, 'f', 1)
                   .arg(f.aucAlone, 0, 'f', 3);
        if (k < kShapesShown)
            printShape(out, fit.model, f.name);
    }
    if (!fit.model.interactions.empty())
        out << "  pairs that earned their keep (their joint effect beyond each one's):\n";
    for (const auto &pair : fit.model.interactions) {
        double spread = 0;
        for (const double v : pair.values)
            spread = std::max(spread, std::abs(scoring::pointsOf(fit.model.calibrationSlope * v)));
        out << QStringLiteral("    %1 & %2, up to %3 points\n")
                   .arg(q(fit.model.features[pair.first].name),
                        q(fit.model.features[pair.second].name))
                   .arg(spread, 0, 'f', 1);
    }
    if (!fit.excluded.empty())
        out << "  left out:\n";
    for (const auto &x : fit.excluded)
        out << "    " << q(x.name) << ": " << q(x.why) << "\n";
}

} // namespace baton::app
