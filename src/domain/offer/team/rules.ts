import { intervalsIntersect, intervalsNormalize, intervalsSubtract, type IntervalSet } from '../../../engine/index.ts';

// Meeting times free for every member of a design team: each member's working day minus their
// busy blocks, each block widened by their travel time to the meeting place, intersected.

export interface TeamMemberTime {
  busy: readonly { start: number; end: number }[];
  /** Minutes from the member's own location to the meeting place (0 when unknown or the same). */
  travelMinutes: number;
}

/**
 * Slots of `minutes` on a `stepMinutes` grid inside the working days, free for all members;
 * at most `limit`, earliest first.
 */
export function teamSlotsPropose(workdays: IntervalSet, members: readonly TeamMemberTime[], minutes: number, stepMinutes = 30, limit = 12): { start: number; end: number }[] {
  let free: IntervalSet = intervalsNormalize([...workdays]);
  for (const m of members) {
    const pad = m.travelMinutes * 60_000;
    const busy = intervalsNormalize(m.busy.map((b) => ({ start: (b.start - pad) as never, end: (b.end + pad) as never })));
    free = intervalsIntersect(free, intervalsSubtract(workdays, busy));
  }
  const out: { start: number; end: number }[] = [];
  const length = minutes * 60_000;
  const step = stepMinutes * 60_000;
  for (const iv of free) {
    for (let start = Math.ceil(iv.start / step) * step; start + length <= iv.end && out.length < limit; start += step * 2) out.push({ start, end: start + length });
    if (out.length >= limit) break;
  }
  return out;
}

/** Hours a meeting credits: its length, rounded to a quarter. */
export function teamMeetingHours(start: Date, end: Date): number {
  return Math.round(((end.getTime() - start.getTime()) / 3_600_000) * 4) / 4;
}
