import { z } from 'zod';

// Speeddates: an event with tables and rounds, invited teachers and the network's professionals,
// a rotation, a check-in list, a room clock, route cards and "meet again" choices afterwards.

const instant = z.iso.datetime({ offset: true });

export const speeddateInputSchema = z.object({
  title: z.string().trim().min(3).max(200),
  /** Local date and time (Europe/Amsterdam) of the first round. */
  date: z.iso.date(),
  startTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  place: z.string().trim().max(300).default(''),
  tableCount: z.number().int().min(1).max(100),
  seatsPerTable: z.number().int().min(1).max(20),
  /** Rounds; without it, as many as needed for every teacher to meet every professional. */
  rounds: z.number().int().min(1).max(60).optional(),
  /** Minutes per round; zero is refused with its own message. */
  roundMinutes: z.number().int().min(0).max(120),
  changeoverMinutes: z.number().int().min(0).max(30).default(2),
  breakAfterRound: z.number().int().min(1).max(59).nullable().default(null),
  breakMinutes: z.number().int().min(0).max(120).default(0),
  professionalIds: z.array(z.uuid()).max(100).default([]),
  teacherIds: z.array(z.uuid()).max(500).default([]),
});
export type SpeeddateInput = z.infer<typeof speeddateInputSchema>;

export const participantRoles = ['teacher', 'professional'] as const;
export const participantStatuses = ['invited', 'registered', 'declined', 'arrived', 'no_show'] as const;
export const participantStatusSchema = z.enum(participantStatuses);
export type ParticipantStatus = z.infer<typeof participantStatusSchema>;

export const participantSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  institutionName: z.string().nullable(),
  role: z.enum(participantRoles),
  tableNo: z.number().int().nullable(),
  status: participantStatusSchema,
});
export type Participant = z.infer<typeof participantSchema>;

export const roundTimeSchema = z.object({ round: z.number().int(), startAt: instant, endAt: instant });
export type RoundTime = z.infer<typeof roundTimeSchema>;

export const seatSchema = z.object({ round: z.number().int(), tableNo: z.number().int(), professionalId: z.uuid(), teacherId: z.uuid() });
export type Seat = z.infer<typeof seatSchema>;

export const speeddateSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  startAt: instant,
  endAt: instant,
  place: z.string(),
  tableCount: z.number().int(),
  rounds: z.number().int(),
  teachers: z.number().int(),
  professionals: z.number().int(),
  myStatus: participantStatusSchema.nullable(),
});
export type SpeeddateSummary = z.infer<typeof speeddateSummarySchema>;

export const speeddateSchema = speeddateSummarySchema.extend({
  date: z.iso.date(),
  startTime: z.string(),
  seatsPerTable: z.number().int(),
  roundMinutes: z.number().int(),
  changeoverMinutes: z.number().int(),
  breakAfterRound: z.number().int().nullable(),
  breakMinutes: z.number().int(),
  roundTimes: z.array(roundTimeSchema),
  /** While the room clock is paused: since when; null while it runs. */
  pausedAt: instant.nullable(),
  participants: z.array(participantSchema),
  seats: z.array(seatSchema),
  /** The first round that can still change (rounds that began are kept); rounds + 1 when all began. */
  openFromRound: z.number().int(),
  canManage: z.boolean(),
  /** People the viewer sat with (for the "meet again" choices) and whom they chose. */
  met: z.array(z.object({ personId: z.uuid(), name: z.string() })),
  myChoices: z.array(z.uuid()),
  /** Pairs who chose each other (visible to those who manage). */
  mutual: z.array(z.object({ teacherId: z.uuid(), professionalId: z.uuid(), teacherName: z.string(), professionalName: z.string() })),
});
export type Speeddate = z.infer<typeof speeddateSchema>;

export const checkInSchema = z.object({ personId: z.uuid(), status: z.enum(['arrived', 'no_show', 'registered']) });
export type CheckIn = z.infer<typeof checkInSchema>;

export const registrationSchema = z.object({ attending: z.boolean() });

export const pauseInputSchema = z.object({ paused: z.boolean() });

export const choicesSchema = z.object({ chosenIds: z.array(z.uuid()).max(100) });
export type ChoicesInput = z.infer<typeof choicesSchema>;

/** What the room clock needs: times, tables and names. It computes the rest from the server's time. */
export const clockSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  place: z.string(),
  roundTimes: z.array(roundTimeSchema),
  tables: z.array(z.object({ tableNo: z.number().int(), professionalName: z.string() })),
  /** While paused: since when (the clock stands still there); null while running. */
  pausedAt: instant.nullable(),
  /** Per round: the teachers at each table. */
  seating: z.array(z.object({ round: z.number().int(), tables: z.array(z.object({ tableNo: z.number().int(), teacherNames: z.array(z.string()) })) })),
});
export type Clock = z.infer<typeof clockSchema>;

export const serverTimeSchema = z.object({ now: instant });

/** What the live stream of a room clock sends: the clock (on connecting, at every change and every round change) and the server's time. */
export const clockEventSchema = z.object({ clock: clockSchema, serverNow: instant });
export const clockTimeEventSchema = z.object({ serverNow: instant });
