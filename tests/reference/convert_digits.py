#!/usr/bin/python3
"""Converts scikit-learn's copy of the UCI 8×8 digits into resources/data/digits.txt.

A development tool, run once (python3-sklearn is not a build or runtime
dependency): reads sklearn/datasets/data/digits.csv.gz (64 pixel counts 0–16,
then the class 0–9, per line), scales every pixel to p/16 in [0, 1] (exact in
binary, written in the shortest form that reads back exactly, locale-free) and
writes 64 pixels then the class per line, after a header comment naming the
source, the licence and the Debian package version it came from.

    /usr/bin/python3 tests/reference/convert_digits.py resources/data/digits.txt
"""
import gzip
import os
import subprocess
import sys

import sklearn.datasets


def package_version(name):
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", name], capture_output=True,
                              text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def pixel_text(count):
    value = count / 16.0  # exact: a multiple of 2⁻⁴
    return "0" if value == 0 else "1" if value == 1 else repr(value)


def main(out_path):
    source = os.path.join(os.path.dirname(sklearn.datasets.__file__), "data", "digits.csv.gz")
    rows = []
    with gzip.open(source, "rt", encoding="ascii") as f:
        for line in f:
            fields = [float(x) for x in line.strip().split(",")]
            if len(fields) != 65:
                raise SystemExit("unexpected row: %r" % line)
            pixels, label = fields[:64], fields[64]
            assert all(p == int(p) and 0 <= p <= 16 for p in pixels) and label == int(label)
            rows.append(" ".join(pixel_text(int(p)) for p in pixels) + " " + str(int(label)))
    header = [
        "8x8 images of handwritten digits: 64 pixel values in [0, 1] (row by row), then the class 0-9.",
        "Source: UCI Machine Learning Repository, \"Optical Recognition of Handwritten Digits\",",
        "E. Alpaydin and C. Kaynak (1998), licence CC BY 4.0,",
        "https://archive.ics.uci.edu/dataset/80/optical+recognition+of+handwritten+digits",
        "This is the test-set copy shipped with scikit-learn (%d images), taken from" % len(rows),
        "sklearn/datasets/data/digits.csv.gz of Debian's python3-sklearn %s" % package_version("python3-sklearn"),
        "(python3-sklearn-lib %s); pixel counts 0-16 divided by 16 (exact)." % package_version("python3-sklearn-lib"),
        "Converted by tests/reference/convert_digits.py.",
    ]
    with open(out_path, "w", encoding="ascii", newline="\n") as out:
        for line in header:
            out.write("# " + line + "\n")
        for row in rows:
            out.write(row + "\n")
    print("%s: %d rows" % (out_path, len(rows)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "resources/data/digits.txt")
