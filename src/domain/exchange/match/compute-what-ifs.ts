import type { ExchangeInput, ExchangeOutput, ExchangePersonInput } from '../../../engine/index.ts';
import type { WhatIf } from './schema.ts';

// What would change the outcome for a group of unmatched people: the engine runs again on a
// relaxed copy of the run's saved input, one relaxation per reason group, and we count how many
// more pairs that gives. A what-if is shown to the coordinator and never applied: applying it
// means changing registrations or the edition's rules and starting a new run.

export const WHAT_IF_TRAVEL_EXTRA_MINUTES = 15;

interface Relaxation {
  reason: string;
  change: WhatIf['change'];
  /** The relaxed input, or null when nothing can be relaxed for this group. */
  relax(input: ExchangeInput, group: ReadonlySet<string>): ExchangeInput | null;
}

const mapPeople = (input: ExchangeInput, f: (p: ExchangePersonInput, side: 'a' | 'b') => ExchangePersonInput): ExchangeInput => ({
  ...input, sideA: input.sideA.map((p) => f(p, 'a')), sideB: input.sideB.map((p) => f(p, 'b')),
});

const RELAXATIONS: readonly Relaxation[] = [
  {
    reason: 'TRAVEL_TOO_FAR', change: 'TRAVEL_PLUS_15',
    relax: (input, group) => mapPeople(input, (p) => (group.has(p.id) ? { ...p, maxTravelMinutes: p.maxTravelMinutes + WHAT_IF_TRAVEL_EXTRA_MINUTES } : p)),
  },
  {
    // The partners of these people went to others: they may join an existing pair as a third (the edition's trio setting).
    reason: 'CAPACITY', change: 'TRIOS_ALLOWED',
    relax: (input) => (input.rules?.allowTrios ? null : { ...input, rules: { ...input.rules, allowTrios: true } }),
  },
  ...(['NO_COMMON_TIME', 'SCHEDULE_CONFLICT'] as const).map((reason): Relaxation => ({
    // Lessons at the edges of the day and the edition's avoided times become possible; the group's own dates they cannot stay.
    reason, change: 'TIME_RULES_RELAXED',
    relax: (input) => {
      const r = input.rules ?? {};
      if (!r.avoidFirstLesson && !r.avoidLastLesson && !(r.avoid?.length) && !(r.maxVisitsPerDay) && !(r.maxGuestsPerHostPerDay)) return null;
      return { ...input, rules: { ...r, avoidFirstLesson: false, avoidLastLesson: false, avoid: [], maxVisitsPerDay: undefined, maxGuestsPerHostPerDay: undefined } };
    },
  })),
];

/** One what-if per reason group of unmatched people that a relaxation exists for. */
export function computeWhatIfs(
  input: ExchangeInput,
  output: Pick<ExchangeOutput, 'pairs' | 'unpaired'>,
  solve: (input: ExchangeInput) => Pick<ExchangeOutput, 'pairs'>,
): WhatIf[] {
  const out: WhatIf[] = [];
  const paired = (pairs: readonly { aId: string; bId: string }[]) => new Set(pairs.flatMap((p) => [p.aId, p.bId]));
  for (const relaxation of RELAXATIONS) {
    const group = new Set(output.unpaired.filter((u) => u.reason === relaxation.reason).map((u) => u.personId));
    if (group.size === 0) continue;
    const relaxed = relaxation.relax(input, group);
    if (!relaxed) continue;
    let result: Pick<ExchangeOutput, 'pairs'>;
    try {
      result = solve(relaxed);
    } catch {
      continue; // a relaxed input the engine refuses gives no advice
    }
    const nowPaired = paired(result.pairs);
    out.push({
      reason: relaxation.reason, change: relaxation.change, people: group.size,
      morePairs: Math.max(0, result.pairs.length - output.pairs.length),
      groupMatched: [...group].filter((id) => nowPaired.has(id)).length,
    });
  }
  return out;
}
