// Seeded random linear assignment instances in OR-Library text format, the same sizes as the
// OR-Library ones, so that our solver and scipy read exactly the same numbers.
import { prngCreate } from '../../src/engine/index.ts';

/** Dense n×n, integer costs uniform in [1, maxCost]. */
export function assignmentDenseText(n: number, maxCost: number, seed: number): string {
  const prng = prngCreate(seed);
  const lines = [String(n)];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(1 + prng.nextInt(maxCost));
    lines.push(row.join(' '));
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Sparse: about `arcs` arcs with uniform random columns (no duplicates in a row) and integer
 * costs uniform in [1, maxCost]; one arc of every row lies on a random permutation, so a
 * perfect assignment exists.
 */
export function assignmentSparseText(n: number, arcs: number, maxCost: number, seed: number): string {
  const prng = prngCreate(seed);
  const perm = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = prng.nextInt(i + 1);
    [perm[i], perm[j]] = [perm[j] as number, perm[i] as number];
  }
  const perRow = Math.max(1, Math.round(arcs / n));
  const lines = [String(n)];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    seen.clear();
    seen.add(perm[i] as number);
    while (seen.size < Math.min(perRow, n)) seen.add(prng.nextInt(n));
    for (const j of [...seen].sort((a, b) => a - b)) lines.push(`${i + 1} ${j + 1} ${1 + prng.nextInt(maxCost)}`);
  }
  return `${lines.join('\n')}\n`;
}
