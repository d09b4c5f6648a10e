import { AppError } from '../../../lib/errors.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { getRecordPerson } from '../entry/data.ts';
import { policyCredentialRevoke, policyRecordOwner } from '../entry/policy.ts';
import { getCredential, getPublicIssuer, getStatusList } from './data.ts';
import { revokeCredential } from './mutations.ts';
import { credentialBaseUrl, getNetworkKeyPair } from './issue-credential.ts';
import { setStatusBit } from './write-status-list.ts';
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
  const keyPair = row.statusList !== null && row.statusIndex !== null ? await getNetworkKeyPair(deps, nid) : null;
  await deps.db.transaction(async (tx) => {
    await revokeCredential(tx, nid, id, actor.personId, deps.now());
    // The badge's bit in the public revocation list, which the list's new signature covers.
    if (keyPair) await setStatusBit(tx, credentialBaseUrl(deps), nid, { list: row.statusList!, index: row.statusIndex! }, keyPair, deps.now());
    await recordAudit(tx, nid, actor.personId, 'revoke', 'credential', id, null);
  });
  return { ok: true };
}

/**
 * The issuer's public profile: its name and the key it signs with. It is also the controller
 * document an outside verifier loads to see that the key may assert credentials, so every term
 * in it is defined by its contexts (JSON-LD safe mode drops nothing).
 */
export async function readIssuerProfile(deps: Deps, networkId: string) {
  const issuer = await getPublicIssuer(deps.db, networkId);
  if (!issuer) throw new AppError('NOT_FOUND');
  const base = credentialBaseUrl(deps);
  const controller = credentialControllerDocument(base, networkId);
  return {
    '@context': [controller['@context'], { name: 'https://schema.org/name', url: { '@id': 'https://schema.org/url', '@type': '@id' }, Profile: 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#Profile' }],
    id: credentialIssuerId(base, networkId), type: 'Profile', name: issuer.name, url: `${base}/`,
    assertionMethod: controller.assertionMethod, verificationMethod: [credentialKeyDocument(base, networkId, issuer.publicKeyMultibase)],
  };
}

/** The issuer's public key as a Multikey document. */
export async function readIssuerKey(deps: Deps, networkId: string) {
  const issuer = await getPublicIssuer(deps.db, networkId);
  if (!issuer) throw new AppError('NOT_FOUND');
  return credentialKeyDocument(credentialBaseUrl(deps), networkId, issuer.publicKeyMultibase);
}

/** One of the issuer's revocation lists: the signed BitstringStatusListCredential, for anyone. */
export async function readStatusList(deps: Deps, networkId: string, list: number): Promise<Record<string, unknown>> {
  const row = await getStatusList(deps.db, networkId, list);
  if (!row) throw new AppError('NOT_FOUND');
  return row.document;
}
