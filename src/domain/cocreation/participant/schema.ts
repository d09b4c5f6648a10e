import { z } from 'zod';
import { markSchema } from '../session/schema.ts';

// Taking part: joining with a code and a display name (no account), and what a participant's own
// screen adds to the shared board (their marks, dots and consent).

export const DISPLAY_NAME_MAX = 60;
export const PARTICIPANT_COOKIE = 'kp_cc';

export const joinInputSchema = z.object({
  code: z.string().trim().min(1).max(20),
  /** Required without an account; a logged-in member joins as themselves. */
  displayName: z.string().trim().max(DISPLAY_NAME_MAX).optional(),
});
export type JoinInput = z.infer<typeof joinInputSchema>;

export const joinResultSchema = z.object({
  sessionId: z.uuid(),
  participantId: z.uuid(),
  displayName: z.string(),
});
export type JoinResult = z.infer<typeof joinResultSchema>;

export const participantStateSchema = z.object({
  participantId: z.uuid(),
  displayName: z.string(),
  subgroupId: z.uuid().nullable(),
  marks: z.record(z.string(), markSchema),
  attachments: z.record(z.string(), z.array(z.string())),
  votes: z.record(z.string(), z.number().int()),
  dotsLeft: z.number().int(),
  consents: z.record(z.string(), z.object({ position: z.enum(['consent', 'objection']), reason: z.string().nullable() })),
  ownStatements: z.array(z.uuid()),
});
export type ParticipantState = z.infer<typeof participantStateSchema>;
