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

double AdditiveModel::logOdds(const std::vector<int> &bins) const
{
    double sum = intercept;
    for (std::size_t j = 0; j < shapes.size(); ++j)
        sum += shapes[j][static_cast<std::size_t>(bins[j])];
    return sum;
}

double AdditiveModel::probability(const std::vector<int> &bins) const
{
    return sigmoid(calibrationSlope * logOdds(bins) + calibrationOffset);
}

Explanation AdditiveModel::explain(const Facts &facts) const
{
    const auto bins = binsOf(facts);
    Explanation e;
    e.base = kEvenOddsPoints + pointsOf(calibrationSlope * intercept + calibrationOffset);
    e.score = e.base;
    for (std::size_t j = 0; j < features.size(); ++j) {
        const double points =
            pointsOf(calibrationSlope * shapes[j][static_cast<std::size_t>(bins[j])]);
        e.score += points;
        if (points == 0)
            continue;
        const auto it = facts.find(features[j].name);
        e.parts.push_back({features[j].name, features[j].binLabel(bins[j]), points,
                           it == facts.end() ? std::string() : it->second.evidence});
    }
    std::stable_sort(e.parts.begin(), e.parts.end(), [](const auto &a, const auto &b) {
        return std::abs(a.points) > std::abs(b.points);
    });
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
        return m;
    } catch (const nlohmann::json::exception &e) {
        throw std::invalid_argument(std::string("additive model: ") + e.what());
    }
}

} // namespace baton::scoring
