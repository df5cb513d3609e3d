#!/bin/sh
# The resources test (CTest label "resources"): each documented limit's worst
# case (docs/limits.md; src/core/common/limits.h) runs under a
# 3 GB address-space limit (ulimit -v) and a time limit, and each refusal comes
# at once with the limit named. Usage: worst_cases.sh BACKPROP_LAB SOURCE_DIR.
# Prints each case's wall and CPU time and peak memory (GNU time when present).
set -eu
exe=$1
src=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
failures=0

# case NAME SECONDS EXPECTED_EXIT [STDERR_TEXT] -- ARGS…: runs the binary under the limits.
case_() {
    name=$1 seconds=$2 expected=$3 text=$4
    shift 5
    start=$(date +%s%N)
    set +e
    if [ -x /usr/bin/time ]; then
        (ulimit -v 3000000; exec timeout "$seconds" /usr/bin/time -f "%M %U" -o mem.txt "$exe" "$@") >out.txt 2>err.txt
    else
        echo 0 0 >mem.txt
        (ulimit -v 3000000; exec timeout "$seconds" "$exe" "$@") >out.txt 2>err.txt
    fi
    code=$?
    set -e
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$code" -ne "$expected" ]; then
        echo "FAIL $name: exit $code, expected $expected (124: over ${seconds} s)"
        head -c 400 err.txt
        failures=$((failures + 1))
    elif [ -n "$text" ] && ! grep -qF -- "$text" err.txt; then
        echo "FAIL $name: stderr lacks: $text"
        head -c 400 err.txt
        failures=$((failures + 1))
    else
        set -- $(tail -n 1 mem.txt)
        printf 'ok   %-58s %7d ms (%s s CPU) %6d MB peak %10d bytes out\n' "$name" "$ms" "$2" \
            "$(( $1 / 1024 ))" "$(wc -c <out.txt)"
    fi
}

python3 - <<'PY'
import json, random
random.seed(1)
def net(sizes, out="sigmoid", loss="binary_cross_entropy", hidden="tanh"):
    layers = [{"size": sizes[0]}]
    for l in range(1, len(sizes)):
        layers.append({"size": sizes[l], "activation": out if l == len(sizes) - 1 else hidden,
                       "weights": [[round(random.uniform(-0.1, 0.1), 3) for _ in range(sizes[l - 1])]
                                   for _ in range(sizes[l])],
                       "bias": [0] * sizes[l]})
    return {"format": "backprop-lab.network/1", "layers": layers, "loss": loss,
            "learning_rate": 0.1,
            "sample": {"input": [0.5] * sizes[0], "target": [1] + [0] * (sizes[-1] - 1)}}
json.dump(net([300, 300, 30], "softmax", "cross_entropy"), open("n99k.json", "w"))
json.dump(net([1, 4096], "softmax", "cross_entropy"), open("softmax4096.json", "w"))
json.dump(net([2, 8, 8, 1]), open("n2881.json", "w"))
keys = net([2, 8, 8, 1])
keys["unknown_object"] = {"k%06d" % i: i for i in range(100000)}
json.dump(keys, open("keys100k.json", "w"))
open("rows4881.txt", "w").write("".join("%d %d\n" % (k % 100, k % 4096) for k in range(4881)))
open("rows244.txt", "w").write("".join("%d %d\n" % (k % 100, k % 4096) for k in range(244)))
open("rows65536.txt", "w").write("".join("%d %d\n" % (k % 100, k % 4096) for k in range(65536)))
open("rows300.txt", "w").write("".join(
    " ".join("%.2f" % random.random() for _ in range(300)) + " %d\n" % (k % 30) for k in range(2013)))
open("xor.txt", "w").write("0 0 0\n0 1 1\n1 0 1\n1 1 0\n")
with open("points.txt", "w") as f:
    for k in range(500000):
        t = k % 2
        f.write("%.3f %.3f %d\n" % (random.gauss(2 * t, 1), random.gauss(t, 1), t))
def ones(n):
    return "[" + ", ".join(["[" + ", ".join(["1"] * n) + "]"] * n) + "]"
for n in (5, 6, 64):
    open("ones%d.txt" % n, "w").write(ones(n))
open("product.txt", "w").write("x" + "*x" * 4999)
open("sum.txt", "w").write("x" + "+x" * 4999)
PY
sed 's/"answer_decimals": 4/"answer_decimals": 0/' "$src/resources/examples/sheet5_321_exercise.json" >nothing.json

# conv: 100,000 products (outputs × filter entries).
case_ "conv 64×64 * 5×5 (90,000 products)" 60 0 "" -- conv --input ones64.txt --filter ones5.txt --format json
case_ "conv 64×64 * 64×64, padding 63: refused" 5 3 "at most 100000 products" -- conv --input ones64.txt --filter ones64.txt --padding 63
# train: rows × (inputs + outputs) while reading; rows × neurons; row-parameter-epochs.
case_ "train 1→4096 softmax, 4,881 rows (20M values)" 120 0 "" -- train softmax4096.json rows4881.txt --epochs 1
case_ "train 1→4096 softmax, 65,536 rows: refused" 10 3 "at most 20000000 values" -- train softmax4096.json rows65536.txt --epochs 1
case_ "train 300-300-30 (99,330 weights), 2,013 rows, 5 epochs" 120 0 "" -- train n99k.json rows300.txt --epochs 5
case_ "train 99,330 weights × 2,013 rows × 10⁶ epochs: refused" 10 3 "row-parameter-epochs" -- train n99k.json rows300.txt --epochs 1000000
# topk: samples × classes in the table of ranks.
case_ "topk 1→4096 softmax, 244 rows (999,424 scores)" 120 0 "" -- topk softmax4096.json rows244.txt --k 5
case_ "topk 1→4096 softmax, 4,881 rows: refused" 10 3 "scores (samples × classes)" -- topk softmax4096.json rows4881.txt
# train: recorded values per epoch × epochs × runs (thinned past 10⁷).
case_ "train 2-8-8-1, 4 rows, 10⁶ epochs × 3 η (thinned)" 300 0 "note: recording every" -- train n2881.json xor.txt --epochs 1000000 --etas 0.1,0.2,0.3 --split 100,0,0
# trace --passes: passes × weights and biases.
case_ "trace --passes 5000 on 99,330 weights (adam)" 120 0 "" -- trace n99k.json --passes 5000 --optimizer adam
case_ "trace --passes 100000 on 99,330 weights: refused" 5 2 "traced parameters" -- trace n99k.json --passes 100000
# logreg: points × max iterations × runs.
case_ "logreg 500,000 points × 1,000 iterations (gd)" 120 0 "" -- logreg points.txt --etas 0.5 --max-iter 1000 --tol 0
case_ "logreg 500,000 points × 1,000 iterations (sgd)" 120 0 "" -- logreg points.txt --etas 0.05 --max-iter 1000 --tol 0 --method sgd
case_ "logreg 500,000 points × 1,001 iterations: refused" 10 3 "point passes" -- logreg points.txt --etas 0.5 --max-iter 1001
# Expressions: linear in their length.
case_ "grad on a 5,000-factor product" 10 0 "" -- grad "$(cat product.txt)" --at x=1.0001 --format json
case_ "grad on a 5,000-term sum" 10 0 "" -- grad "$(cat sum.txt)" --at x=2 --format json
# The JSON writer: linear in unknown keys.
case_ "train --save-network, 100,000 unknown keys" 30 0 "" -- train keys100k.json --data circle --epochs 1 --save-network saved.json
# trace: a softmax unit's formula shows a few terms of its K-term sum (linear in K).
case_ "trace a 1→4096 softmax (text)" 60 0 "" -- trace softmax4096.json
# sheets: 500 students typeset on every core (about 60 s of CPU in all); the
# figure printed is the measurement, the generous limit only catches a hang.
case_ "sheets --students 500 on the 3-2-1 exercise" 300 0 "" -- sheets "$src/resources/examples/sheet5_321_exercise.json" --students 500 --out class500
# sheets: a template that admits nothing is refused as trace --variant gives up.
case_ "sheets of a template that admits nothing: refused" 10 3 "admit no hand-workable variant" -- sheets nothing.json --students 500 --out class

if [ "$failures" -ne 0 ]; then
    echo "$failures case(s) failed"
    exit 1
fi
