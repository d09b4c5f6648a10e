import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Deps } from '../../foundation/auth/types.ts';
import { getCredentialStatus, getPublicIssuer } from './data.ts';
import { credentialBaseUrl, credentialLoader } from './issue-credential.ts';
import { credentialIssuerNetwork } from './rules.ts';
import { openBadgeCredentialSchema, type CredentialCheck, type CredentialVerification } from './schema.ts';

// Checks a pasted or uploaded credential, for anyone: is it JSON, an Open Badges 3.0 credential,
// issued by one of this Kruispunt's networks, signed by that network's key and unchanged since,
// within its validity, and not revoked. The answer names the first check that failed.

type Reason = NonNullable<CredentialVerification['reason']>;

export async function verifyCredentialText(deps: Deps, text: string): Promise<CredentialVerification> {
  const checks: { check: CredentialCheck; ok: boolean }[] = [];
  const out = (reason: Reason | null, extra: Partial<CredentialVerification> = {}): CredentialVerification => ({
    valid: reason === null, reason, checks, issuerName: null, achievement: null, validFrom: null, revokedAt: null, ...extra,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    checks.push({ check: 'json', ok: false });
    return out('NOT_JSON');
  }
  checks.push({ check: 'json', ok: true });
  const shape = openBadgeCredentialSchema.safeParse(json);
  checks.push({ check: 'shape', ok: shape.success });
  if (!shape.success) return out('NOT_A_BADGE');
  const credential = shape.data;
  const facts = { achievement: credential.credentialSubject.achievement.name, validFrom: credential.validFrom };

  const ours = credentialIssuerNetwork(credentialBaseUrl(deps), credential.issuer.id);
  const issuer = ours && !ours.key ? await getPublicIssuer(deps.db, ours.networkId) : undefined;
  checks.push({ check: 'issuer', ok: Boolean(issuer) });
  if (!issuer) return out('UNKNOWN_ISSUER', facts);
  const named = { ...facts, issuerName: issuer.name };

  // The signature is checked at the moment the credential became valid, so that an expired
  // credential is reported as expired rather than as a bad signature.
  let signed = false;
  try {
    const result = await vc.verifyCredential({
      credential: json, suite: new DataIntegrityProof({ cryptosuite }), now: new Date(credential.validFrom),
      documentLoader: credentialLoader(deps, (networkId) => getPublicIssuer(deps.db, networkId)),
    });
    signed = result.verified;
  } catch {
    signed = false;
  }
  checks.push({ check: 'signature', ok: signed });
  if (!signed) return out('BAD_SIGNATURE', named);

  const now = deps.now().getTime();
  const notYet = Date.parse(credential.validFrom) > now + 5 * 60_000;
  const expired = credential.validUntil !== undefined && Date.parse(credential.validUntil) <= now;
  checks.push({ check: 'expiry', ok: !notYet && !expired });
  if (expired) return out('EXPIRED', named);
  if (notYet) return out('NOT_YET_VALID', named);

  const id = /^urn:uuid:([0-9a-f-]{36})$/.exec(credential.id)?.[1];
  const status = id ? await getCredentialStatus(deps.db, id) : undefined;
  const revokedAt = status?.revokedAt && status.networkId === issuer.id ? status.revokedAt.toISOString() : null;
  checks.push({ check: 'revocation', ok: revokedAt === null });
  if (revokedAt) return out('REVOKED', { ...named, revokedAt });
  return out(null, named);
}
