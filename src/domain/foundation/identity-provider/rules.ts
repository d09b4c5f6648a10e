import type { ProviderKind } from './schema.ts';

// Claim names per kind of provider. SURFconext names the institution in `schac_home_organization`
// (a domain such as `hr.nl`); Entree in the organisation claim (`nl_edu_person_home_organization_id`,
// the school's BRIN); eduID has no institution (guests join by invitation).
export const providerClaimDefaults: Record<ProviderKind, { scopes: string; organisationClaim: string; emailClaim: string; nameClaim: string }> = {
  surfconext: { scopes: 'openid email profile', organisationClaim: 'schac_home_organization', emailClaim: 'email', nameClaim: 'name' },
  entree: { scopes: 'openid email profile', organisationClaim: 'nl_edu_person_home_organization_id', emailClaim: 'email', nameClaim: 'name' },
  eduid: { scopes: 'openid email profile', organisationClaim: 'schac_home_organization', emailClaim: 'email', nameClaim: 'name' },
  other: { scopes: 'openid email profile', organisationClaim: 'schac_home_organization', emailClaim: 'email', nameClaim: 'name' },
};

/** Minutes a login at a provider may take between the button and the way back. */
export const PROVIDER_LOGIN_MINUTES = 10;

/** A claim's value as text (a provider may send one value or a list); undefined when absent or empty. */
export function claimText(claims: Record<string, unknown>, name: string): string | undefined {
  const value = claims[name];
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== 'string' && typeof first !== 'number') return undefined;
  const text = String(first).trim();
  return text === '' ? undefined : text;
}

/** A provider may only be reached over plain http on this machine (tests, the demo's local provider). */
export function issuerAllowsHttp(issuer: string): boolean {
  const host = new URL(issuer).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}
