import { z } from 'zod';

export const roles = ['network_coordinator', 'school_coordinator', 'teacher', 'professional', 'team_lead', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
/** Roles held for the whole network; the others belong to one institution. */
export const networkRoles: readonly Role[] = ['network_coordinator', 'admin'];

export const localeSchema = z.enum(['nl', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const emailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

export const membershipSchema = z.object({
  networkId: z.string(),
  networkName: z.string(),
  institutionId: z.string().nullable(),
  institutionName: z.string().nullable(),
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.object({ role: roleSchema, institutionId: z.string().nullable(), institutionName: z.string().nullable() })),
  programmeIds: z.array(z.string()),
  hasAccount: z.boolean(),
});
export type Person = z.infer<typeof personSchema>;

export const personPatchSchema = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  programmeIds: z.array(z.uuid()).max(20).optional(),
});
export type PersonPatch = z.infer<typeof personPatchSchema>;

export const mePatchSchema = z.object({
  name: z.string().trim().min(2).max(120).optional(),
  locale: localeSchema.optional(),
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  locale: localeSchema,
  memberships: z.array(membershipSchema),
});
export type Me = z.infer<typeof meSchema>;
