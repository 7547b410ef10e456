#include "scoring/AdditiveFit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <stdexcept>
#include <tuple>

namespace baton::scoring {

namespace {

using Column = std::vector<std::uint16_t>;

// Examples as bins, a column per feature: what boosting reads over and over.
struct Design
{
    std::vector<Column> columns;
    std::vector<int> labels;
    std::size_t rows() const { return labels.size(); }
};

Design designOf(const std::vector<Feature> &features, const std::vector<const Example *> &rows)
{
    Design d;
    d.columns.assign(features.size(), Column(rows.size()));
    d.labels.reserve(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        d.labels.push_back(rows[i]->label);
        for (std::size_t j = 0; j < features.size(); ++j) {
            const auto it = rows[i]->facts.find(features[j].name);
            d.columns[j][i] = static_cast<std::uint16_t>(
                features[j].binOf(it == rows[i]->facts.end() ? nullptr : &it->second));
        }
    }
    return d;
}

double meanLabel(const Design &d)
{
    double sum = 0;
    for (const int y : d.labels)
        sum += y;
    return d.rows() ? sum / static_cast<double>(d.rows()) : 0.5;
}

double logLossOf(const std::vector<double> &scores, const std::vector<int> &labels)
{
    double loss = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const double p = std::clamp(sigmoid(scores[i]), 1e-12, 1 - 1e-12);
        loss -= labels[i] ? std::log(p) : std::log(1 - p);
    }
    return scores.empty() ? 0 : loss / static_cast<double>(scores.size());
}

struct Shapes
{
    std::vector<std::vector<double>> values;
    int rounds = 0;
    double stopLoss = std::numeric_limits<double>::infinity();
};

// Boosting by rounds: in each, every term's cells (a feature's bins, or a pair's) move by a
// Newton step on the log loss, shrunk by the learning rate and by l2 (a cell with few leads
// moves little). All terms step from the same round's probabilities, so a round costs one
// pass of sigmoids, not one per term. Starts from the given scores; stops when the stop
// set's log loss has not improved for `patience` rounds, keeping the best round (0: none).
Shapes boost(const std::vector<std::size_t> &cells, const Design &train, const Design &stop,
             std::vector<double> scores, std::vector<double> stopScores, double l2,
             const FitOptions &o)
{
    Shapes s;
    for (const std::size_t n : cells)
        s.values.emplace_back(n, 0.0);
    Shapes best = s;
    best.stopLoss = logLossOf(stopScores, stop.labels);
    std::vector<double> residual(train.rows()), weight(train.rows()), g, h;
    std::vector<std::vector<double>> deltas(cells.size());
    // Steps taken together add up across correlated terms (a count, its decayed sum, its
    // recency): each takes a share of the learning rate.
    const double step =
        o.learningRate / std::sqrt(static_cast<double>(std::max<std::size_t>(1, cells.size())));
    for (int round = 1; round <= o.maxRounds && round - best.rounds <= o.patience; ++round) {
        for (std::size_t i = 0; i < train.rows(); ++i) {
            const double p = sigmoid(scores[i]);
            residual[i] = train.labels[i] - p;
            weight[i] = p * (1 - p);
        }
        for (std::size_t j = 0; j < cells.size(); ++j) {
            const Column &column = train.columns[j];
            const auto bins = s.values[j].size();
            g.assign(bins, 0);
            h.assign(bins, 0);
            for (std::size_t i = 0; i < train.rows(); ++i) {
                g[column[i]] += residual[i];
                h[column[i]] += weight[i];
            }
            deltas[j].assign(bins, 0);
            for (std::size_t b = 0; b < bins; ++b) {
                deltas[j][b] = step * g[b] / (h[b] + l2);
                s.values[j][b] += deltas[j][b];
            }
        }
        for (std::size_t j = 0; j < cells.size(); ++j) {
            for (std::size_t i = 0; i < train.rows(); ++i)
                scores[i] += deltas[j][train.columns[j][i]];
            for (std::size_t i = 0; i < stop.rows(); ++i)
                stopScores[i] += deltas[j][stop.columns[j][i]];
        }
        const double loss = logLossOf(stopScores, stop.labels);
        if (loss < best.stopLoss - 1e-7) {
            best = s;
            best.rounds = round;
            best.stopLoss = loss;
        }
    }
    return best;
}

double baseLogOdds(const Design &train)
{
    const double rate = std::clamp(meanLabel(train), 1e-6, 1 - 1e-6);
    return std::log(rate / (1 - rate));
}

// The features' own shapes, from the base rate.
Shapes boostMains(const std::vector<Feature> &features, const Design &train, const Design &stop,
                  double l2, const FitOptions &o)
{
    std::vector<std::size_t> cells;
    for (const Feature &f : features)
        cells.push_back(static_cast<std::size_t>(f.binCount()));
    const double base = baseLogOdds(train);
    return boost(cells, train, stop, std::vector<double>(train.rows(), base),
                 std::vector<double>(stop.rows(), base), l2, o);
}

Design rowsOf(const Design &d, const std::vector<std::size_t> &rows)
{
    Design out;
    out.columns.assign(d.columns.size(), Column(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        out.labels.push_back(d.labels[rows[k]]);
        for (std::size_t j = 0; j < d.columns.size(); ++j)
            out.columns[j][k] = d.columns[j][rows[k]];
    }
    return out;
}

// The l2 whose boosting does best on held-out folds of the older leads (every k-th lead a
// fold, so each fold spans the whole time range); at most foldRowsAtMost leads take part.
double chooseL2(const std::vector<Feature> &features, const Design &older, const FitOptions &o)
{
    if (o.l2Grid.size() == 1 || o.folds < 2)
        return o.l2Grid.front();
    const std::size_t step = std::max<std::size_t>(1, older.rows() / o.foldRowsAtMost);
    double bestL2 = o.l2Grid.front(), bestLoss = std::numeric_limits<double>::infinity();
    for (const double l2 : o.l2Grid) {
        double loss = 0;
        for (int fold = 0; fold < o.folds; ++fold) {
            std::vector<std::size_t> in, out;
            for (std::size_t i = 0, k = 0; i < older.rows(); i += step, ++k)
                (static_cast<int>(k % static_cast<std::size_t>(o.folds)) == fold ? out : in)
                    .push_back(i);
            loss += boostMains(features, rowsOf(older, in), rowsOf(older, out), l2, o).stopLoss;
        }
        if (loss < bestLoss) {
            bestLoss = loss;
            bestL2 = l2;
        }
    }
    return bestL2;
}

// Platt scaling: the slope and offset that make sigmoid(slope * z + offset) fit the labels,
// by Newton's method on the log loss against Platt's smoothed targets, (N+ + 1) / (N+ + 2)
// and 1 / (N- + 2), which keep the answer finite when the stop set is separable.
std::pair<double, double> platt(const std::vector<double> &z, const std::vector<int> &y)
{
    double positives = 0;
    for (const int label : y)
        positives += label;
    const double negatives = static_cast<double>(y.size()) - positives;
    const double hi = (positives + 1) / (positives + 2), lo = 1 / (negatives + 2);
    double a = 1, b = 0;
    for (int iteration = 0; iteration < 100; ++iteration) {
        double ga = 0, gb = 0, haa = 1e-9, hab = 0, hbb = 1e-9;
        for (std::size_t i = 0; i < z.size(); ++i) {
            const double p = sigmoid(a * z[i] + b), w = p * (1 - p), r = p - (y[i] ? hi : lo);
            ga += r * z[i];
            gb += r;
            haa += w * z[i] * z[i];
            hab += w * z[i];
            hbb += w;
        }
        const double det = haa * hbb - hab * hab;
        if (det <= 0)
            break;
        const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
        a -= da;
        b -= db;
        if (std::abs(da) + std::abs(db) < 1e-9)
            break;
    }
    return {a, b};
}

double aucAlone(const Design &train, const Design &test, std::size_t j, int bins)
{
    std::vector<double> pos(static_cast<std::size_t>(bins), 1),
        all(static_cast<std::size_t>(bins), 2);
    for (std::size_t i = 0; i < train.rows(); ++i) {
        pos[train.columns[j][i]] += train.labels[i];
        all[train.columns[j][i]] += 1;
    }
    std::vector<double> scores;
    for (std::size_t i = 0; i < test.rows(); ++i)
        scores.push_back(pos[test.columns[j][i]] / all[test.columns[j][i]]);
    return rocAuc(scores, test.labels);
}

} // namespace

namespace {

std::vector<std::size_t> range(std::size_t from, std::size_t to)
{
    std::vector<std::size_t> out;
    for (std::size_t i = from; i < to; ++i)
        out.push_back(i);
    return out;
}

std::size_t cellAt(const AdditiveModel &m, const AdditiveModel::Interaction &pair, const Design &d,
                   std::size_t i)
{
    return static_cast<std::size_t>(d.columns[pair.first][i]) *
               static_cast<std::size_t>(m.features[pair.second].binCount()) +
           d.columns[pair.second][i];
}

double logOddsAt(const AdditiveModel &m, const Design &d, std::size_t i)
{
    double z = m.intercept;
    for (std::size_t j = 0; j < m.shapes.size(); ++j)
        z += m.shapes[j][d.columns[j][i]];
    for (const auto &pair : m.interactions)
        z += pair.values[cellAt(m, pair, d, i)];
    return z;
}

// A pair's cells as a column of its own, for boosting.
Column pairColumn(const AdditiveModel &m, const AdditiveModel::Interaction &pair, const Design &d)
{
    Column out(d.rows());
    for (std::size_t i = 0; i < d.rows(); ++i)
        out[i] = static_cast<std::uint16_t>(cellAt(m, pair, d, i));
    return out;
}

constexpr std::size_t kMostCells = 4096;

// Pairs whose cells the single shapes explain worst: among the most important features,
// those with the largest Newton gain on the residuals (as EBM's FAST ranks them).
std::vector<AdditiveModel::Interaction> candidatePairs(const AdditiveModel &m, const Design &train,
                                                       double l2, const FitOptions &o)
{
    std::vector<std::pair<double, std::size_t>> byImportance;
    for (std::size_t j = 0; j < m.shapes.size(); ++j) {
        double sum = 0;
        for (std::size_t i = 0; i < train.rows(); ++i)
            sum += std::abs(m.shapes[j][train.columns[j][i]]);
        byImportance.emplace_back(-sum, j);
    }
    std::sort(byImportance.begin(), byImportance.end());
    byImportance.resize(std::min(byImportance.size(), o.interactionCandidates));
    std::vector<double> residual, weight;
    for (std::size_t i = 0; i < train.rows(); ++i) {
        const double p = sigmoid(logOddsAt(m, train, i));
        residual.push_back(train.labels[i] - p);
        weight.push_back(p * (1 - p));
    }
    std::vector<std::pair<double, AdditiveModel::Interaction>> ranked;
    for (std::size_t a = 0; a < byImportance.size(); ++a)
        for (std::size_t b = a + 1; b < byImportance.size(); ++b) {
            AdditiveModel::Interaction pair;
            pair.first = std::min(byImportance[a].second, byImportance[b].second);
            pair.second = std::max(byImportance[a].second, byImportance[b].second);
            const std::size_t cells = static_cast<std::size_t>(m.features[pair.first].binCount() *
                                                               m.features[pair.second].binCount());
            if (cells > kMostCells)
                continue; // a table no one could read, and past a column's cell numbers
            std::vector<double> g(cells, 0), h(cells, 0);
            for (std::size_t i = 0; i < train.rows(); ++i) {
                const auto c = cellAt(m, pair, train, i);
                g[c] += residual[i];
                h[c] += weight[i];
            }
            double gain = 0;
            for (std::size_t c = 0; c < cells; ++c)
                gain += g[c] * g[c] / (h[c] + l2);
            ranked.emplace_back(-gain, std::move(pair));
        }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &x, const auto &y) { return x.first < y.first; });
    std::vector<AdditiveModel::Interaction> out;
    for (std::size_t k = 0; k < ranked.size() && k < o.maxInteractions; ++k)
        out.push_back(std::move(ranked[k].second));
    return out;
}

// The candidate pairs boosted on top of the single shapes; kept only when they lower the
// stop set's log loss (they earn their keep), else the model stays without them.
void addInteractions(AdditiveModel &m, const Design &train, const Design &stop, double l2,
                     const FitOptions &o)
{
    if (o.maxInteractions == 0 || m.features.size() < 2)
        return;
    auto pairs = candidatePairs(m, train, l2, o);
    Design pairTrain, pairStop;
    pairTrain.labels = train.labels;
    pairStop.labels = stop.labels;
    std::vector<std::size_t> cells;
    for (auto &pair : pairs) {
        pairTrain.columns.push_back(pairColumn(m, pair, train));
        pairStop.columns.push_back(pairColumn(m, pair, stop));
        cells.push_back(static_cast<std::size_t>(m.features[pair.first].binCount() *
                                                 m.features[pair.second].binCount()));
    }
    std::vector<double> scores, stopScores;
    for (std::size_t i = 0; i < train.rows(); ++i)
        scores.push_back(logOddsAt(m, train, i));
    for (std::size_t i = 0; i < stop.rows(); ++i)
        stopScores.push_back(logOddsAt(m, stop, i));
    const Shapes boosted = boost(cells, pairTrain, pairStop, scores, stopScores, l2, o);
    if (boosted.rounds == 0)
        return;
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        pairs[k].values = boosted.values[k];
        m.interactions.push_back(std::move(pairs[k]));
    }
}

// Leaves out features that alone rank the stop set's leads too well to be true: they know the
// outcome (a field sales fills in afterwards, under a name the rules do not know).
void dropSuspectedLeaks(std::vector<Feature> &features, Design &older, std::size_t trainCount,
                        const FitOptions &o, AdditiveFit &fit)
{
    const Design train = rowsOf(older, range(0, trainCount));
    const Design stop = rowsOf(older, range(trainCount, older.rows()));
    for (std::size_t j = features.size(); j-- > 0;) {
        const double auc = aucAlone(train, stop, j, features[j].binCount());
        if (auc <= o.leakageAuc || matchesAny(features[j].name, o.discovery.pin))
            continue;
        char why[96];
        std::snprintf(why, sizeof why, "suspected leakage: alone it ranks leads with AUC %.3f",
                      auc);
        fit.suspectedLeaks.push_back(features[j].name);
        fit.excluded.push_back({features[j].name, why});
        features.erase(features.begin() + static_cast<std::ptrdiff_t>(j));
        older.columns.erase(older.columns.begin() + static_cast<std::ptrdiff_t>(j));
    }
}

// A feature whose bins split the training leads exactly as an earlier one's do adds nothing
// but time (a Marketo activity type that is one event type under another name).
void dropDuplicates(std::vector<Feature> &features, Design &older, AdditiveFit &fit)
{
    std::map<std::vector<std::uint16_t>, std::string> seen;
    for (std::size_t j = 0; j < features.size();) {
        const auto [it, added] = seen.emplace(older.columns[j], features[j].name);
        if (added) {
            ++j;
            continue;
        }
        fit.excluded.push_back({features[j].name, "the same for every lead as " + it->second});
        features.erase(features.begin() + static_cast<std::ptrdiff_t>(j));
        older.columns.erase(older.columns.begin() + static_cast<std::ptrdiff_t>(j));
    }
}

// Each feature's values averaged over the training leads move into the intercept, so a part
// reads as "compared with the average lead".
void centre(AdditiveModel &m, const Design &train)
{
    for (std::size_t j = 0; j < m.shapes.size(); ++j) {
        double mean = 0;
        for (std::size_t i = 0; i < train.rows(); ++i)
            mean += m.shapes[j][train.columns[j][i]];
        mean /= static_cast<double>(std::max<std::size_t>(1, train.rows()));
        for (double &v : m.shapes[j])
            v -= mean;
        m.intercept += mean;
    }
    for (auto &pair : m.interactions) {
        double mean = 0;
        for (std::size_t i = 0; i < train.rows(); ++i)
            mean += pair.values[cellAt(m, pair, train, i)];
        mean /= static_cast<double>(std::max<std::size_t>(1, train.rows()));
        for (double &v : pair.values)
            v -= mean;
        m.intercept += mean;
    }
}

std::vector<FeatureReport> reports(const AdditiveModel &m, const Design &train, const Design &test)
{
    std::vector<FeatureReport> out;
    for (std::size_t j = 0; j < m.features.size(); ++j) {
        FeatureReport r;
        r.name = m.features[j].name;
        for (std::size_t i = 0; i < train.rows(); ++i)
            r.importance +=
                std::abs(pointsOf(m.calibrationSlope * m.shapes[j][train.columns[j][i]]));
        r.importance /= static_cast<double>(std::max<std::size_t>(1, train.rows()));
        r.aucAlone = aucAlone(train, test, j, m.features[j].binCount());
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const auto &a, const auto &b) { return a.importance > b.importance; });
    return out;
}

} // namespace

AdditiveFit fitAdditive(std::vector<Example> examples, const FitOptions &o)
{
    std::stable_sort(examples.begin(), examples.end(),
                     [](const Example &a, const Example &b) { return a.at < b.at; });
    AdditiveFit fit;
    const std::size_t n = examples.size();
    fit.testCount = static_cast<std::size_t>(static_cast<double>(n) * o.testShare);
    const std::size_t olderCount = n - fit.testCount;
    fit.stopCount = static_cast<std::size_t>(static_cast<double>(olderCount) * o.stopShare);
    fit.trainCount = olderCount - fit.stopCount;
    if (fit.trainCount < 50 || fit.stopCount < 10 || fit.testCount < 10)
        throw std::invalid_argument("too few leads with a known outcome to fit a model: " +
                                    std::to_string(n) + " (it takes at least 100)");
    std::vector<const Example *> older, newest;
    std::vector<const Facts *> trainFacts;
    for (std::size_t i = 0; i < n; ++i) {
        (i < olderCount ? older : newest).push_back(&examples[i]);
        if (i >= olderCount)
            fit.testLeads.push_back(examples[i].leadId);
        if (i < fit.trainCount)
            trainFacts.push_back(&examples[i].facts);
    }
    // Features are discovered on the training leads alone: the held-out ones stay unseen.
    auto discovered = discoverFeatures(trainFacts, o.discovery);
    fit.excluded = std::move(discovered.excluded);
    std::vector<Feature> features = std::move(discovered.features);
    Design olderDesign = designOf(features, older);
    dropDuplicates(features, olderDesign, fit);
    dropSuspectedLeaks(features, olderDesign, fit.trainCount, o, fit);
    const Design train = rowsOf(olderDesign, range(0, fit.trainCount));
    const Design stop = rowsOf(olderDesign, range(fit.trainCount, olderCount));
    if (meanLabel(train) == 0 || meanLabel(train) == 1)
        throw std::invalid_argument("the training leads all converted or none did: nothing to "
                                    "learn from");
    fit.l2 = chooseL2(features, olderDesign, o);
    const Shapes shapes = boostMains(features, train, stop, fit.l2, o);
    fit.rounds = shapes.rounds;
    AdditiveModel &m = fit.model;
    m.features = features;
    m.shapes = shapes.values;
    m.intercept = baseLogOdds(train);
    addInteractions(m, train, stop, fit.l2, o);
    centre(m, train);
    std::vector<double> z;
    for (std::size_t i = 0; i < stop.rows(); ++i)
        z.push_back(logOddsAt(m, stop, i));
    std::tie(m.calibrationSlope, m.calibrationOffset) = platt(z, stop.labels);
    const Design test = designOf(features, newest);
    std::vector<double> probabilities;
    for (std::size_t i = 0; i < test.rows(); ++i)
        probabilities.push_back(
            sigmoid(m.calibrationSlope * logOddsAt(m, test, i) + m.calibrationOffset));
    fit.test = measure(probabilities, test.labels);
    fit.testProbabilities = std::move(probabilities);
    fit.features = reports(m, train, test);
    return fit;
}

} // namespace baton::scoring
