import { assignmentMatrixFromArcs, assignmentSolve } from '../../../engine/index.ts';
import type { Reason } from './schema.ts';

// Pure rules of Job Twinning: how well a teacher and a professional fit (field of education,
// overlap of their goals, a mutual choice at a speeddate), the suggestions as one assignment
// over all candidates (globally good, not greedy), and free time for a meeting.

export interface Candidate {
  id: string;
  iscedCodes: readonly string[];
  /** Goals and "about" together. */
  text: string;
}

const STOP = new Set(['ander', 'andere', 'anders', 'onder', 'welke', 'wordt', 'worden', 'kunnen', 'hebben', 'graag', 'meer', 'willen', 'omdat', 'zodat', 'about', 'their', 'there', 'which', 'would', 'could', 'should', 'learn', 'leren', 'beter', 'better', 'within', 'binnen', 'tussen', 'hoe', 'mijn', 'onze']);

/** Content words of a text (≥ 5 letters, lower case, crude Dutch/English stemming). */
export function twinningWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^a-z]+/)) {
    if (raw.length < 5 || STOP.has(raw)) continue;
    out.add(raw.replace(/(ingen|ing|en|es|s|e)$/, ''));
  }
  return out;
}

/** Length of the common ISCED-F prefix (2 = broad field, 3 = narrow, 4 = detailed). */
function fieldMatch(a: string, b: string): number {
  let n = 0;
  while (n < Math.min(a.length, b.length) && a[n] === b[n]) n++;
  return n >= 2 ? n : 0;
}

/** Score (0–100) and the visible reason of a teacher–professional pair. */
export function twinningScore(teacher: Candidate, professional: Candidate, speeddate: string | null): { score: number; reason: Reason } {
  let best = 0;
  const fields = new Set<string>();
  for (const a of teacher.iscedCodes) for (const b of professional.iscedCodes) {
    const m = fieldMatch(a, b);
    if (m > best) { best = m; fields.clear(); }
    if (m === best && m > 0) fields.add(a.slice(0, m));
  }
  const tw = twinningWords(teacher.text);
  const words = [...twinningWords(professional.text)].filter((w) => tw.has(w)).sort();
  const score = best * 10 + Math.min(30, words.length * 10) + (speeddate ? 30 : 0);
  return { score: Math.min(100, score), reason: { fields: [...fields].sort(), words: words.slice(0, 6), speeddate } };
}

/**
 * The suggestions: one professional per teacher at most and the other way round, maximising the
 * total score over all candidates at once (the engine's exact assignment), so one popular
 * professional does not go to whoever happens to be first. Pairs scoring 0 are not suggested.
 */
export function twinningSuggest(teachers: readonly Candidate[], professionals: readonly Candidate[], mutual: ReadonlyMap<string, string>): { teacherId: string; professionalId: string; score: number; reason: Reason }[] {
  const T = teachers.length;
  const P = professionals.length;
  if (T === 0 || P === 0) return [];
  const n = T + P;
  const rows: number[] = [];
  const cols: number[] = [];
  const costs: number[] = [];
  const scored = new Map<number, { score: number; reason: Reason }>();
  teachers.forEach((t, i) => {
    professionals.forEach((p, j) => {
      const s = twinningScore(t, p, mutual.get(`${t.id}|${p.id}`) ?? null);
      if (s.score <= 0) return;
      scored.set(i * P + j, s);
      rows.push(i); cols.push(j); costs.push(-s.score);
    });
    rows.push(i); cols.push(P + i); costs.push(0);
  });
  for (let j = 0; j < P; j++) {
    rows.push(T + j); cols.push(j); costs.push(0);
    for (let i = 0; i < T; i++) { rows.push(T + j); cols.push(P + i); costs.push(0); }
  }
  const result = assignmentSolve(assignmentMatrixFromArcs(n, rows, cols, costs));
  if (!result.ok) return [];
  const out = [];
  for (let i = 0; i < T; i++) {
    const j = result.rowToCol[i] as number;
    if (j >= P) continue;
    const s = scored.get(i * P + j)!;
    out.push({ teacherId: teachers[i]!.id, professionalId: professionals[j]!.id, ...s });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Free time in a teacher's timetable for a meeting: working days, 08:30–17:00 local, windows of
 * `minutes` on the half hour that overlap no block, the first `limit` from `from` on.
 */
export function twinningFreeSlots(blocks: readonly { startAt: Date; endAt: Date }[], from: Date, days: number, minutes: number, toUtc: (date: string, time: string) => Date, localDate: (d: Date) => string, limit = 6): { startAt: Date; endAt: Date }[] {
  const out: { startAt: Date; endAt: Date }[] = [];
  for (let d = 1; d <= days && out.length < limit; d++) {
    const date = localDate(new Date(from.getTime() + d * 86_400_000));
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    for (let m = 8 * 60 + 30; m + minutes <= 17 * 60 && out.length < limit; m += 30) {
      const startAt = toUtc(date, `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
      const endAt = new Date(startAt.getTime() + minutes * 60_000);
      if (blocks.some((b) => b.startAt < endAt && b.endAt > startAt)) continue;
      if (out.some((o) => o.startAt < endAt && o.endAt > startAt)) continue;
      out.push({ startAt, endAt });
      break; // one proposal per day keeps the list varied
    }
  }
  return out;
}
