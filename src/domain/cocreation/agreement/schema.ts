import { z } from 'zod';

// Step 5: follow-up agreements, each with an owner and a due date; owners get e-mail reminders.

const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'FIELD_INVALID_DATE')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'FIELD_INVALID_DATE');

export const agreementInputSchema = z.object({
  title: z.string().trim().min(1).max(300),
  ownerName: z.string().trim().min(1).max(120),
  ownerEmail: z.email().max(254).optional(),
  dueDate: dateSchema,
});
export type AgreementInput = z.infer<typeof agreementInputSchema>;
