import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { getRecordPerson } from '../entry/data.ts';
import { policyCredentialRevoke, policyRecordOwner } from '../entry/policy.ts';
import { getCredential, getPublicIssuer } from './data.ts';
import { revokeCredential } from './mutations.ts';
import { credentialBaseUrl } from './issue-credential.ts';
import { credentialControllerDocument, credentialIssuerId, credentialKeyDocument } from './rules.ts';

// Downloading and revoking credentials; the public issuer documents.

/** The signed credential, for its holder. */
export async function readCredential(deps: Deps, actor: Actor, networkId: string, id: string): Promise<Record<string, unknown>> {
  const nid = policyRecordOwner(actor, networkId);
  const row = await getCredential(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.personId !== actor.personId) throw new AppError('FORBIDDEN');
  return row.document as Record<string, unknown>;
}

/** Revokes a credential: by the teacher it was issued to, or a coordinator over their institution. */
export async function revokeRecordCredential(deps: Deps, actor: Actor, networkId: string, id: string): Promise<{ ok: true }> {
  const nid = policyRecordOwner(actor, networkId);
  const row = await getCredential(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  const person = await getRecordPerson(deps.db, nid, row.personId);
  policyCredentialRevoke(actor, networkId, { id: row.personId, institutionIds: person?.roles.flatMap((r) => (r.institutionId ? [r.institutionId] : [])) ?? [] });
  await deps.db.transaction(async (tx) => {
    await revokeCredential(tx, nid, id, actor.personId, deps.now());
    await recordAudit(tx, nid, actor.personId, 'revoke', 'credential', id, null);
  });
  return { ok: true };
}

/** The issuer's public profile: its name and the key it signs with (the controller document). */
export async function readIssuerProfile(deps: Deps, networkId: string) {
  const issuer = await getPublicIssuer(deps.db, networkId);
  if (!issuer) throw new AppError('NOT_FOUND');
  const base = credentialBaseUrl(deps);
  return { ...credentialControllerDocument(base, networkId), type: 'Profile', name: issuer.name, url: `${base}/`, verificationMethod: [credentialKeyDocument(base, networkId, issuer.publicKeyMultibase)], issuerId: credentialIssuerId(base, networkId) };
}

/** The issuer's public key as a Multikey document. */
export async function readIssuerKey(deps: Deps, networkId: string) {
  const issuer = await getPublicIssuer(deps.db, networkId);
  if (!issuer) throw new AppError('NOT_FOUND');
  return credentialKeyDocument(credentialBaseUrl(deps), networkId, issuer.publicKeyMultibase);
}
