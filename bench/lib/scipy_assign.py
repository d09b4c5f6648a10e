"""Solve one OR-Library assignment instance with scipy, timing the solve only.

usage: python3 scipy_assign.py FILE [REPEATS]
Dense files (n, then n*n costs) use scipy.optimize.linear_sum_assignment; sparse files
("i j cost" per line) use scipy.sparse.csgraph.min_weight_full_bipartite_matching.
Prints one JSON object: {"file", "n", "format", "value", "ms"} with ms the best of REPEATS.
"""
import json
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
    if rest and all(len(parts) == 3 for parts in rest[:8]):
        data = np.array(rest, dtype=np.int64)
        matrix = csr_matrix((data[:, 2].astype(np.float64), (data[:, 0] - 1, data[:, 1] - 1)), shape=(n, n))
        return n, "sparse", matrix
    values = np.array(" ".join(lines[1:]).split(), dtype=np.float64)
    return n, "dense", values.reshape(n, n)


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 7
    n, fmt, matrix = load(path)
    best = float("inf")
    value = None
    for _ in range(repeats):
        start = time.perf_counter()
        if fmt == "dense":
            rows, cols = linear_sum_assignment(matrix)
        else:
            rows, cols = min_weight_full_bipartite_matching(matrix)
        best = min(best, (time.perf_counter() - start) * 1000)
        value = matrix[rows, cols].sum()
    print(json.dumps({"file": path, "n": n, "format": fmt, "value": int(round(float(value))), "ms": round(best, 3)}))


if __name__ == "__main__":
    main()
