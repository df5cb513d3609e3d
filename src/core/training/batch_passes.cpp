#include "core/training/batch_passes.h"

#include "core/numerics.h"

#include <cmath>
#include <limits>

namespace bpl::training {

Gradients zeroGradients(const Network& network) {
    Gradients g;
    const auto layers = static_cast<std::size_t>(network.layerCount());
    g.weights.resize(layers);
    g.bias.resize(layers);
    g.delta.resize(layers);
    for (std::size_t l = 1; l < layers; ++l) {
        const Layer& layer = network.layers[l];
        g.weights[l] = Eigen::MatrixXd::Zero(layer.weights.rows(), layer.weights.cols());
        g.bias[l] = Eigen::VectorXd::Zero(layer.bias.size());
    }
    return g;
}

void BatchPasses::reserve(const Network& network, int capacity) {
    const auto layers = static_cast<std::size_t>(network.layerCount());
    capacity_ = std::max(capacity, 1);
    a_.resize(layers);
    z_.resize(layers);
    delta_.resize(layers);
    for (std::size_t l = 0; l < layers; ++l) {
        const Eigen::Index rows = network.layers[l].size;
        z_[l].resize(rows, capacity_);
        if (l > 0) {
            a_[l].resize(rows, capacity_);
            delta_[l].resize(rows, capacity_);
        }
    }
    columnScratch_.resize(capacity_);
}

namespace {

template <typename A, typename Z>
void activate(const ActivationFunction& h, const A& a, Z z, Eigen::RowVectorXd& scratch) {
    const Eigen::Index m = a.cols();
    switch (h.kind) {
    case Activation::Identity:
        z = a;
        return;
    case Activation::Sigmoid:
        z = a.unaryExpr([](double v) { return sigmoid(v); });
        return;
    case Activation::Tanh:
        z = a.unaryExpr([](double v) { return std::tanh(v); });
        return;
    case Activation::Relu:
        z = (a.array() > 0).select(a, 0.0);
        return;
    case Activation::LeakyRelu:
        z = (a.array() > 0).select(a, h.alpha * a);
        return;
    case Activation::Step:
        // U(a) as ActivationFunction::applyScalar computes it, U(0) included.
        z = (a.array() > 0)
                .select(Eigen::MatrixXd::Ones(a.rows(), m),
                        (a.array() == 0).select(Eigen::MatrixXd::Constant(a.rows(), m, h.stepAtZero), 0.0));
        return;
    case Activation::Softmax: {
        // softmax(a)_k = e^(a_k − max a) / Σ e^(a_j − max a), column by column.
        auto top = scratch.leftCols(m);
        top = a.colwise().maxCoeff();
        z = (a.rowwise() - top).array().exp().matrix();
        top = z.colwise().sum();
        z.array().rowwise() /= top.array();
        return;
    }
    }
}

// δ ← δ ⊙ h′(a), with h′ as ActivationFunction::derivative computes it.
template <typename A, typename Z, typename D>
void multiplyByDerivative(const ActivationFunction& h, const A& a, const Z& z, D d) {
    switch (h.kind) {
    case Activation::Identity:
        return;
    case Activation::Sigmoid:
    case Activation::Softmax:
        d.array() *= z.array() * (1.0 - z.array());
        return;
    case Activation::Tanh:
        d.array() *= 1.0 - z.array() * z.array();
        return;
    case Activation::Relu:
        d = (a.array() > 0).select(d, 0.0);
        return;
    case Activation::LeakyRelu:
        d = (a.array() > 0).select(d, h.alpha * d);
        return;
    case Activation::Step:
        d.setZero();
        return;
    }
}

// Layers with at most this many weights multiply coefficient by coefficient:
// for them the blocked GEMM's packing costs more than the arithmetic.
constexpr Eigen::Index kSmallLayer = 256;

// dst = lhs · rhs (or dst += lhs · rhs), the product chosen by the layer's size.
template <typename Dst, typename Lhs, typename Rhs>
void multiply(Dst&& dst, const Lhs& lhs, const Rhs& rhs, bool small, bool add = false) {
    if (small) {
        if (add)
            dst.noalias() += lhs.lazyProduct(rhs);
        else
            dst.noalias() = lhs.lazyProduct(rhs);
    } else if (add) {
        dst.noalias() += lhs * rhs;
    } else {
        dst.noalias() = lhs * rhs;
    }
}

bool isSmall(const Layer& layer) {
    return layer.weights.size() <= kSmallLayer;
}

} // namespace

void BatchPasses::forward(const Network& network, int m) {
    for (int l = 1; l < network.layerCount(); ++l) {
        const auto i = static_cast<std::size_t>(l);
        const Layer& layer = network.layers[i];
        auto a = a_[i].leftCols(m);
        multiply(a, layer.weights, z_[i - 1].leftCols(m), isSmall(layer));
        a.colwise() += layer.bias;
        activate(layer.activation, a, z_[i].leftCols(m), columnScratch_);
    }
}

void BatchPasses::backward(const Network& network, const Eigen::Ref<const Eigen::MatrixXd>& targets,
                           int m, double scale, Gradients& g, bool accumulate) {
    const auto last = static_cast<std::size_t>(network.lastLayer());
    const Layer& out = network.layers[last];
    {
        auto d = delta_[last].leftCols(m);
        const auto y = z_[last].leftCols(m);
        const auto t = targets.leftCols(m);
        if (outputDeltaIsResidual(network.loss, out.activation.kind)) {
            d = scale * (y - t); // δ⁽ᴸ⁾ = y − t
        } else {
            // δ⁽ᴸ⁾ = h′(a⁽ᴸ⁾) ⊙ ∂E/∂y, ∂E/∂y as lossGradient computes it.
            const double tiny = 1e-300;
            switch (network.loss) {
            case Loss::HalfSquaredError:
                d = scale * (y - t);
                break;
            case Loss::SquaredError:
                d = (2.0 * scale) * (y - t);
                break;
            case Loss::MeanSquaredError:
                d = (2.0 / static_cast<double>(y.rows()) * scale) * (y - t);
                break;
            case Loss::BinaryCrossEntropy:
                d = scale * (-t.array() / y.array().max(tiny) +
                             (1.0 - t.array()) / (1.0 - y.array()).max(tiny))
                                .matrix();
                break;
            case Loss::CrossEntropy:
                d = scale * (-t.array() / y.array().max(tiny)).matrix();
                break;
            }
            multiplyByDerivative(out.activation, a_[last].leftCols(m), y, d);
        }
    }
    // δ⁽ˡ⁾ = h′(a⁽ˡ⁾) ⊙ (W⁽ˡ⁺¹⁾)ᵀ δ⁽ˡ⁺¹⁾
    for (std::size_t l = last - 1; l >= 1; --l) {
        auto d = delta_[l].leftCols(m);
        const Layer& next = network.layers[l + 1];
        multiply(d, next.weights.transpose(), delta_[l + 1].leftCols(m), isSmall(next));
        multiplyByDerivative(network.layers[l].activation, a_[l].leftCols(m), z_[l].leftCols(m), d);
    }
    for (std::size_t l = 1; l <= last; ++l) {
        const auto d = delta_[l].leftCols(m);
        multiply(g.weights[l], d, z_[l - 1].leftCols(m).transpose(), isSmall(network.layers[l]),
                 accumulate);
        if (accumulate) {
            g.bias[l].noalias() += d.rowwise().sum();
        } else {
            g.bias[l].noalias() = d.rowwise().sum();
        }
    }
}

double BatchPasses::lossSum(const Network& network,
                            const Eigen::Ref<const Eigen::MatrixXd>& targets, int m) const {
    const auto last = static_cast<std::size_t>(network.lastLayer());
    const Activation out = network.layers[last].activation.kind;
    const Eigen::MatrixXd& a = a_[last];
    const Eigen::MatrixXd& y = z_[last];
    const Eigen::Index k = y.rows();
    const double tiny = std::numeric_limits<double>::min();
    double total = 0;
    for (Eigen::Index j = 0; j < m; ++j) {
        double e = 0;
        switch (network.loss) {
        case Loss::HalfSquaredError:
            e = 0.5 * (y.col(j) - targets.col(j)).squaredNorm();
            break;
        case Loss::SquaredError:
            e = (y.col(j) - targets.col(j)).squaredNorm();
            break;
        case Loss::MeanSquaredError:
            e = (y.col(j) - targets.col(j)).squaredNorm() / static_cast<double>(k);
            break;
        case Loss::BinaryCrossEntropy:
            for (Eigen::Index r = 0; r < k; ++r) {
                const double t = targets(r, j);
                // ln y and ln(1 − y): log-sigmoid of ±a for a sigmoid unit, else
                // clamped logs; each only where its factor is not 0.
                const bool sig = out == Activation::Sigmoid;
                if (t != 0.0)
                    e -= t * (sig ? logSigmoid(a(r, j)) : std::log(std::max(y(r, j), tiny)));
                if (t != 1.0)
                    e -= (1.0 - t) *
                         (sig ? logSigmoid(-a(r, j)) : std::log(std::max(1.0 - y(r, j), tiny)));
            }
            break;
        case Loss::CrossEntropy: {
            double logSum = 0;
            if (out == Activation::Softmax) {
                const double top = a.col(j).maxCoeff();
                logSum = top + std::log((a.col(j).array() - top).exp().sum());
            }
            for (Eigen::Index r = 0; r < k; ++r) {
                const double t = targets(r, j);
                if (t == 0.0)
                    continue;
                const double lnY = out == Activation::Softmax ? a(r, j) - logSum
                                                              : std::log(std::max(y(r, j), tiny));
                e -= t * lnY;
            }
            break;
        }
        }
        total += e;
    }
    return total;
}

int predictedClass(const Eigen::MatrixXd& outputs, Eigen::Index column) {
    if (outputs.rows() == 1)
        return outputs(0, column) > 0.5 ? 1 : 0;
    Eigen::Index best = 0;
    outputs.col(column).maxCoeff(&best);
    return static_cast<int>(best);
}

int BatchPasses::correctCount(const std::vector<int>& labels, int first, int m) const {
    int correct = 0;
    for (int j = 0; j < m; ++j) {
        correct +=
            predictedClass(z_.back(), j) == labels[static_cast<std::size_t>(first + j)] ? 1 : 0;
    }
    return correct;
}

} // namespace bpl::training
