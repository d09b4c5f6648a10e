import { z } from 'zod';

// Identity providers (OpenID Connect): SURFconext (hbo, mbo), Entree (vo, mbo), eduID (guests),
// or any other. A beheerder adds them; the login page shows a button per enabled provider.

export const providerKinds = ['surfconext', 'entree', 'eduid', 'other'] as const;
export const providerKindSchema = z.enum(providerKinds);
export type ProviderKind = z.infer<typeof providerKindSchema>;

const claimName = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_:.\-/]+$/);

export const providerInstitutionSchema = z.object({
  institutionId: z.uuid(),
  /** The value of the organisation claim for this institution (e.g. `hr.nl` for SURFconext, a BRIN for Entree). */
  organisation: z.string().trim().min(1).max(200),
  /** Its people must log in through this provider: their password login is refused. */
  required: z.boolean().default(false),
});
export type ProviderInstitution = z.infer<typeof providerInstitutionSchema>;

export const identityProviderInputSchema = z.object({
  name: z.string().trim().min(1).max(100),
  kind: providerKindSchema,
  issuer: z.url({ protocol: /^https?$/ }).max(500),
  clientId: z.string().trim().min(1).max(500),
  clientSecret: z.string().min(1).max(2000),
  scopes: z.string().trim().min(6).max(500).optional(),
  organisationClaim: claimName.optional(),
  emailClaim: claimName.optional(),
  nameClaim: claimName.optional(),
  linkVerifiedEmail: z.boolean().default(false),
  enabled: z.boolean().default(true),
  institutions: z.array(providerInstitutionSchema).max(500).default([]),
});
export type IdentityProviderInput = z.infer<typeof identityProviderInputSchema>;

export const identityProviderPatchSchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  issuer: z.url({ protocol: /^https?$/ }).max(500).optional(),
  clientId: z.string().trim().min(1).max(500).optional(),
  /** Replaces the stored secret; leave out to keep it. */
  clientSecret: z.string().min(1).max(2000).optional(),
  scopes: z.string().trim().min(6).max(500).optional(),
  organisationClaim: claimName.optional(),
  emailClaim: claimName.optional(),
  nameClaim: claimName.optional(),
  linkVerifiedEmail: z.boolean().optional(),
  enabled: z.boolean().optional(),
  institutions: z.array(providerInstitutionSchema).max(500).optional(),
});
export type IdentityProviderPatch = z.infer<typeof identityProviderPatchSchema>;

/** A provider as the beheerder sees it: the client secret is never returned. */
export const identityProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: providerKindSchema,
  issuer: z.string(),
  clientId: z.string(),
  hasClientSecret: z.boolean(),
  scopes: z.string(),
  organisationClaim: z.string(),
  emailClaim: z.string(),
  nameClaim: z.string(),
  linkVerifiedEmail: z.boolean(),
  enabled: z.boolean(),
  institutions: z.array(providerInstitutionSchema.extend({ institutionName: z.string() })),
  /** Where the provider must send people back to (register it with the provider). */
  redirectUri: z.string(),
});
export type IdentityProvider = z.infer<typeof identityProviderSchema>;

/** A login button. */
export const loginProviderSchema = z.object({ id: z.string(), name: z.string(), kind: providerKindSchema });
export type LoginProvider = z.infer<typeof loginProviderSchema>;

export const providerLoginStartQuerySchema = z.object({
  /** An invitation's token: the first login through the provider accepts it. */
  invitation: z.string().min(20).max(200).optional(),
});

export const providerCallbackQuerySchema = z.object({
  state: z.string().max(500).optional(),
  code: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
});

/** Error codes a failed provider login can end with (the login page explains each). */
export const providerLoginErrorCodes = [
  'OIDC_PROVIDER_UNKNOWN', 'OIDC_PROVIDER_UNAVAILABLE', 'OIDC_STATE_INVALID', 'OIDC_CODE_INVALID', 'OIDC_TOKEN_INVALID',
  'OIDC_TOKEN_EXPIRED', 'OIDC_EMAIL_MISSING', 'OIDC_INSTITUTION_UNKNOWN', 'OIDC_ACCOUNT_EXISTS', 'OIDC_LOGIN_CANCELLED',
  'TOKEN_INVALID', 'TOKEN_EXPIRED',
] as const;
