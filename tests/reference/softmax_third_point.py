#!/usr/bin/python3
"""The ⅓ point of a trained 3-class softmax regression (teaching-content.md
section 4), solved independently of the C++ code: `backprop-lab train` trains
the three_blobs example and saves the network; NumPy reads W and b from the
saved file and solves the 2×2 system a₀ = a₁, a₀ = a₂ of a = Wx + b:

    (w₀ − w₁)·x = b₁ − b₀,  (w₀ − w₂)·x = b₂ − b₀

and checks `softmax_regions` of train's JSON against it (the point to 1e-9
relative, each tie's weights and bias to 1e-12), then `trace --input` at the
point on the saved file gives three outputs of ⅓ (to 1e-9), and p_c = p_d on
each tie line. Run as

    /usr/bin/python3 tests/reference/softmax_third_point.py build/backprop-lab SOURCE_DIR

Exit status 0 when everything agrees, 1 otherwise.
"""
import json
import os
import subprocess
import sys
import tempfile

import numpy as np


def softmax(a):
    e = np.exp(a - a.max())
    return e / e.sum()


def main():
    binary, source = sys.argv[1], sys.argv[2]
    example = os.path.join(source, "resources", "examples", "three_blobs_softmax.json")
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        saved = os.path.join(tmp, "trained.json")
        out = subprocess.run([binary, "train", example, "--epochs", "40", "--format", "json",
                              "--save-network", saved], capture_output=True, text=True)
        if out.returncode != 0:
            print("train failed:", out.stderr)
            return 1
        run = json.loads(out.stdout)["runs"][0]
        with open(saved) as f:
            layer = json.load(f)["layers"][1]
        w = np.array(layer["weights"], dtype=float)
        b = np.array(layer["bias"], dtype=float)
        m = np.array([w[0] - w[1], w[0] - w[2]])
        rhs = np.array([b[1] - b[0], b[2] - b[0]])
        x = np.linalg.solve(m, rhs)
        regions = run["softmax_regions"]
        got = np.array(regions["third_point"])
        if not np.allclose(got, x, rtol=1e-9, atol=1e-12):
            failures.append(f"third_point {got} against NumPy {x}")
        pairs = [(0, 1), (0, 2), (1, 2)]
        if [t["classes"] for t in regions["ties"]] != [list(p) for p in pairs]:
            failures.append(f"tie pairs {[t['classes'] for t in regions['ties']]}")
        for tie, (c, d) in zip(regions["ties"], pairs):
            if not np.allclose(tie["weights"], w[c] - w[d], rtol=0, atol=1e-12) or \
                    abs(tie["bias"] - (b[c] - b[d])) > 1e-12:
                failures.append(f"tie ({c},{d}): {tie}")
            # A point on the line away from the ⅓ point: p_c = p_d there.
            normal = w[c] - w[d]
            on_line = x + 2.0 * np.array([-normal[1], normal[0]]) / np.linalg.norm(normal)
            p = softmax(w @ on_line + b)
            if abs(p[c] - p[d]) > 1e-12:
                failures.append(f"tie ({c},{d}) at {on_line}: p = {p}")
        if not np.allclose(softmax(w @ x + b), 1 / 3, atol=1e-12):
            failures.append(f"NumPy's softmax at x: {softmax(w @ x + b)}")
        inputs = ",".join(repr(float(v)) for v in got)
        trace = subprocess.run([binary, "trace", saved, "--input", inputs, "--format", "json"],
                               capture_output=True, text=True)
        if trace.returncode != 0:
            failures.append("trace failed: " + trace.stderr)
        else:
            doc = json.loads(trace.stdout)
            output = np.array(doc["output"])
            if not np.allclose(output, 1 / 3, rtol=0, atol=1e-9):
                failures.append(f"trace --input {inputs}: output {output}")
    for f in failures:
        print("FAIL:", f)
    print(f"softmax third point: {len(failures)} failure(s); x = {x}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
