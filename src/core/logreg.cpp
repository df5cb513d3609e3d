#include "core/logreg.h"

#include "core/common/batch_size.h"
#include "core/numerics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

namespace bpl {

Eigen::Index LogRegData::countOf(int label) const {
    return (t == static_cast<double>(label)).count();
}

const char* methodId(LogRegMethod method) {
    switch (method) {
    case LogRegMethod::GradientDescent:
        return "gd";
    case LogRegMethod::Stochastic:
        return "sgd";
    case LogRegMethod::MiniBatch:
        return "minibatch";
    }
    return "gd";
}

bool methodFromId(const std::string& id, LogRegMethod& method) {
    for (LogRegMethod m :
         {LogRegMethod::GradientDescent, LogRegMethod::Stochastic, LogRegMethod::MiniBatch}) {
        if (id == methodId(m)) {
            method = m;
            return true;
        }
    }
    return false;
}

const char* methodLabel(LogRegMethod method) {
    switch (method) {
    case LogRegMethod::GradientDescent:
        return "GD";
    case LogRegMethod::Stochastic:
        return "SGD";
    case LogRegMethod::MiniBatch:
        return "Mini-batch";
    }
    return "GD";
}

const char* stopId(LogRegStop stop) {
    switch (stop) {
    case LogRegStop::Running:
        return "running";
    case LogRegStop::Tolerance:
        return "tolerance";
    case LogRegStop::MaxIter:
        return "max_iter";
    case LogRegStop::Diverged:
        return "diverged";
    case LogRegStop::Cancelled:
        return "cancelled";
    }
    return "running";
}

int effectiveBatchSize(const LogRegOptions& options, Eigen::Index dataSize) {
    switch (options.method) {
    case LogRegMethod::GradientDescent:
        return static_cast<int>(dataSize);
    case LogRegMethod::Stochastic:
        return 1;
    case LogRegMethod::MiniBatch:
        return effectiveBatchSize(options.batchSize, static_cast<int>(dataSize));
    }
    return 1;
}

std::string optionsProblem(const LogRegOptions& options, Eigen::Index dataSize) {
    std::ostringstream why;
    if (dataSize < 1)
        return "the data set has no points";
    if (!std::isfinite(options.learningRate) || options.learningRate <= 0) {
        why << "learning rate η must be a finite number greater than 0, found "
            << options.learningRate;
    } else if (options.maxIter < 1 || options.maxIter > kMaxRecordedIterations) {
        why << "max iterations must be from 1 to " << kMaxRecordedIterations << ", found "
            << options.maxIter;
    } else if (!std::isfinite(options.tolerance) || options.tolerance < 0) {
        why << "tolerance must be a finite number ≥ 0, found " << options.tolerance;
    } else if (!options.initialWeights.allFinite()) {
        why << "start weights must be finite numbers";
    } else if (options.method == LogRegMethod::MiniBatch && options.batchSize < 1) {
        // A batch larger than the data set runs as B = N (effectiveBatchSize).
        why << "batch size must be at least 1, found " << options.batchSize;
    }
    return why.str();
}

std::optional<SlopeIntercept> separatorSlopeIntercept(const Eigen::Vector3d& w) {
    const double w1 = w(0), w2 = w(1), w0 = w(2);
    if (w2 == 0.0 || !w.allFinite())
        return std::nullopt;
    if (std::abs(w2) <= kVerticalRatio * std::max(std::abs(w1), std::abs(w0)))
        return std::nullopt;
    return SlopeIntercept{-w1 / w2, -w0 / w2};
}

bool separatorPathBreaks(const Eigen::Vector3d& from, const Eigen::Vector3d& to) {
    if (!separatorSlopeIntercept(from) || !separatorSlopeIntercept(to))
        return true;
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
    if (c == 0.0 || !w.allFinite())
        return std::nullopt;
    auto v = [&](double u) { return std::clamp(-(a * u + w(2)) / c, vMin, vMax); };
    double lo = uMin, hi = uMax;
    if (a == 0.0) {
        const double v0 = -w(2) / c;
        if (v0 < vMin || v0 > vMax)
            return std::nullopt;
    } else {
        // u where the line meets v = vMin and v = vMax.
        const double ua = -(c * vMin + w(2)) / a;
        const double ub = -(c * vMax + w(2)) / a;
        lo = std::max(uMin, std::min(ua, ub));
        hi = std::min(uMax, std::max(ua, ub));
        if (!(lo <= hi))
            return std::nullopt;
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

namespace ei = Eigen::internal;
using Packet = ei::packet_traits<double>::type; // 8 doubles with AVX-512, 4 with AVX, 2 with SSE2

// e^x for x ≤ 0 with polynomials only (no division, unlike Eigen's exp):
// x = k ln 2 + r with |r| ≤ ln 2 / 2 (Cody–Waite, two-part ln 2), e^r by its
// Taylor series to r¹³/13! (error below 2⁻⁵³), e^x = 2^k e^r. Inputs below
// −708 are clamped (e^−708 ≈ 3e−308 is as good as 0 for a loss term).
inline Packet expNonPositive(Packet x) {
    x = ei::pmax(x, ei::pset1<Packet>(-708.0));
    const Packet shifter = ei::pset1<Packet>(0x1.8p52); // adding it rounds to an integer
    const Packet k =
        ei::psub(ei::pmadd(x, ei::pset1<Packet>(1.4426950408889634), shifter), shifter);
    Packet r = ei::pmadd(k, ei::pset1<Packet>(-6.93147180369123816490e-01), x);
    r = ei::pmadd(k, ei::pset1<Packet>(-1.90821492927058770002e-10), r);
    static constexpr double inverseFactorial[] = {1.0 / 6227020800.0,
                                                  1.0 / 479001600.0,
                                                  1.0 / 39916800.0,
                                                  1.0 / 3628800.0,
                                                  1.0 / 362880.0,
                                                  1.0 / 40320.0,
                                                  1.0 / 5040.0,
                                                  1.0 / 720.0,
                                                  1.0 / 120.0,
                                                  1.0 / 24.0,
                                                  1.0 / 6.0,
                                                  1.0 / 2.0,
                                                  1.0,
                                                  1.0}; // 1/13!, …, 1/1!, 1/0!
    Packet p = ei::pset1<Packet>(inverseFactorial[0]);
    for (int j = 1; j < 14; ++j)
        p = ei::pmadd(p, r, ei::pset1<Packet>(inverseFactorial[j]));
    return ei::pldexp(p, k);
}

// For e ∈ [0, 1]: ln(1 + e) and r = 1/(1 + e) with one division.
// ln(1 + e) = 2 atanh(s) = 2s (1 + s²/3 + s⁴/5 + …) with s = e/(2 + e) ≤ 1/3,
// so 17 terms reach double precision; s and r share the divisor (1 + e)(2 + e).
inline void log1pAndReciprocal(const Packet& e, Packet& log1pE, Packet& r) {
    const Packet one = ei::pset1<Packet>(1.0);
    const Packet u = ei::padd(one, e), v = ei::padd(ei::pset1<Packet>(2.0), e);
    const Packet inverse = ei::pdiv(one, ei::pmul(u, v));
    r = ei::pmul(v, inverse);
    const Packet s = ei::pmul(ei::pmul(e, u), inverse);
    const Packet s2 = ei::pmul(s, s);
    Packet series = ei::pset1<Packet>(1.0 / 33.0);
    for (int j = 15; j >= 0; --j)
        series = ei::pmadd(series, s2, ei::pset1<Packet>(1.0 / (2 * j + 1)));
    log1pE = ei::pmul(ei::padd(s, s), series);
}

} // namespace

// One fused pass: every point is loaded once and everything is computed in
// SIMD registers (as wide as the build allows: SSE2, AVX2 or AVX-512), then a
// scalar tail with the same formulas.
//   z = w·x, e = exp(−|z|),
//   loss += softplus(s z) = max(s z, 0) + ln(1 + e) with s = 1 − 2t,
//   y = σ(z) = 1/(1 + e) for z ≥ 0, e/(1 + e) for z < 0; grad += (y − t) x.
LogRegSums logRegPass(const double* x1, const double* x2, const double* t, Eigen::Index count,
                      const Eigen::Vector3d& w, bool withGradient) {
    constexpr double kNan = std::numeric_limits<double>::quiet_NaN();
    if (!w.allFinite())
        return LogRegSums{kNan, Eigen::Vector3d::Constant(kNan)};
    constexpr Eigen::Index width = ei::packet_traits<double>::size;
    const Packet w1 = ei::pset1<Packet>(w(0)), w2 = ei::pset1<Packet>(w(1)),
                 w0 = ei::pset1<Packet>(w(2));
    const Packet one = ei::pset1<Packet>(1.0), two = ei::pset1<Packet>(2.0), zero = ei::pzero(one);
    Packet loss = zero, g1 = zero, g2 = zero, g0 = zero;
    Eigen::Index n = 0;
    for (; n + width <= count; n += width) {
        const Packet X1 = ei::ploadu<Packet>(x1 + n), X2 = ei::ploadu<Packet>(x2 + n);
        const Packet T = ei::ploadu<Packet>(t + n);
        const Packet z = ei::pmadd(w1, X1, ei::pmadd(w2, X2, w0));
        const Packet e = expNonPositive(ei::pnegate(ei::pabs(z)));
        Packet log1pE, r;
        log1pAndReciprocal(e, log1pE, r);
        const Packet sz = ei::pmul(ei::psub(one, ei::pmul(two, T)), z);
        loss = ei::padd(loss, ei::padd(ei::pmax(sz, zero), log1pE));
        if (withGradient) {
            const Packet y = ei::pselect(ei::pcmp_lt(z, zero), ei::pmul(e, r), r);
            const Packet residual = ei::psub(y, T);
            g1 = ei::pmadd(residual, X1, g1);
            g2 = ei::pmadd(residual, X2, g2);
            g0 = ei::padd(g0, residual);
        }
    }
    double lossSum = ei::predux(loss);
    double s1 = ei::predux(g1), s2 = ei::predux(g2), s0 = ei::predux(g0);
    for (; n < count; ++n) {
        const double z = w(0) * x1[n] + w(1) * x2[n] + w(2);
        const double e = std::exp(-std::abs(z));
        lossSum += std::max((1.0 - 2.0 * t[n]) * z, 0.0) + std::log1p(e);
        if (withGradient) {
            const double r = 1.0 / (1.0 + e);
            const double residual = (z < 0 ? e * r : r) - t[n];
            s1 += residual * x1[n];
            s2 += residual * x2[n];
            s0 += residual;
        }
    }
    return LogRegSums{lossSum, Eigen::Vector3d(s1, s2, s0)};
}

double logRegNll(const LogRegData& data, const Eigen::Vector3d& weights) {
    if (data.size() == 0)
        return 0.0;
    const LogRegSums sums =
        logRegPass(data.x1.data(), data.x2.data(), data.t.data(), data.size(), weights, false);
    return sums.loss / static_cast<double>(data.size());
}

Eigen::Vector3d logRegGradient(const LogRegData& data, const Eigen::Vector3d& weights) {
    if (data.size() == 0)
        return Eigen::Vector3d::Zero();
    const LogRegSums sums =
        logRegPass(data.x1.data(), data.x2.data(), data.t.data(), data.size(), weights, true);
    return sums.gradient / static_cast<double>(data.size());
}

} // namespace bpl
