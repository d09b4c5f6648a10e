import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createCredential as createStatusListCredential, createList, decodeList, type BitstringStatusList } from '@digitalbazaar/vc-bitstring-status-list';
import type { Ed25519KeyPair } from '@digitalbazaar/ed25519-multikey';
import type { Tx } from '../../../db/client.ts';
import type { AuthorizedNetworkId } from '../../foundation/auth/types.ts';
import { buildDocumentLoader } from './build-document-loader.ts';
import { getStatusList, getStatusListForUpdate } from './data.ts';
import { createStatusListOnce, updateStatusList } from './mutations.ts';
import { STATUS_LIST_LENGTH, credentialIssuerId, credentialStatusListId } from './rules.ts';

// The network's revocation lists, W3C Bitstring Status List v1.0: each badge names one bit of a
// list in its credentialStatus (a BitstringStatusListEntry with statusPurpose "revocation"), and
// the list itself is a BitstringStatusListCredential signed with the same network key, served at
// a public URL, so any verifier can check revocation without asking Kruispunt anything about the
// badge. The bitstring (GZIP, base64url with the multibase "u" prefix) is built and read by
// Digital Bazaar's vc-bitstring-status-list; it is signed like the badges (eddsa-rdfc-2022).

const contextsOnly = buildDocumentLoader(async () => null);

async function signStatusList(baseUrl: string, networkId: string, list: number, bits: BitstringStatusList, keyPair: Ed25519KeyPair, now: Date) {
  const unsigned = await createStatusListCredential({ id: credentialStatusListId(baseUrl, networkId, list), list: bits, statusPurpose: 'revocation' });
  const credential = { ...unsigned, issuer: credentialIssuerId(baseUrl, networkId), validFrom: now.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite, date: now });
  return vc.issue({ credential, suite, documentLoader: contextsOnly, now });
}

/** Makes sure list number `list` exists (all bits clear, signed) before a badge points into it. */
export async function ensureStatusList(tx: Tx, baseUrl: string, networkId: AuthorizedNetworkId, list: number, keyPair: Ed25519KeyPair, now: Date) {
  if (await getStatusList(tx, networkId, list)) return;
  const document = await signStatusList(baseUrl, networkId, list, await createList({ length: STATUS_LIST_LENGTH }), keyPair, now);
  await createStatusListOnce(tx, networkId, list, document, now);
}

/** Sets one bit (revoked) and signs the list again; the row stays locked until the transaction ends. */
export async function setStatusBit(tx: Tx, baseUrl: string, networkId: AuthorizedNetworkId, position: { list: number; index: number }, keyPair: Ed25519KeyPair, now: Date) {
  await ensureStatusList(tx, baseUrl, networkId, position.list, keyPair, now);
  const row = (await getStatusListForUpdate(tx, networkId, position.list))!;
  const subject = (row.document as { credentialSubject: { encodedList: string } }).credentialSubject;
  const bits = await decodeList({ encodedList: subject.encodedList });
  if (bits.getStatus(position.index)) return;
  bits.setStatus(position.index, true);
  await updateStatusList(tx, networkId, position.list, await signStatusList(baseUrl, networkId, position.list, bits, keyPair, now), now);
}
