import { z } from 'zod';
import { offerKindSchema, registrationStatusSchema, sessionStatusSchema } from '../offer/schema.ts';

// Registrations for a session of an offer: a place, or a place on the waitlist.

export const registrationInputSchema = z.object({
  /** The teacher saw the clash with their timetable and registers anyway. */
  confirmClash: z.boolean().default(false),
  /** Join the waitlist when the session is full (false: answer OFFER_FULL instead). */
  waitlist: z.boolean().default(true),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const clashSchema = z.object({
  sessionId: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  hasTimetable: z.boolean(),
  clashes: z.array(z.object({ startAt: z.string(), endAt: z.string(), summary: z.string(), kind: z.string() })),
});
export type Clash = z.infer<typeof clashSchema>;

export const registrationResultSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  sessionId: z.string(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
});
export type RegistrationResult = z.infer<typeof registrationResultSchema>;

export const hostRegistrationSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  sessionStartAt: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  institutionName: z.string().nullable(),
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  learningQuestions: z.string(),
});
export type HostRegistration = z.infer<typeof hostRegistrationSchema>;

export const sandwichPhaseSchema = z.enum(['before', 'during', 'after']);
export type SandwichPhase = z.infer<typeof sandwichPhaseSchema>;

export const myOfferSchema = z.object({
  registrationId: z.string(),
  offerId: z.string(),
  offerTitle: z.string(),
  kind: offerKindSchema,
  hostName: z.string(),
  sessionId: z.string(),
  startAt: z.string(),
  endAt: z.string(),
  sessionStatus: sessionStatusSchema,
  status: registrationStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  /** Moved up from the waitlist, and not yet seen in the app. */
  promotedUnseen: z.boolean(),
  phase: sandwichPhaseSchema,
  sandwich: z.boolean(),
  hours: z.number(),
});
export type MyOffer = z.infer<typeof myOfferSchema>;

export const promotionsSeenResultSchema = z.object({ marked: z.number().int() });
