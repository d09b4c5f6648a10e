// zod schemas of the engine's JSON inputs (exchange, speeddate, placement), shared by the
// CLI and the server, plus the one place where a time zone's rules are read from Intl and
// turned into the transitions table the engine expects.
import { z } from 'zod';
import { zoneOffsetMinutes } from '../../../lib/time.ts';
import type { ExchangeInput, PlacementInput, RotationInput, ZoneRules, ZoneTransition } from '../../../engine/index.ts';

/** UTC milliseconds, or an ISO 8601 date-time with an explicit offset or Z. */
const instantSchema = z.union([
  z.number().int(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

const minuteOfDaySchema = z.number().int().min(0).max(1440);
const weeklyWindowSchema = z
  .strictObject({ weekday: z.number().int().min(1).max(7), startMinute: minuteOfDaySchema, endMinute: minuteOfDaySchema })
  .refine((w) => w.endMinute > w.startMinute, { message: 'endMinute must be after startMinute', path: ['endMinute'] });
const travelModeSchema = z.enum(['walk', 'bike', 'car', 'transit']);

export const zoneRulesSchema = z.strictObject({
  name: z.string().min(1),
  transitions: z.array(z.strictObject({ atUtc: z.number().int(), offsetMinutes: z.number().int().min(-1080).max(1080) })).min(1),
});

const busyBlockSchema = z
  .strictObject({
    start: instantSchema,
    end: instantSchema,
    kind: z.enum(['lesson', 'other']),
    locationId: z.string().min(1).optional(),
  })
  .refine((b) => b.end > b.start, { message: 'end must be after start', path: ['end'] });

export const exchangePersonSchema = z.strictObject({
  id: z.string().min(1),
  institutionId: z.string().min(1),
  locationId: z.string().min(1),
  isced: z.array(z.string().regex(/^\d{2,4}$/, 'ISCED-F code of 2, 3 or 4 digits')).min(1),
  wishes: z.array(z.string().min(1)).optional(),
  preferredPersonIds: z.array(z.string().min(1)).optional(),
  preferredInstitutionIds: z.array(z.string().min(1)).optional(),
  travelMode: travelModeSchema,
  maxTravelMinutes: z.number().min(0).max(24 * 60),
  busy: z.array(busyBlockSchema),
  unavailableDates: z.array(z.iso.date()).optional(),
  avoid: z.array(weeklyWindowSchema).optional(),
  hostCapacity: z.number().int().min(1).max(20).optional(),
});

const pairRefSchema = z.strictObject({ a: z.string().min(1), b: z.string().min(1) });

export const exchangeInputSchema = z
  .strictObject({
    window: z
      .strictObject({ start: instantSchema, end: instantSchema })
      .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] }),
    /** Either the rules table itself or an IANA zone name the caller expands (default Europe/Amsterdam). */
    zone: zoneRulesSchema.optional(),
    timeZone: z.string().min(1).optional(),
    rules: z
      .strictObject({
        dayStartMinute: minuteOfDaySchema.optional(),
        dayEndMinute: minuteOfDaySchema.optional(),
        weekdays: z.array(z.number().int().min(1).max(7)).optional(),
        avoidFirstLesson: z.boolean().optional(),
        avoidLastLesson: z.boolean().optional(),
        avoid: z.array(weeklyWindowSchema).optional(),
        maxGuestsPerHostPerDay: z.number().int().min(1).optional(),
        maxVisitsPerDay: z.number().int().min(1).optional(),
        allowTrios: z.boolean().optional(),
        maxRounds: z.number().int().min(1).max(1000).optional(),
      })
      .optional(),
    weights: z
      .strictObject({
        detailedField: z.number().min(0),
        narrowField: z.number().min(0),
        broadField: z.number().min(0),
        sharedWish: z.number().min(0),
        maxSharedWishes: z.number().int().min(0),
        preference: z.number().min(0),
        travelPer10Minutes: z.number().min(0),
      })
      .partial()
      .optional(),
    locations: z.array(z.strictObject({ id: z.string().min(1), lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) })),
    travelMatrix: z
      .array(z.strictObject({ from: z.string().min(1), to: z.string().min(1), mode: travelModeSchema.optional(), minutes: z.number().min(0) }))
      .optional(),
    sideA: z.array(exchangePersonSchema),
    sideB: z.array(exchangePersonSchema),
    pinned: z.array(pairRefSchema).optional(),
    forbidden: z.array(pairRefSchema).optional(),
  })
  .superRefine((input, ctx) => {
    const locations = new Set(input.locations.map((l) => l.id));
    const ids = new Set<string>();
    for (const side of ['sideA', 'sideB'] as const) {
      input[side].forEach((p, i) => {
        if (ids.has(p.id)) ctx.addIssue({ code: 'custom', message: `duplicate person id ${p.id}`, path: [side, i, 'id'] });
        ids.add(p.id);
        if (!locations.has(p.locationId)) ctx.addIssue({ code: 'custom', message: `unknown location ${p.locationId}`, path: [side, i, 'locationId'] });
        p.busy.forEach((b, k) => {
          if (b.locationId !== undefined && !locations.has(b.locationId)) {
            ctx.addIssue({ code: 'custom', message: `unknown location ${b.locationId}`, path: [side, i, 'busy', k, 'locationId'] });
          }
        });
      });
    }
    for (const list of ['pinned', 'forbidden'] as const) {
      (input[list] ?? []).forEach((pair, i) => {
        for (const key of ['a', 'b'] as const) {
          if (!ids.has(pair[key])) ctx.addIssue({ code: 'custom', message: `unknown person ${pair[key]}`, path: [list, i, key] });
        }
      });
    }
  });
export type ExchangeInputJson = z.infer<typeof exchangeInputSchema>;

export const speeddateInputSchema = z
  .strictObject({
    teacherIds: z.array(z.string().min(1)),
    professionalIds: z.array(z.string().min(1)),
    tableCapacity: z.number().int().min(1),
    rounds: z.number().int().min(1).max(1000),
    seed: z.number().int().optional(),
  })
  .superRefine((input, ctx) => {
    for (const key of ['teacherIds', 'professionalIds'] as const) {
      const seen = new Set<string>();
      input[key].forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${id}`, path: [key, i] });
        seen.add(id);
      });
    }
  });
export type SpeeddateInputJson = z.infer<typeof speeddateInputSchema>;

export const placementInputSchema = z
  .strictObject({
    teachers: z.array(z.strictObject({ id: z.string().min(1), ranking: z.array(z.string().min(1)) })),
    offers: z.array(z.strictObject({ id: z.string().min(1), capacity: z.number().int().min(0), ranking: z.array(z.string().min(1)).optional() })),
    seed: z.number().int().optional(),
  })
  .superRefine((input, ctx) => {
    const offers = new Set(input.offers.map((o) => o.id));
    const teachers = new Set(input.teachers.map((t) => t.id));
    input.teachers.forEach((t, i) =>
      t.ranking.forEach((id, k) => {
        if (!offers.has(id)) ctx.addIssue({ code: 'custom', message: `unknown offer ${id}`, path: ['teachers', i, 'ranking', k] });
      }),
    );
    input.offers.forEach((o, i) =>
      (o.ranking ?? []).forEach((id, k) => {
        if (!teachers.has(id)) ctx.addIssue({ code: 'custom', message: `unknown teacher ${id}`, path: ['offers', i, 'ranking', k] });
      }),
    );
  });
export type PlacementInputJson = z.infer<typeof placementInputSchema>;

/** "sideA.3.busy.0.end: end must be after start" — one line per issue, naming the field. */
export function engineInputIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`);
}

/**
 * The transitions table of an IANA zone between two instants (with a day's margin), found by
 * hourly sampling and bisection to the minute.
 */
export function zoneRulesFromIntl(timeZone: string, start: number, end: number): ZoneRules {
  const intlOffsetMinutes = (at: number) => zoneOffsetMinutes(at, timeZone);
  const hour = 3_600_000;
  const from = start - 24 * hour;
  const to = end + 24 * hour;
  const transitions: ZoneTransition[] = [{ atUtc: from as ZoneTransition['atUtc'], offsetMinutes: intlOffsetMinutes(from) as ZoneTransition['offsetMinutes'] }];
  let prev = transitions[0]!.offsetMinutes as number;
  for (let t = from + hour; t <= to; t += hour) {
    const off = intlOffsetMinutes(t);
    if (off === prev) continue;
    let lo = t - hour;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (intlOffsetMinutes(mid) === prev) lo = mid;
      else hi = mid;
    }
    transitions.push({ atUtc: hi as ZoneTransition['atUtc'], offsetMinutes: off as ZoneTransition['offsetMinutes'] });
    prev = off;
  }
  return { name: timeZone, transitions };
}

/** Parsed JSON → engine input (expanding `timeZone` into a rules table when no table is given). */
export function exchangeInputPrepare(json: ExchangeInputJson): ExchangeInput {
  const { timeZone, zone, ...rest } = json;
  const rules = zone ?? zoneRulesFromIntl(timeZone ?? 'Europe/Amsterdam', json.window.start, json.window.end);
  return { ...rest, zone: rules as ZoneRules } as ExchangeInput;
}

export function speeddateInputPrepare(json: SpeeddateInputJson): RotationInput {
  return json;
}

export function placementInputPrepare(json: PlacementInputJson): PlacementInput {
  return json;
}
