import { z } from 'zod';

// Requests for an offer "on request": a teacher asks, the host accepts with a date and time or declines.

export const requestInputSchema = z.object({
  message: z.string().trim().max(2000).default(''),
  preferredDates: z.array(z.iso.date()).max(10).default([]),
});
export type RequestInput = z.infer<typeof requestInputSchema>;

const instant = z.iso.datetime({ offset: true });
export const requestDecisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), startAt: instant, endAt: instant }),
  z.object({ decision: z.literal('decline') }),
]);
export type RequestDecision = z.infer<typeof requestDecisionSchema>;

export const offerRequestSchema = z.object({
  id: z.string(),
  offerId: z.string(),
  personId: z.string(),
  personName: z.string(),
  institutionName: z.string().nullable(),
  message: z.string(),
  preferredDates: z.array(z.string()),
  status: z.enum(['pending', 'accepted', 'declined']),
  sessionId: z.string().nullable(),
  createdAt: z.string(),
});
export type OfferRequest = z.infer<typeof offerRequestSchema>;
