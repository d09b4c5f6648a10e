"""Solve linear assignment instances in OR-Library format with scipy, timing the solve only.

usage: python3 scipy_assign.py REPEATS FILE [FILE ...]
Dense files (n, then n*n costs) use scipy.optimize.linear_sum_assignment; sparse files
("i j cost" per line) use scipy.sparse.csgraph.min_weight_full_bipartite_matching.
Prints one JSON line per file: {"file", "n", "format", "value", "ms_min", "ms_median"} over
REPEATS solves, after one untimed solve.
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


def main():
    repeats = int(sys.argv[1])
    for path in sys.argv[2:]:
        n, fmt, matrix = load(path)
        rows, cols = solve(fmt, matrix)
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            rows, cols = solve(fmt, matrix)
            times.append((time.perf_counter() - start) * 1000)
        value = matrix[rows, cols].sum()
        line = {"file": path, "n": n, "format": fmt, "value": int(round(float(value))),
                "ms_min": round(min(times), 4), "ms_median": round(statistics.median(times), 4)}
        print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
