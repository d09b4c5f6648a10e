import { z } from 'zod';

// A person's own data: what erasure will do (shown before confirming), and the confirmation.

export const privacyEraseSchema = z.enum(['delete', 'anonymise', 'keep-anonymous-placeholder', 'cascade']);
export type PrivacyEraseKind = z.infer<typeof privacyEraseSchema>;

/** One table in which the person has rows, and what erasure does with them. */
export const erasureStepSchema = z.object({
  area: z.string(),
  table: z.string(),
  rows: z.number().int(),
  erase: privacyEraseSchema,
  note: z.string(),
});
export type ErasureStep = z.infer<typeof erasureStepSchema>;

export const erasurePlanSchema = z.object({
  /** Erasure is refused while the person is the only network coordinator of these networks. */
  blockedBy: z.array(z.object({ networkId: z.string(), networkName: z.string(), code: z.literal('LAST_COORDINATOR') })),
  steps: z.array(erasureStepSchema),
});
export type ErasurePlan = z.infer<typeof erasurePlanSchema>;

/** The person types their own e-mail address to confirm (the UI says what happens first). */
export const erasureConfirmSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
});
export type ErasureConfirm = z.infer<typeof erasureConfirmSchema>;

export const erasureResultSchema = z.object({ ok: z.literal(true), erasedAt: z.string() });
export type ErasureResult = z.infer<typeof erasureResultSchema>;
