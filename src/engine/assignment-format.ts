// Reading the OR-Library linear assignment formats from text (the caller does the I/O).
// Dense: first number n, then n×n costs row by row. Sparse: first line n, then one arc per
// line "i j cost" (1-based). The formats are told apart by the number of values: a dense
// file has exactly 1 + n² numbers.
import { assignmentMatrixFromArcs, assignmentMatrixFromDense, type SparseCostMatrix } from './assignment.ts';
import { engineFail, type EngineResult } from './types.ts';

export type AssignmentFormat = 'dense' | 'sparse';

export interface ParsedAssignment {
  readonly format: AssignmentFormat;
  readonly matrix: SparseCostMatrix;
}

/** Parses whitespace-separated numbers quickly without building a string array; a position when one is not a number. */
function numbersParse(text: string): Float64Array | { readonly badAt: number } {
  const out: number[] = [];
  const len = text.length;
  let i = 0;
  while (i < len) {
    let ch = text.charCodeAt(i);
    while (i < len && (ch === 32 || ch === 10 || ch === 13 || ch === 9)) ch = text.charCodeAt(++i);
    if (i >= len) break;
    let neg = false;
    if (ch === 45) {
      neg = true;
      ch = text.charCodeAt(++i);
    }
    let value = 0;
    let digits = 0;
    while (ch >= 48 && ch <= 57) {
      value = value * 10 + (ch - 48);
      digits++;
      ch = text.charCodeAt(++i);
    }
    if (ch === 46) {
      let scale = 0.1;
      ch = text.charCodeAt(++i);
      while (ch >= 48 && ch <= 57) {
        value += (ch - 48) * scale;
        scale /= 10;
        digits++;
        ch = text.charCodeAt(++i);
      }
    }
    if (digits === 0) return { badAt: i };
    out.push(neg ? -value : value);
  }
  return Float64Array.from(out);
}

/** The matrix of an OR-Library text, or ASSIGNMENT_FORMAT_INVALID with what is wrong as data. */
export function assignmentParse(text: string): EngineResult<ParsedAssignment, 'ASSIGNMENT_FORMAT_INVALID'> {
  const nums = numbersParse(text);
  if (!(nums instanceof Float64Array)) return engineFail('ASSIGNMENT_FORMAT_INVALID', `not a number at character ${nums.badAt}`);
  const n = nums[0];
  if (n === undefined || !Number.isInteger(n) || n <= 0) return engineFail('ASSIGNMENT_FORMAT_INVALID', 'first value must be n');
  if (nums.length === 1 + n * n && !looksSparse(text)) {
    return { ok: true, format: 'dense', matrix: assignmentMatrixFromDense(n, nums.subarray(1)) };
  }
  if ((nums.length - 1) % 3 !== 0) return engineFail('ASSIGNMENT_FORMAT_INVALID', 'neither n×n costs nor "i j cost" triples');
  const m = (nums.length - 1) / 3;
  const rows = new Int32Array(m);
  const cols = new Int32Array(m);
  const costs = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = (nums[1 + 3 * k] as number) - 1;
    const c = (nums[2 + 3 * k] as number) - 1;
    if (!(r >= 0 && r < n && c >= 0 && c < n && Number.isInteger(r) && Number.isInteger(c))) {
      return engineFail('ASSIGNMENT_FORMAT_INVALID', `arc ${k + 1} has an index outside 1…${n}`);
    }
    rows[k] = r;
    cols[k] = c;
    costs[k] = nums[3 + 3 * k] as number;
  }
  return { ok: true, format: 'sparse', matrix: assignmentMatrixFromArcs(n, rows, cols, costs) };
}

/** The sparse format has exactly three values on every arc line; dense rows wrap at other widths. */
function looksSparse(text: string): boolean {
  const lines = text.split('\n', 8).slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.length > 0 && lines.every((l) => l.split(/\s+/).length === 3);
}
