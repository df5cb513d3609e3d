#!/usr/bin/python3
"""Pooling, forward and backward, written out in NumPy from PyTorch's
definitions (MaxPool2d, AvgPool2d with count_include_pad=True,
AdaptiveMaxPool2d, AdaptiveAvgPool2d) and teaching-content.md section 12,
independently of the C++ code. Checks `backprop-lab pool --format json` on
hand-made cases (ties, overlapping windows, padding, adaptive sizes where n/m
is not whole) and on seeded random ones:

    /usr/bin/python3 tests/reference/pooling.py build/backprop-lab

Exit status 0 when every case agrees to 1e-12, 1 otherwise.
"""
import json
import subprocess
import sys

import numpy as np


def pool_reference(x, kind, k=2, s=None, p=0, size=None, g=None):
    n, nc = x.shape
    if kind.startswith("adaptive"):
        m, mc = size
        rows = [(i * n // m, -(-((i + 1) * n) // m)) for i in range(m)]
        cols = [(j * nc // mc, -(-((j + 1) * nc) // mc)) for j in range(mc)]
    else:
        s = s or k
        m = (n + 2 * p - k) // s + 1
        mc = (nc + 2 * p - k) // s + 1
        rows = [(i * s - p, i * s - p + k) for i in range(m)]
        cols = [(j * s - p, j * s - p + k) for j in range(mc)]
    g = np.ones((m, mc)) if g is None else g
    out = np.zeros((m, mc))
    grad = np.zeros_like(x)
    for i, (r0, r1) in enumerate(rows):
        for j, (c0, c1) in enumerate(cols):
            if kind.endswith("max"):
                # Padding is −inf: the window clipped to X; the first maximum
                # in row-major order takes the gradient (PyTorch's choice).
                a0, a1, b0, b1 = max(r0, 0), min(r1, n), max(c0, 0), min(c1, nc)
                block = x[a0:a1, b0:b1]
                flat = int(np.argmax(block))  # first occurrence of the maximum
                a, b = divmod(flat, block.shape[1])
                out[i, j] = block[a, b]
                grad[a0 + a, b0 + b] += g[i, j]
            else:
                padded = np.zeros((n + 2 * p, nc + 2 * p))
                padded[p:p + n, p:p + nc] = x
                block = padded[r0 + p:r1 + p, c0 + p:c1 + p]
                divisor = k * k if kind == "average" else block.size
                out[i, j] = block.sum() / divisor
                share = np.zeros_like(padded)
                share[r0 + p:r1 + p, c0 + p:c1 + p] = g[i, j] / divisor
                grad += share[p:p + n, p:p + nc]
    return out, grad


def run(binary, x, kind, k=2, s=None, p=0, size=None, g=None):
    args = [binary, "pool", "--format", "json", "--kind", kind,
            "--input", json.dumps(x.tolist())]
    if kind.startswith("adaptive"):
        args += ["--size", "%dx%d" % size]
    else:
        args += ["--window", str(k), "--padding", str(p)]
        if s:
            args += ["--stride", str(s)]
    if g is not None:
        args += ["--grad-output", json.dumps(g.tolist())]
    done = subprocess.run(args, capture_output=True, check=True)
    result = json.loads(done.stdout)
    return np.array(result["output"], dtype=float), np.array(result["grad_input"], dtype=float)


def main():
    binary = sys.argv[1]
    x4 = np.array([[1, 3, 2, 1], [2, 4, 1, 0], [5, 1, 0, 2], [1, 2, 3, 3]], dtype=float)
    ties = np.array([[7, 7, 1], [7, 2, 7], [0, 7, 7]], dtype=float)
    cases = [
        (x4, "max", 2, None, 0, None),
        (x4, "average", 2, None, 0, None),
        (x4, "max", 3, 1, 0, None),          # overlapping windows add
        (x4, "average", 3, 1, 1, None),      # padding counted as 0, divisor 9
        (x4, "max", 2, 1, 1, None),          # padding never wins
        (ties, "max", 2, 1, 0, None),        # ties: the first maximum
        (ties, "average", 2, 1, 0, None),
        (np.arange(35, dtype=float).reshape(5, 7), "adaptive-average", 0, None, 0, (3, 4)),
        (np.arange(35, dtype=float).reshape(5, 7), "adaptive-max", 0, None, 0, (3, 4)),
        (x4, "adaptive-average", 0, None, 0, (3, 3)),  # 4/3 not whole: windows overlap
    ]
    rng = np.random.default_rng(12)
    for _ in range(30):
        n, nc = rng.integers(2, 8, size=2)
        x = np.round(rng.normal(size=(n, nc)) * 4) / 2  # halves: ties happen
        kind = ["max", "average", "adaptive-max", "adaptive-average"][rng.integers(4)]
        if kind.startswith("adaptive"):
            cases.append((x, kind, 0, None, 0, (int(rng.integers(1, n + 2)), int(rng.integers(1, nc + 2)))))
        else:
            k = int(rng.integers(1, min(n, nc) + 1))
            cases.append((x, kind, k, int(rng.integers(1, k + 1)), int(rng.integers(0, k // 2 + 1)), None))
    failures = 0
    for number, (x, kind, k, s, p, size) in enumerate(cases):
        want_out, _ = pool_reference(x, kind, k, s, p, size)
        g = np.round(rng.normal(size=want_out.shape) * 8) / 4
        want_out, want_grad = pool_reference(x, kind, k, s, p, size, g)
        got_out, got_grad = run(binary, x, kind, k, s, p, size, g)
        if got_out.shape != want_out.shape or not np.allclose(got_out, want_out, rtol=0, atol=1e-12) \
                or not np.allclose(got_grad, want_grad, rtol=0, atol=1e-12):
            failures += 1
            print("case %d (%s, k=%s, s=%s, p=%s, size=%s) differs:\n X=%s\n P=%s\n want %s\n dX=%s\n want %s"
                  % (number, kind, k, s, p, size, x.tolist(), got_out.tolist(), want_out.tolist(),
                     got_grad.tolist(), want_grad.tolist()))
    print("pooling: %d cases, %d differ from the NumPy reference" % (len(cases), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
