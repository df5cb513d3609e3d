#include "core/logreg.h"

#include "core/numerics.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace bpl {

Eigen::Index LogRegData::countOf(int label) const {
    return (t == static_cast<double>(label)).count();
}

const char* methodId(LogRegMethod method) {
    switch (method) {
    case LogRegMethod::GradientDescent: return "gd";
    case LogRegMethod::Stochastic: return "sgd";
    case LogRegMethod::MiniBatch: return "minibatch";
    }
    return "gd";
}

bool methodFromId(const std::string& id, LogRegMethod& method) {
    for (LogRegMethod m : {LogRegMethod::GradientDescent, LogRegMethod::Stochastic, LogRegMethod::MiniBatch}) {
        if (id == methodId(m)) {
            method = m;
            return true;
        }
    }
    return false;
}

const char* methodLabel(LogRegMethod method) {
    switch (method) {
    case LogRegMethod::GradientDescent: return "GD";
    case LogRegMethod::Stochastic: return "SGD";
    case LogRegMethod::MiniBatch: return "Mini-batch";
    }
    return "GD";
}

const char* stopId(LogRegStop stop) {
    switch (stop) {
    case LogRegStop::Running: return "running";
    case LogRegStop::Tolerance: return "tolerance";
    case LogRegStop::MaxIter: return "max_iter";
    case LogRegStop::Diverged: return "diverged";
    case LogRegStop::Cancelled: return "cancelled";
    }
    return "running";
}

int effectiveBatchSize(const LogRegOptions& options, Eigen::Index dataSize) {
    switch (options.method) {
    case LogRegMethod::GradientDescent: return static_cast<int>(dataSize);
    case LogRegMethod::Stochastic: return 1;
    case LogRegMethod::MiniBatch: return options.batchSize;
    }
    return 1;
}

std::string optionsProblem(const LogRegOptions& options, Eigen::Index dataSize) {
    std::ostringstream why;
    if (dataSize < 1) return "the data set has no points";
    if (!std::isfinite(options.learningRate) || options.learningRate <= 0) {
        why << "learning rate η must be a finite number greater than 0, found " << options.learningRate;
    } else if (options.maxIter < 1 || options.maxIter > kMaxRecordedIterations) {
        why << "max iterations must be from 1 to " << kMaxRecordedIterations << ", found " << options.maxIter;
    } else if (!std::isfinite(options.tolerance) || options.tolerance < 0) {
        why << "tolerance must be a finite number ≥ 0, found " << options.tolerance;
    } else if (!options.initialWeights.allFinite()) {
        why << "start weights must be finite numbers";
    } else if (options.method == LogRegMethod::MiniBatch &&
               (options.batchSize < 1 || options.batchSize > dataSize)) {
        why << "batch size must be from 1 to the number of points (" << dataSize << "), found "
            << options.batchSize;
    }
    return why.str();
}

std::optional<SlopeIntercept> separatorSlopeIntercept(const Eigen::Vector3d& w) {
    const double w1 = w(0), w2 = w(1), w0 = w(2);
    if (w2 == 0.0 || !w.allFinite()) return std::nullopt;
    if (std::abs(w2) <= kVerticalRatio * std::max(std::abs(w1), std::abs(w0))) return std::nullopt;
    return SlopeIntercept{-w1 / w2, -w0 / w2};
}

bool separatorPathBreaks(const Eigen::Vector3d& from, const Eigen::Vector3d& to) {
    if (!separatorSlopeIntercept(from) || !separatorSlopeIntercept(to)) return true;
    return (from(1) > 0) != (to(1) > 0);
}

std::optional<std::pair<Eigen::Vector2d, Eigen::Vector2d>>
separatorSegment(const Eigen::Vector3d& w, double x1Min, double x1Max, double x2Min, double x2Max) {
    // Parametrise by the coordinate the line depends on most steeply, so that
    // a (nearly) vertical line is handled like any other: u is the free
    // coordinate, v(u) = −(a u + w₀)/c.
    const bool byX1 = std::abs(w(1)) >= std::abs(w(0));
    const double a = byX1 ? w(0) : w(1);
    const double c = byX1 ? w(1) : w(0);
    const double uMin = byX1 ? x1Min : x2Min, uMax = byX1 ? x1Max : x2Max;
    const double vMin = byX1 ? x2Min : x1Min, vMax = byX1 ? x2Max : x1Max;
    if (c == 0.0 || !w.allFinite()) return std::nullopt;
    auto v = [&](double u) { return std::clamp(-(a * u + w(2)) / c, vMin, vMax); };
    double lo = uMin, hi = uMax;
    if (a == 0.0) {
        const double v0 = -w(2) / c;
        if (v0 < vMin || v0 > vMax) return std::nullopt;
    } else {
        // u where the line meets v = vMin and v = vMax.
        const double ua = -(c * vMin + w(2)) / a;
        const double ub = -(c * vMax + w(2)) / a;
        lo = std::max(uMin, std::min(ua, ub));
        hi = std::min(uMax, std::max(ua, ub));
        if (!(lo <= hi)) return std::nullopt;
    }
    auto point = [&](double u) {
        return byX1 ? Eigen::Vector2d(u, v(u)) : Eigen::Vector2d(v(u), u);
    };
    return std::make_pair(point(lo), point(hi));
}

double logRegProbability(const Eigen::Vector3d& w, double x1, double x2) {
    return sigmoid(w(0) * x1 + w(1) * x2 + w(2));
}

namespace {

// Points per chunk: the chunk's temporaries stay in the L1 cache, so the pass
// reads each point once from memory however many expressions use it.
constexpr Eigen::Index kChunk = 512;
using Chunk = Eigen::Array<double, kChunk, 1>;

} // namespace

LogRegSums logRegPass(const double* x1, const double* x2, const double* t, Eigen::Index count,
                      const Eigen::Vector3d& w, bool withGradient) {
    using ConstMap = Eigen::Map<const Eigen::ArrayXd>;
    Chunk zBuffer, eBuffer, residualBuffer; // on the stack: no allocation
    double lossSum = 0.0, g1 = 0.0, g2 = 0.0, g0 = 0.0;
    for (Eigen::Index start = 0; start < count; start += kChunk) {
        const Eigen::Index n = std::min(kChunk, count - start);
        const ConstMap X1(x1 + start, n), X2(x2 + start, n), T(t + start, n);
        auto z = zBuffer.head(n);
        auto e = eBuffer.head(n);
        z = w(0) * X1 + w(1) * X2 + w(2);
        e = (-z.abs()).exp(); // e = exp(−|z|) ∈ (0, 1]
        // softplus(s z) = max(s z, 0) + ln(1 + e) with s = 1 − 2t; ln(1 + e)
        // by Kahan's log1p: ln(u)·e/(u − 1) with u = 1 + e (exact where u = 1).
        const auto u = 1.0 + e;
        const auto log1pE = (u == 1.0).select(e, u.log() * e / (u - 1.0));
        lossSum += (((1.0 - 2.0 * T) * z).max(0.0) + log1pE).sum();
        if (withGradient) {
            // σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) for z < 0; residual yₙ − tₙ.
            const auto r = 1.0 / u;
            auto residual = residualBuffer.head(n);
            residual = (z >= 0.0).select(r, e * r) - T;
            g1 += (residual * X1).sum();
            g2 += (residual * X2).sum();
            g0 += residual.sum();
        }
    }
    return LogRegSums{lossSum, Eigen::Vector3d(g1, g2, g0)};
}

double logRegNll(const LogRegData& data, const Eigen::Vector3d& weights) {
    if (data.size() == 0) return 0.0;
    const LogRegSums sums =
        logRegPass(data.x1.data(), data.x2.data(), data.t.data(), data.size(), weights, false);
    return sums.loss / static_cast<double>(data.size());
}

Eigen::Vector3d logRegGradient(const LogRegData& data, const Eigen::Vector3d& weights) {
    if (data.size() == 0) return Eigen::Vector3d::Zero();
    const LogRegSums sums =
        logRegPass(data.x1.data(), data.x2.data(), data.t.data(), data.size(), weights, true);
    return sums.gradient / static_cast<double>(data.size());
}

} // namespace bpl
