"""Solve linear assignment instances in OR-Library format with scipy, timing the solve only.

usage: python3 scipy_assign.py REPEATS FILE [FILE ...]
   or: python3 scipy_assign.py --serve   (commands on stdin, one JSON line out per command)
Dense files (n, then n*n costs) use scipy.optimize.linear_sum_assignment; sparse files
("i j cost" per line) use scipy.sparse.csgraph.min_weight_full_bipartite_matching.
Batch mode prints one JSON line per file: {"file", "n", "format", "value", "ms_min",
"ms_median"} over REPEATS solves, after one untimed solve. Serve mode reads
"load FILE" (loads and solves once untimed; answers {"file", "n", "format", "value"}) and
"time FILE REPEATS" (answers {"file", "times": [ms, ...]}), so that a caller can alternate
batches of its own solves with scipy's and both sides see the same machine load.
"""
import json
import statistics
import sys
import time

import numpy as np
from scipy.optimize import linear_sum_assignment
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import min_weight_full_bipartite_matching


def load(path):
    with open(path) as handle:
        lines = handle.read().split("\n")
    n = int(lines[0].split()[0])
    rest = [line.split() for line in lines[1:] if line.strip()]
    if rest and all(len(parts) == 3 for parts in rest[:8]) and len(rest) != n:
        data = np.array(rest, dtype=np.int64)
        matrix = csr_matrix((data[:, 2].astype(np.float64), (data[:, 0] - 1, data[:, 1] - 1)), shape=(n, n))
        return n, "sparse", matrix
    values = np.array(" ".join(lines[1:]).split(), dtype=np.float64)
    return n, "dense", values.reshape(n, n)


def solve(fmt, matrix):
    if fmt == "dense":
        return linear_sum_assignment(matrix)
    return min_weight_full_bipartite_matching(matrix)


def timed(fmt, matrix, repeats):
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        solve(fmt, matrix)
        times.append((time.perf_counter() - start) * 1000)
    return times


def serve():
    loaded = {}
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "load":
            path = parts[1]
            n, fmt, matrix = load(path)
            rows, cols = solve(fmt, matrix)
            loaded[path] = (fmt, matrix)
            value = int(round(float(matrix[rows, cols].sum())))
            print(json.dumps({"file": path, "n": n, "format": fmt, "value": value}), flush=True)
        elif parts[0] == "time":
            fmt, matrix = loaded[parts[1]]
            times = timed(fmt, matrix, int(parts[2]))
            print(json.dumps({"file": parts[1], "times": [round(t, 4) for t in times]}), flush=True)


def main():
    if sys.argv[1] == "--serve":
        serve()
        return
    repeats = int(sys.argv[1])
    for path in sys.argv[2:]:
        n, fmt, matrix = load(path)
        rows, cols = solve(fmt, matrix)
        times = timed(fmt, matrix, repeats)
        value = matrix[rows, cols].sum()
        line = {"file": path, "n": n, "format": fmt, "value": int(round(float(value))),
                "ms_min": round(min(times), 4), "ms_median": round(statistics.median(times), 4)}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
