import { z } from 'zod';
import { markSchema } from '../session/schema.ts';

// Step 1 and 2: short statements per domain, marked agree / disagree / not sure, and attached to domains.

export const STATEMENT_TEXT_MAX = 280;

export const statementInputSchema = z.object({
  domainKey: z.string().trim().min(1).max(40),
  text: z.string().trim().min(1).max(STATEMENT_TEXT_MAX),
});
export type StatementInput = z.infer<typeof statementInputSchema>;

export const markInputSchema = z.object({ mark: markSchema.nullable() });
export const attachInputSchema = z.object({ domainKeys: z.array(z.string().trim().min(1).max(40)).max(8) });

export const statementResultSchema = z.object({ id: z.uuid(), seq: z.number().int() });
export type StatementResult = z.infer<typeof statementResultSchema>;
