import { z } from 'zod';

// Open Badges 3.0 credentials of the record: what is issued, how a pasted or uploaded credential
// is checked, and the shape an OpenBadgeCredential must have.

export const CREDENTIAL_TEXT_MAX = 200_000;
export const VC_CONTEXT_V2 = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const credentialVerifyInputSchema = z.object({
  /** The credential's JSON as text (pasted, or read from an uploaded file by the browser). */
  credential: z.string().min(1).max(CREDENTIAL_TEXT_MAX),
});
export type CredentialVerifyInput = z.infer<typeof credentialVerifyInputSchema>;

export const credentialCheckSchema = z.enum(['json', 'shape', 'issuer', 'signature', 'expiry', 'revocation']);
export type CredentialCheck = z.infer<typeof credentialCheckSchema>;

export const credentialVerificationSchema = z.object({
  valid: z.boolean(),
  /** Why it is not valid (a code the browser translates), null when valid. */
  reason: z.enum(['NOT_JSON', 'NOT_A_BADGE', 'UNKNOWN_ISSUER', 'BAD_SIGNATURE', 'EXPIRED', 'NOT_YET_VALID', 'STATUS_UNAVAILABLE', 'REVOKED']).nullable(),
  checks: z.array(z.object({ check: credentialCheckSchema, ok: z.boolean() })),
  issuerName: z.string().nullable(),
  achievement: z.string().nullable(),
  validFrom: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type CredentialVerification = z.infer<typeof credentialVerificationSchema>;

export const credentialIssueResultSchema = z.object({ id: z.string(), document: z.record(z.string(), z.unknown()) });

const typeList = (must: string) => z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t : [t]).includes(must), `TYPE_${must}`);
const uriSchema = z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i);

/**
 * The required fields of an Open Badges 3.0 OpenBadgeCredential (AchievementCredential), written
 * from the 1EdTech specification's data model and its JSON schema
 * (ob_v3p0_achievementcredential_schema.json): no npm package ships that schema, so its required
 * properties are checked here.
 */
export const openBadgeCredentialSchema = z.object({
  '@context': z.array(z.string()).min(2).refine((c) => c[0] === VC_CONTEXT_V2 || c[0] === 'https://www.w3.org/2018/credentials/v1', 'CONTEXT_VC_FIRST')
    .refine((c) => c.some((u) => u.startsWith('https://purl.imsglobal.org/spec/ob/v3p0/context')), 'CONTEXT_OB'),
  id: uriSchema,
  type: typeList('VerifiableCredential').and(z.union([z.string(), z.array(z.string())]).refine((t) => (Array.isArray(t) ? t : [t]).some((x) => x === 'OpenBadgeCredential' || x === 'AchievementCredential'), 'TYPE_OPEN_BADGE')),
  name: z.string().min(1),
  issuer: z.object({ id: uriSchema, type: typeList('Profile'), name: z.string().optional() }).passthrough(),
  validFrom: z.iso.datetime({ offset: true }),
  validUntil: z.iso.datetime({ offset: true }).optional(),
  credentialSubject: z.object({
    id: uriSchema.optional(),
    type: typeList('AchievementSubject'),
    achievement: z.object({
      id: uriSchema,
      type: typeList('Achievement'),
      name: z.string().min(1),
      description: z.string(),
      criteria: z.object({ id: uriSchema.optional(), narrative: z.string().optional() }).refine((c) => c.id !== undefined || c.narrative !== undefined, 'CRITERIA_ID_OR_NARRATIVE'),
    }).passthrough(),
  }).passthrough(),
  credentialStatus: z.union([z.object({ type: z.string() }).passthrough(), z.array(z.object({ type: z.string() }).passthrough())]).optional(),
  evidence: z.array(z.object({ type: typeList('Evidence') }).passthrough()).optional(),
  proof: z.union([z.object({ type: z.string() }).passthrough(), z.array(z.object({ type: z.string() }).passthrough())]).optional(),
}).passthrough();
export type OpenBadgeCredential = z.infer<typeof openBadgeCredentialSchema>;
