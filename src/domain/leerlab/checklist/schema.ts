import { z } from 'zod';

export const checklistKindSchema = z.enum(['badges', 'grade_accounts', 'financing', 'evaluation', 'transport', 'custom']);
export const checklistStatusSchema = z.enum(['open', 'in_progress', 'done']);

/** Financing and subsidy: source, amount, period, spent so far, documents due. */
export const financingSchema = z.object({
  source: z.string().trim().max(120).default(''),
  amount: z.number().min(0).max(10_000_000).default(0),
  period: z.string().trim().max(60).default(''),
  spent: z.number().min(0).max(10_000_000).default(0),
  documentsDue: z.iso.date().nullable().default(null),
});
export type Financing = z.infer<typeof financingSchema>;

export const checklistItemCreateSchema = z.object({
  title: z.string().trim().min(2).max(160),
  ownerId: z.uuid().nullable().default(null),
  dueDate: z.iso.date().nullable().default(null),
});

export const checklistItemUpdateSchema = z.object({
  title: z.string().trim().min(2).max(160).optional(),
  ownerId: z.uuid().nullable().optional(),
  dueDate: z.iso.date().nullable().optional(),
  status: checklistStatusSchema.optional(),
  note: z.string().trim().max(2000).optional(),
  financing: financingSchema.optional(),
});

export const checklistItemSchema = z.object({
  id: z.string(),
  kind: checklistKindSchema,
  title: z.string(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: checklistStatusSchema,
  note: z.string(),
  financing: financingSchema.nullable(),
  overdue: z.boolean(),
  remindedAt: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;
