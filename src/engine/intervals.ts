// Interval algebra on sorted, disjoint, half-open [start, end) intervals in UTC milliseconds.
// Every function returns a normalised list (sorted, merged, no empty intervals).
import type { Interval, UtcMillis } from './types.ts';

export type IntervalSet = readonly Interval[];

export function intervalsNormalize(items: readonly Interval[]): Interval[] {
  const sorted = items.filter((iv) => iv.end > iv.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Interval[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.start <= last.end) {
      if (iv.end > last.end) out[out.length - 1] = { start: last.start, end: iv.end };
    } else out.push({ start: iv.start, end: iv.end });
  }
  return out;
}

export function intervalsUnion(a: IntervalSet, b: IntervalSet): Interval[] {
  return intervalsNormalize([...a, ...b]);
}

/** a minus b (both normalised). */
export function intervalsSubtract(a: IntervalSet, b: IntervalSet): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const iv of a) {
    let start: number = iv.start;
    const end = iv.end;
    while (j < b.length && (b[j] as Interval).end <= start) j++;
    let k = j;
    while (k < b.length && (b[k] as Interval).start < end) {
      const cut = b[k] as Interval;
      if (cut.start > start) out.push({ start: start as UtcMillis, end: cut.start });
      if (cut.end > start) start = cut.end;
      if (start >= end) break;
      k++;
    }
    if (start < end) out.push({ start: start as UtcMillis, end });
  }
  return out;
}

/** a ∩ b (both normalised). */
export function intervalsIntersect(a: IntervalSet, b: IntervalSet): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as Interval;
    const y = b[j] as Interval;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start: start as UtcMillis, end: end as UtcMillis });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** Whether [start, end) lies entirely inside one interval of the normalised set. */
export function intervalsContain(set: IntervalSet, start: number, end: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const iv = set[mid] as Interval;
    if (iv.end < end) lo = mid + 1;
    else if (iv.start > start) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Whether [start, end) overlaps any interval of the normalised set. */
export function intervalsOverlap(set: IntervalSet, start: number, end: number): boolean {
  let lo = 0;
  let hi = set.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((set[mid] as Interval).end <= start) lo = mid + 1;
    else hi = mid;
  }
  const iv = set[lo];
  return iv !== undefined && iv.start < end;
}

export function intervalsTotal(set: IntervalSet): number {
  let total = 0;
  for (const iv of set) total += iv.end - iv.start;
  return total;
}
