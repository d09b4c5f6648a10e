import { z } from 'zod';

/** Learning wishes a teacher can tick (from the exchange-week article); free text goes in `note`. */
export const learningWishes = ['transition', 'teaching_methods', 'curriculum', 'pedagogy', 'assessment', 'work_field', 'digital', 'student_guidance'] as const;
export const learningWishSchema = z.enum(learningWishes);

export const travelModeSchema = z.enum(['walk', 'bike', 'car', 'transit']);

export const registrationInputSchema = z.object({
  programmeIds: z.array(z.uuid()).min(1).max(5),
  wishes: z.array(learningWishSchema).max(8).default([]),
  preferredPersonIds: z.array(z.uuid()).max(5).default([]),
  travelMode: travelModeSchema.default('transit'),
  maxTravelMinutes: z.number().int().min(5).max(180).default(45),
  baseLocationId: z.uuid().nullable().optional(),
  unavailableDates: z.array(z.iso.date()).max(60).default([]),
  note: z.string().trim().max(2000).default(''),
});
export type RegistrationInput = z.infer<typeof registrationInputSchema>;

export const registrationSchema = z.object({
  id: z.string(),
  editionId: z.string(),
  personId: z.string(),
  personName: z.string(),
  email: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  side: z.enum(['a', 'b']),
  programmeIds: z.array(z.string()),
  wishes: z.array(learningWishSchema),
  preferredPersonIds: z.array(z.string()),
  travelMode: travelModeSchema,
  maxTravelMinutes: z.number().int(),
  baseLocationId: z.string().nullable(),
  unavailableDates: z.array(z.string()),
  note: z.string(),
  withdrawn: z.boolean(),
  lessonsInWindow: z.number().int(),
  /** Left without a partner and wants a place in a next run. */
  waitlist: z.boolean(),
});
export type Registration = z.infer<typeof registrationSchema>;

/** A teacher without a partner puts themself on (or takes themself off) the waiting list for a next run. */
export const waitlistInputSchema = z.object({ waitlist: z.boolean() });
