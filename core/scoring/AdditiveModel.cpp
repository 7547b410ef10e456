#include "scoring/AdditiveModel.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace baton::scoring {

double sigmoid(double x)
{
    return x >= 0 ? 1 / (1 + std::exp(-x)) : std::exp(x) / (1 + std::exp(x));
}

double pointsOf(double logOdds)
{
    return logOdds * kPointsPerDoubling / std::log(2.0);
}

std::vector<int> AdditiveModel::binsOf(const Facts &facts) const
{
    std::vector<int> bins(features.size());
    for (std::size_t j = 0; j < features.size(); ++j) {
        const auto it = facts.find(features[j].name);
        bins[j] = features[j].binOf(it == facts.end() ? nullptr : &it->second);
    }
    return bins;
}

BinRow AdditiveModel::binRowOf(const Facts &facts) const
{
    BinRow row;
    row.bins = binsOf(facts);
    row.sources.resize(features.size());
    for (std::size_t j = 0; j < features.size(); ++j)
        if (const auto it = facts.find(features[j].name); it != facts.end()) {
            row.sources[j].record = static_cast<int>(row.records.size());
            row.records.push_back(it->second.evidence);
        }
    return row;
}

std::size_t AdditiveModel::cellOf(const Interaction &pair, const std::vector<int> &bins) const
{
    return static_cast<std::size_t>(bins[pair.first] * features[pair.second].binCount() +
                                    bins[pair.second]);
}

double AdditiveModel::logOdds(const std::vector<int> &bins) const
{
    double sum = intercept;
    for (std::size_t j = 0; j < shapes.size(); ++j)
        sum += shapes[j][static_cast<std::size_t>(bins[j])];
    for (const auto &pair : interactions)
        sum += pair.values[cellOf(pair, bins)];
    return sum;
}

double AdditiveModel::probability(const std::vector<int> &bins) const
{
    return sigmoid(calibrationSlope * logOdds(bins) + calibrationOffset);
}

Explanation AdditiveModel::explain(const Facts &facts, std::size_t maxParts) const
{
    return explainBins(
        binsOf(facts),
        [&](std::size_t j) {
            const auto it = facts.find(features[j].name);
            return it == facts.end() ? std::string() : it->second.evidence;
        },
        maxParts);
}

Explanation AdditiveModel::explain(const BinRow &row, std::size_t maxParts) const
{
    if (row.bins.size() != features.size() || row.sources.size() != features.size())
        throw std::invalid_argument("a row of bins for another model");
    return explainBins(
        row.bins, [&](std::size_t j) { return row.evidence(j); }, maxParts);
}

Explanation AdditiveModel::explainBins(const std::vector<int> &bins,
                                       const std::function<std::string(std::size_t)> &evidenceOf,
                                       std::size_t maxParts) const
{
    Explanation e;
    e.base = kEvenOddsPoints + pointsOf(calibrationSlope * intercept + calibrationOffset);
    e.score = e.base;
    // (points, index): a feature's j, or features.size() + a pair's; labels are built only
    // for the parts listed.
    std::vector<std::pair<double, std::size_t>> nonZero;
    const auto add = [&](double points, std::size_t index) {
        e.score += points;
        if (points != 0)
            nonZero.emplace_back(points, index);
    };
    for (std::size_t j = 0; j < features.size(); ++j)
        add(pointsOf(calibrationSlope * shapes[j][static_cast<std::size_t>(bins[j])]), j);
    for (std::size_t k = 0; k < interactions.size(); ++k)
        add(pointsOf(calibrationSlope * interactions[k].values[cellOf(interactions[k], bins)]),
            features.size() + k);
    std::stable_sort(nonZero.begin(), nonZero.end(), [](const auto &a, const auto &b) {
        return std::abs(a.first) > std::abs(b.first);
    });
    for (std::size_t i = 0; i < nonZero.size(); ++i) {
        const auto [points, index] = nonZero[i];
        if (i >= maxParts) {
            e.rest += points;
            ++e.restCount;
        } else if (index < features.size()) {
            const Feature &f = features[index];
            e.parts.push_back({f.name, f.binLabel(bins[index]), points, evidenceOf(index)});
        } else {
            const Interaction &pair = interactions[index - features.size()];
            const Feature &a = features[pair.first], &b = features[pair.second];
            e.parts.push_back({a.name + " & " + b.name,
                               a.binLabel(bins[pair.first]) + ", " + b.binLabel(bins[pair.second]),
                               points, evidenceOf(pair.first)});
        }
    }
    e.probability = probability(bins);
    return e;
}

nlohmann::json AdditiveModel::toJson() const
{
    nlohmann::json out;
    out["kind"] = "additive";
    out["intercept"] = intercept;
    out["calibration"] = {{"slope", calibrationSlope}, {"offset", calibrationOffset}};
    auto &list = out["features"] = nlohmann::json::array();
    for (std::size_t j = 0; j < features.size(); ++j) {
        const Feature &f = features[j];
        list.push_back({{"name", f.name},
                        {"kind", nameOf(f.kind)},
                        {"levels", f.levels},
                        {"edges", f.edges},
                        {"shape", shapes[j]}});
    }
    auto &pairs = out["interactions"] = nlohmann::json::array();
    for (const auto &pair : interactions)
        pairs.push_back({{"features", {pair.first, pair.second}}, {"values", pair.values}});
    return out;
}

AdditiveModel AdditiveModel::fromJson(const nlohmann::json &json)
{
    try {
        if (json.at("kind") != "additive")
            throw std::invalid_argument("not an additive model");
        AdditiveModel m;
        m.intercept = json.at("intercept").get<double>();
        m.calibrationSlope = json.at("calibration").at("slope").get<double>();
        m.calibrationOffset = json.at("calibration").at("offset").get<double>();
        for (const auto &f : json.at("features")) {
            Feature feature;
            feature.name = f.at("name").get<std::string>();
            const auto kind = featureKindFrom(f.at("kind").get<std::string>());
            if (!kind)
                throw std::invalid_argument("feature " + feature.name + " has an unknown kind");
            feature.kind = *kind;
            feature.levels = f.at("levels").get<std::vector<std::string>>();
            feature.edges = f.at("edges").get<std::vector<double>>();
            auto shape = f.at("shape").get<std::vector<double>>();
            if (static_cast<int>(shape.size()) != feature.binCount())
                throw std::invalid_argument("feature " + feature.name + " has " +
                                            std::to_string(shape.size()) + " values for " +
                                            std::to_string(feature.binCount()) + " bins");
            m.features.push_back(std::move(feature));
            m.shapes.push_back(std::move(shape));
        }
        for (const auto &p : json.value("interactions", nlohmann::json::array())) {
            Interaction pair;
            pair.first = p.at("features").at(0).get<std::size_t>();
            pair.second = p.at("features").at(1).get<std::size_t>();
            pair.values = p.at("values").get<std::vector<double>>();
            if (pair.first >= m.features.size() || pair.second >= m.features.size() ||
                pair.values.size() != static_cast<std::size_t>(m.features[pair.first].binCount() *
                                                               m.features[pair.second].binCount()))
                throw std::invalid_argument("an interaction names features or cells it has not");
            m.interactions.push_back(std::move(pair));
        }
        return m;
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("additive model: ") + e.what());
    }
}

} // namespace baton::scoring
