// Internal to the training engine: the batched forward and backward passes
// over a block of samples (columns), in buffers sized once for `capacity`
// columns, so that training and recording allocate nothing per mini-batch.
// The arithmetic is the stepper's (core/network.h, core/loss.h): the same
// activation functions and derivatives, δ = y − t for the canonical output
// pairs, the same stable loss forms.
#pragma once

#include "core/network.h"

#include <Eigen/Dense>
#include <vector>

namespace bpl::training {

// Zero gradients shaped like the network's weights and biases (entry 0 empty).
Gradients zeroGradients(const Network& network);

class BatchPasses {
  public:
    // Buffers for `network`'s shape and up to `capacity` columns.
    void reserve(const Network& network, int capacity);
    int capacity() const { return capacity_; }

    // The first m columns of the input buffer z⁽⁰⁾, to fill before forward().
    auto input(int m) { return z_[0].leftCols(m); }
    // a⁽ˡ⁾ = W⁽ˡ⁾z⁽ˡ⁻¹⁾ + b⁽ˡ⁾, z⁽ˡ⁾ = h(a⁽ˡ⁾) for the first m columns.
    void forward(const Network& network, int m);
    // δ for every layer from the targets of the m columns (δ⁽ᴸ⁾ scaled by
    // `scale`), then ∂/∂W⁽ˡ⁾ = δ⁽ˡ⁾z⁽ˡ⁻¹⁾ᵀ and ∂/∂b⁽ˡ⁾ = Σ columns of δ⁽ˡ⁾, added to
    // `g` when `accumulate`, else written into it. Scale 1/m gives the mean.
    void backward(const Network& network, const Eigen::Ref<const Eigen::MatrixXd>& targets, int m,
                  double scale, Gradients& g, bool accumulate);
    // Σ over the m columns of the per-sample loss E(y, t).
    double lossSum(const Network& network, const Eigen::Ref<const Eigen::MatrixXd>& targets,
                   int m) const;
    // How many of the m columns have the predicted class (predictedClass) of `labels[first + j]`.
    int correctCount(const std::vector<int>& labels, int first, int m) const;

    const Eigen::MatrixXd& activations(int layer) const {
        return z_[static_cast<std::size_t>(layer)];
    }
    const Eigen::MatrixXd& output() const { return z_.back(); }

  private:
    std::vector<Eigen::MatrixXd> a_, z_, delta_;
    Eigen::RowVectorXd columnScratch_;
    int capacity_ = 0;
};

// Class of output column j: argmax for several outputs, output > 0.5 for one.
int predictedClass(const Eigen::MatrixXd& outputs, Eigen::Index column);

} // namespace bpl::training
