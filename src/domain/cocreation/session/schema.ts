import { z } from 'zod';

// A facilitated co-creation session ("Gezamenlijk beroepsbeeld"): the facilitator's setup, and the
// board — what every screen (phones, projector) shows of the session, the same for everyone.

export const COCREATION_STEPS = 5;
/** 0 = lobby (joining), 1–5 the steps, 6 = ended. */
export const COCREATION_STEP_ENDED = 6;
export const COCREATION_TITLE_MAX = 200;
export const COCREATION_DOMAIN_MAX = 8;
export const COCREATION_SUBGROUPS_MAX = 12;

export const domainSchema = z.object({
  key: z.string().trim().regex(/^[a-z0-9-]{1,40}$/, 'FIELD_COCREATION_DOMAIN_KEY'),
  label: z.string().trim().min(1).max(120),
  description: z.string().trim().max(1500).default(''),
});
export type Domain = z.infer<typeof domainSchema>;

const frameworkSchema = z.array(domainSchema).min(1).max(COCREATION_DOMAIN_MAX)
  .refine((domains) => new Set(domains.map((d) => d.key)).size === domains.length, 'FIELD_COCREATION_DOMAIN_DUPLICATE');
const stepMinutesSchema = z.array(z.number().int().min(1).max(240)).length(COCREATION_STEPS);

export const sessionCreateSchema = z.object({
  title: z.string().trim().min(1).max(COCREATION_TITLE_MAX),
  profileName: z.string().trim().min(1).max(COCREATION_TITLE_MAX),
  /** Omitted: the four domains of the Beroepsbeeld mbo-docent, in the facilitator's language. */
  framework: frameworkSchema.optional(),
  stepMinutes: stepMinutesSchema.optional(),
  dotBudget: z.number().int().min(1).max(20).optional(),
});
export type SessionCreate = z.infer<typeof sessionCreateSchema>;

export const sessionUpdateSchema = z.object({
  title: z.string().trim().min(1).max(COCREATION_TITLE_MAX).optional(),
  profileName: z.string().trim().min(1).max(COCREATION_TITLE_MAX).optional(),
  framework: frameworkSchema.optional(),
  stepMinutes: stepMinutesSchema.optional(),
  dotBudget: z.number().int().min(1).max(20).optional(),
});
export type SessionUpdate = z.infer<typeof sessionUpdateSchema>;

export const stepInputSchema = z.object({ step: z.number().int().min(0).max(COCREATION_STEPS) });
export const presentInputSchema = z.object({ proposalId: z.uuid().nullable() });

/** Rebuild the subgroups (balanced across institutions) with `count` groups, and/or move people. */
export const subgroupsInputSchema = z.object({
  count: z.number().int().min(1).max(COCREATION_SUBGROUPS_MAX).optional(),
  moves: z.array(z.object({ participantId: z.uuid(), subgroupId: z.uuid() })).max(500).optional(),
});
export type SubgroupsInput = z.infer<typeof subgroupsInputSchema>;

export const markValues = ['agree', 'disagree', 'unsure'] as const;
export const markSchema = z.enum(markValues);
export type Mark = z.infer<typeof markSchema>;
export const consensusValues = ['open', 'agree', 'disagree', 'split'] as const;
export type Consensus = (typeof consensusValues)[number];
export const decisionValues = ['accepted', 'amended', 'rejected'] as const;
export const decisionSchema = z.enum(decisionValues);
export type Decision = z.infer<typeof decisionSchema>;

export const boardStatementSchema = z.object({
  id: z.uuid(),
  domainKey: z.string(),
  text: z.string(),
  agree: z.number().int(),
  disagree: z.number().int(),
  unsure: z.number().int(),
  consensus: z.enum(consensusValues),
  /** Step 2: how many participants attached it to each domain. */
  attached: z.record(z.string(), z.number().int()),
});
export type BoardStatement = z.infer<typeof boardStatementSchema>;

export const boardProposalSchema = z.object({
  id: z.uuid(),
  domainKey: z.string(),
  subgroupId: z.uuid().nullable(),
  subgroupName: z.string().nullable(),
  text: z.string(),
  version: z.number().int(),
  dots: z.number().int(),
  consents: z.number().int(),
  objections: z.array(z.string()),
  decision: decisionSchema.nullable(),
  decidedText: z.string().nullable(),
});
export type BoardProposal = z.infer<typeof boardProposalSchema>;

export const boardAgreementSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
});

export const boardSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  profileName: z.string(),
  step: z.number().int(),
  stepStartedAt: z.string(),
  /** When the current step's timer runs out (server time). */
  stepEndsAt: z.string().nullable(),
  /** The server's clock when the board was read: screens derive their countdown from it. */
  serverNow: z.string(),
  seq: z.number().int(),
  dotBudget: z.number().int(),
  code: z.string(),
  framework: z.array(domainSchema),
  stepMinutes: z.array(z.number().int()),
  participantCount: z.number().int(),
  subgroups: z.array(z.object({ id: z.uuid(), name: z.string(), members: z.array(z.string()) })),
  statements: z.array(boardStatementSchema),
  proposals: z.array(boardProposalSchema),
  currentProposalId: z.uuid().nullable(),
  agreements: z.array(boardAgreementSchema),
});
export type Board = z.infer<typeof boardSchema>;

/**
 * A change to the board, sent on the live stream instead of the whole board: the statements and
 * proposals that changed in the changes `from`…`seq` (each entry whole, as the board shows it).
 * A screen whose board is at `from - 1` or later applies it; one further behind has missed a
 * change and reads the whole board again.
 */
export const boardDeltaSchema = z.object({
  from: z.number().int(),
  seq: z.number().int(),
  serverNow: z.string(),
  statements: z.array(boardStatementSchema),
  proposals: z.array(boardProposalSchema),
});
export type BoardDelta = z.infer<typeof boardDeltaSchema>;

/** What one change touched (announced with it between app servers); none: anything may have changed. */
export type BoardChange = { statementId: string } | { proposalId: string } | undefined;

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  profileName: z.string(),
  step: z.number().int(),
  code: z.string(),
  participantCount: z.number().int(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const sessionDetailSchema = sessionSummarySchema.extend({
  framework: z.array(domainSchema),
  stepMinutes: z.array(z.number().int()),
  dotBudget: z.number().int(),
  codeExpiresAt: z.string(),
  joinUrl: z.string(),
  participants: z.array(z.object({ id: z.uuid(), displayName: z.string(), institutionName: z.string().nullable(), subgroupId: z.uuid().nullable() })),
  subgroups: z.array(z.object({ id: z.uuid(), name: z.string() })),
  profileVersionId: z.uuid().nullable(),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;
