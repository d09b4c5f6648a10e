import { z } from 'zod';
import { emailSchema, roleSchema } from '../person/schema.ts';
import { passwordSchema } from '../auth/schema.ts';

export const invitationInputSchema = z.object({
  email: emailSchema,
  name: z.string().trim().min(2).max(120),
  role: roleSchema,
  institutionId: z.uuid().nullable().optional(),
});
export type InvitationInput = z.infer<typeof invitationInputSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  status: z.enum(['pending', 'accepted', 'expired', 'revoked']),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationPublicSchema = z.object({
  email: z.string(),
  name: z.string(),
  networkName: z.string(),
  institutionName: z.string().nullable(),
  role: roleSchema,
  hasAccount: z.boolean(),
});

export const invitationAcceptSchema = z.object({
  name: z.string().trim().min(2).max(120),
  password: passwordSchema,
});
