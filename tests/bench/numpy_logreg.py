#!/usr/bin/env python3
"""NumPy reference for `backprop-lab bench logreg`: the same logistic-regression
algorithm (shared/spec/logreg.md) written the way a student would in NumPy,
timed on the same kind of data, printing points·iterations per second.

  python3 tests/bench/numpy_logreg.py [--points N] [--iters K] [--sgd-epochs E] [--sgd-points M]

GD is vectorised (one matrix-vector product, stable softplus and sigmoid, one
more product for the gradient per iteration). SGD visits the points one by one
in a Python loop (the algorithm is sequential), then evaluates the NLL once per
epoch, vectorised. Uses the Debian package python3-numpy.
"""
import argparse
import time

import numpy as np


def two_gaussians(points, seed=2):
    """Two round Gaussian classes, means (2, -7) and (0, -3), spread 1.3."""
    rng = np.random.default_rng(seed)
    half = points // 2
    x0 = rng.normal((2.0, -7.0), 1.3, size=(half, 2))
    x1 = rng.normal((0.0, -3.0), 1.3, size=(points - half, 2))
    X = np.vstack([x0, x1])
    t = np.concatenate([np.zeros(half), np.ones(points - half)])
    order = rng.permutation(points)
    X, t = X[order], t[order]
    # Design matrix with the bias column: x = (x1, x2, 1).
    return np.column_stack([X, np.ones(points)]), t


def nll_and_gradient(A, t, w):
    """NLL(w) = mean softplus(s z), s = 1 - 2t, and its gradient, stably."""
    z = A @ w
    e = np.exp(-np.abs(z))
    nll = np.mean(np.maximum((1.0 - 2.0 * t) * z, 0.0) + np.log1p(e))
    y = np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))
    gradient = A.T @ (y - t) / len(t)
    return nll, gradient


def nll_only(A, t, w):
    z = A @ w
    return np.mean(np.maximum((1.0 - 2.0 * t) * z, 0.0) + np.log1p(np.exp(-np.abs(z))))


def gd(A, t, eta, iters, w0=(0.1, 0.0, 0.0)):
    w = np.array(w0, dtype=float)
    nll, gradient = nll_and_gradient(A, t, w)
    history = [nll]
    for _ in range(iters):
        w = w - eta * gradient
        nll, gradient = nll_and_gradient(A, t, w)
        history.append(nll)
    return w, history


def sgd(A, t, eta, epochs, w0=(0.1, 0.0, 0.0)):
    w = np.array(w0, dtype=float)
    history = [nll_only(A, t, w)]
    for _ in range(epochs):
        for n in range(len(t)):
            y = 1.0 / (1.0 + np.exp(-(A[n] @ w)))
            w -= eta * (y - t[n]) * A[n]
        history.append(nll_only(A, t, w))
    return w, history


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=1_000_000)
    parser.add_argument("--iters", type=int, default=20, help="GD iterations (as bench logreg)")
    parser.add_argument("--sgd-epochs", type=int, default=1)
    parser.add_argument("--sgd-points", type=int, default=None,
                        help="points for the (slow) SGD loop, default all; the rate per point is what counts")
    args = parser.parse_args()

    A, t = two_gaussians(args.points)
    start = time.perf_counter()
    _, history = gd(A, t, 0.05, args.iters)
    seconds = time.perf_counter() - start
    print(f"numpy gd : {args.points} points x {args.iters} iterations in {seconds:.3f} s = "
          f"{args.points * args.iters / seconds / 1e6:.2f} M points*iterations/s "
          f"(NLL {history[0]:.4f} -> {history[-1]:.4f})")

    n = min(args.sgd_points or args.points, args.points)
    A_sgd, t_sgd = A[:n], t[:n]
    start = time.perf_counter()
    _, history = sgd(A_sgd, t_sgd, 0.05, args.sgd_epochs)
    seconds = time.perf_counter() - start
    print(f"numpy sgd: {n} points x {args.sgd_epochs} epochs in {seconds:.3f} s = "
          f"{n * args.sgd_epochs / seconds / 1e6:.3f} M points*epochs/s "
          f"(NLL {history[0]:.4f} -> {history[-1]:.4f})")


if __name__ == "__main__":
    main()
