import { z } from 'zod';

// Writing a proposal together, voting with dots, and the consent round.

export const PROPOSAL_TEXT_MAX = 5000;
export const CONSENT_REASON_MAX = 1000;

/** One edit: delete `del` characters at `pos`, then insert `ins` there (UTF-16 positions, as in the browser). */
export const editOpSchema = z.object({
  pos: z.number().int().min(0).max(PROPOSAL_TEXT_MAX),
  del: z.number().int().min(0).max(PROPOSAL_TEXT_MAX),
  ins: z.string().max(PROPOSAL_TEXT_MAX),
});
export type EditOp = z.infer<typeof editOpSchema>;

export const proposalEditInputSchema = z.object({
  /** The version of the text the edit was typed against. */
  baseVersion: z.number().int().min(0),
  op: editOpSchema,
});
export type ProposalEditInput = z.infer<typeof proposalEditInputSchema>;

export const proposalEditResultSchema = z.object({ id: z.uuid(), text: z.string(), version: z.number().int(), seq: z.number().int() });
export type ProposalEditResult = z.infer<typeof proposalEditResultSchema>;

export const dotsInputSchema = z.object({ dots: z.number().int().min(0).max(20) });

export const consentInputSchema = z.object({
  position: z.enum(['consent', 'objection']),
  reason: z.string().trim().max(CONSENT_REASON_MAX).optional(),
}).superRefine((value, ctx) => {
  if (value.position === 'objection' && !value.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'FIELD_COCREATION_REASON_REQUIRED' });
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

export const decisionInputSchema = z.object({
  outcome: z.enum(['accepted', 'amended', 'rejected']),
  /** The amended text (required for 'amended'). */
  text: z.string().trim().max(PROPOSAL_TEXT_MAX).optional(),
}).superRefine((value, ctx) => {
  if (value.outcome === 'amended' && !value.text) ctx.addIssue({ code: 'custom', path: ['text'], message: 'FIELD_COCREATION_AMENDED_TEXT_REQUIRED' });
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export const voteResultSchema = z.object({ proposalId: z.uuid(), dots: z.number().int(), dotsLeft: z.number().int(), seq: z.number().int() });
export type VoteResult = z.infer<typeof voteResultSchema>;
export const consentResultSchema = z.object({ proposalId: z.uuid(), position: z.enum(['consent', 'objection']), seq: z.number().int() });
