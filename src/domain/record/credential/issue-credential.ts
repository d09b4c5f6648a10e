import { createHash, randomBytes, randomUUID } from 'node:crypto';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { translate } from '../messages.ts';
import { getOwnCompletedEntry } from '../entry/actions.ts';
import { getNetworkName, listPersonCredentials } from '../entry/data.ts';
import { policyRecordOwner } from '../entry/policy.ts';
import type { RecordEntry } from '../entry/schema.ts';
import { buildDocumentLoader } from './build-document-loader.ts';
import { getCredential, getCredentialKey } from './data.ts';
import { createCredential, createCredentialKeyOnce, takeStatusCounter } from './mutations.ts';
import { credentialControllerDocument, credentialIssuerId, credentialIssuerNetwork, credentialKeyDocument, credentialKeyId, credentialStatusEntry, credentialStatusPosition } from './rules.ts';
import { ensureStatusList } from './write-status-list.ts';
import { OB_CONTEXT_V3, VC_CONTEXT_V2 } from './schema.ts';

// Issuing an activity of the record as an Open Badges 3.0 OpenBadgeCredential (W3C Verifiable
// Credentials 2.0 data model), signed with the network's Ed25519 key as a Data Integrity proof
// with the eddsa-rdfc-2022 cryptosuite (RDF canonicalisation). Signing, canonicalisation and the
// key format come from maintained libraries (Digital Bazaar's vc, data-integrity,
// eddsa-rdfc-2022-cryptosuite and ed25519-multikey); the contexts from npm packages.

export function credentialBaseUrl(deps: Deps): string {
  return (deps.config.PUBLIC_URL ?? `http://${deps.config.HOST}:${deps.config.PORT}`).replace(/\/$/, '');
}

/** The network's key pair, generated on first use and kept in the database. */
export async function getNetworkKeyPair(deps: Deps, nid: AuthorizedNetworkId) {
  const base = credentialBaseUrl(deps);
  let row = await getCredentialKey(deps.db, nid);
  if (!row) {
    const fresh = await Ed25519Multikey.generate({ id: credentialKeyId(base, nid), controller: credentialIssuerId(base, nid) });
    await createCredentialKeyOnce(deps.db, nid, { publicKeyMultibase: fresh.publicKeyMultibase, secretKeyMultibase: fresh.secretKeyMultibase! }, deps.now());
    row = (await getCredentialKey(deps.db, nid))!;
  }
  return Ed25519Multikey.from({
    '@context': 'https://w3id.org/security/multikey/v1', type: 'Multikey', id: credentialKeyId(base, nid), controller: credentialIssuerId(base, nid),
    publicKeyMultibase: row.publicKeyMultibase, secretKeyMultibase: row.secretKeyMultibase,
  });
}

/** The unsigned credential of one record entry. */
export function buildOpenBadge(options: {
  id: string; baseUrl: string; networkId: string; networkName: string; entry: RecordEntry; email: string; salt: string; validFrom: string; locale: Locale;
  status: { list: number; index: number };
}) {
  const { baseUrl, networkId, entry, locale } = options;
  const issuerId = credentialIssuerId(baseUrl, networkId);
  const t = (code: string, p: Record<string, string | number> = {}) => translate(locale, code, p);
  const evidenceUrl = entry.evidenceUrl ?? (entry.link ? `${baseUrl}${entry.link}` : null);
  return {
    '@context': [VC_CONTEXT_V2, OB_CONTEXT_V3],
    id: `urn:uuid:${options.id}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuerId, type: ['Profile'], name: options.networkName, url: `${baseUrl}/` },
    validFrom: options.validFrom,
    name: entry.title,
    credentialStatus: credentialStatusEntry(baseUrl, networkId, options.status),
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{
        type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: options.salt,
        identityHash: `sha256$${createHash('sha256').update(options.email.toLowerCase() + options.salt).digest('hex')}`,
      }],
      achievement: {
        id: `${issuerId}/achievements/${entry.source}/${encodeURIComponent(entry.sourceId)}`,
        type: ['Achievement'],
        name: entry.title,
        description: t('BADGE_DESCRIPTION', { title: entry.title, hours: entry.hours, date: entry.date }),
        criteria: { narrative: t('BADGE_CRITERIA', { hours: entry.hours, contact: entry.contactHours, self: entry.selfStudyHours }) },
      },
    },
    evidence: [{
      ...(evidenceUrl ? { id: evidenceUrl } : {}),
      type: ['Evidence'],
      name: entry.title,
      narrative: t('BADGE_EVIDENCE', { date: entry.date, hours: entry.hours, contact: entry.contactHours, self: entry.selfStudyHours }),
    }],
  };
}

/**
 * The document loader for our own issuers (from the database), their revocation lists (when
 * `findStatusList` is given) and packaged contexts.
 */
export function credentialLoader(
  deps: Deps, findIssuer: (networkId: string) => Promise<{ publicKeyMultibase: string } | undefined>,
  findStatusList?: (networkId: string, list: number) => Promise<Record<string, unknown> | undefined>,
) {
  const base = credentialBaseUrl(deps);
  return buildDocumentLoader(async (url) => {
    const ours = credentialIssuerNetwork(base, url);
    if (!ours) return null;
    if (ours.statusList !== null) return findStatusList ? ((await findStatusList(ours.networkId, ours.statusList)) ?? null) : null;
    const issuer = await findIssuer(ours.networkId);
    if (!issuer) return null;
    return ours.key ? credentialKeyDocument(base, ours.networkId, issuer.publicKeyMultibase) : credentialControllerDocument(base, ours.networkId);
  });
}

/** Issues (or returns the standing) credential for one of the actor's completed activities. */
export async function issueRecordCredential(deps: Deps, actor: Actor, networkId: string, source: string, sourceId: string, locale: Locale) {
  const nid = policyRecordOwner(actor, networkId);
  const { person, entry } = await getOwnCompletedEntry(deps, nid, actor, source, sourceId);
  const standing = (await listPersonCredentials(deps.db, nid, actor.personId)).filter((c) => c.source === source && c.sourceId === sourceId && c.revokedAt === null).at(-1);
  if (standing) {
    const row = await getCredential(deps.db, nid, standing.id);
    return { id: standing.id, document: row!.document as Record<string, unknown> };
  }
  const keyPair = await getNetworkKeyPair(deps, nid);
  const id = randomUUID();
  const now = deps.now();
  const base = credentialBaseUrl(deps);
  // Its own bit in the network's revocation list, which exists (signed, all clear) before the badge points into it.
  const status = credentialStatusPosition(await takeStatusCounter(deps.db, nid));
  await ensureStatusList(deps.db, base, nid, status.list, keyPair, now);
  const credential = buildOpenBadge({
    id, baseUrl: base, networkId: nid, networkName: await getNetworkName(deps.db, nid), entry, email: person.email,
    salt: randomBytes(8).toString('hex'), validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z'), locale, status,
  });
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: now });
  const loader = credentialLoader(deps, async (n) => (n === nid ? keyPair : undefined));
  let document: Record<string, unknown>;
  try {
    document = await vc.issue({ credential, suite, documentLoader: loader, now });
  } catch (error) {
    deps.log.error({ err: error }, 'credential signing failed');
    throw new AppError('CREDENTIAL_SIGNING_FAILED');
  }
  await deps.db.transaction(async (tx) => {
    await createCredential(tx, nid, { id, personId: actor.personId, source, sourceId, title: entry.title, document, statusList: status.list, statusIndex: status.index }, now);
    await recordAudit(tx, nid, actor.personId, 'create', 'credential', id, { source, sourceId });
  });
  return { id, document };
}
