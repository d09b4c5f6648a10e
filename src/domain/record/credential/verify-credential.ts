import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import type { Deps } from '../../foundation/auth/types.ts';
import { checkStatus } from '@digitalbazaar/vc-bitstring-status-list';
import { getCredentialStatus, getPublicIssuer, getStatusList } from './data.ts';
import { credentialBaseUrl, credentialLoader } from './issue-credential.ts';
import { credentialIssuerNetwork } from './rules.ts';
import { openBadgeCredentialSchema, type CredentialCheck, type CredentialVerification } from './schema.ts';

// Checks a pasted or uploaded credential, for anyone: is it JSON, an Open Badges 3.0 credential,
// issued by one of this Kruispunt's networks, signed by that network's key and unchanged since,
// within its validity, and not revoked. The answer names the first check that failed.
// Revocation is read the way an outside verifier reads it: from the signed Bitstring Status List
// the badge points to (its signature and issuer checked, then the badge's bit), with the date from
// Kruispunt's own record when it still has one. Badges issued before status lists existed carry
// no credentialStatus; for them the record alone answers.

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
  const issuer = ours && !ours.key && ours.statusList === null ? await getPublicIssuer(deps.db, ours.networkId) : undefined;
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
      // the status is its own step below, so that a revoked badge is not reported as badly signed
      checkStatus: async () => ({ verified: true }),
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
  const record = id ? await getCredentialStatus(deps.db, id) : undefined;
  const recordRevokedAt = record?.revokedAt && record.networkId === issuer.id ? record.revokedAt.toISOString() : null;
  let revoked = recordRevokedAt !== null;
  if (credential.credentialStatus !== undefined) {
    const listed = await checkStatus({
      credential: json, suite: new DataIntegrityProof({ cryptosuite }), verifyBitstringStatusListCredential: true, verifyMatchingIssuers: true,
      documentLoader: credentialLoader(deps, (networkId) => getPublicIssuer(deps.db, networkId), async (networkId, list) => (await getStatusList(deps.db, networkId, list))?.document),
    });
    if (!listed.verified || !listed.results?.length) {
      checks.push({ check: 'revocation', ok: false });
      return out('STATUS_UNAVAILABLE', named);
    }
    revoked = listed.results.some((r) => r.status);
  }
  checks.push({ check: 'revocation', ok: !revoked });
  if (revoked) return out('REVOKED', { ...named, revokedAt: recordRevokedAt });
  return out(null, named);
}
