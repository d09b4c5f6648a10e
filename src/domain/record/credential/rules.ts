// Where a network's issuer documents live. The ids are part of every signed credential, so they
// derive from the configured public URL only.

export function credentialIssuerId(baseUrl: string, networkId: string): string {
  return `${baseUrl}/api/public/issuers/${networkId}`;
}

export function credentialKeyId(baseUrl: string, networkId: string): string {
  return `${credentialIssuerId(baseUrl, networkId)}/key`;
}

/** The URL of one of the network's revocation lists (a BitstringStatusListCredential). */
export function credentialStatusListId(baseUrl: string, networkId: string, list: number): string {
  return `${credentialIssuerId(baseUrl, networkId)}/status/${list}`;
}

/**
 * The network id of one of our issuer, key or status-list URLs, or null. `key` marks the key
 * document, `statusList` the number of a revocation list (null otherwise).
 */
export function credentialIssuerNetwork(baseUrl: string, url: string): { networkId: string; key: boolean; statusList: number | null } | null {
  const prefix = `${baseUrl}/api/public/issuers/`;
  if (!url.startsWith(prefix)) return null;
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/key|\/status\/(\d{1,6}))?$/.exec(url.slice(prefix.length));
  if (!m) return null;
  return { networkId: m[1]!, key: m[2] === '/key', statusList: m[3] === undefined ? null : Number(m[3]) };
}

/**
 * Bits per revocation list: 131,072 (16 KB), the minimum W3C Bitstring Status List v1.0 asks for,
 * so one revoked badge hides among many.
 */
export const STATUS_LIST_LENGTH = 131_072;
/** An odd multiplier: position = counter × multiplier mod 2^17 visits every bit of a list once, in scattered order. */
const STATUS_SCATTER = 48_271;

/**
 * The place of the n-th badge of a network in its revocation lists. Positions are scattered (the
 * spec asks issuers not to hand them out in issuing order) yet never repeat: multiplying by an odd
 * number is a bijection modulo a power of two. A list that is full moves on to the next list.
 */
export function credentialStatusPosition(counter: number): { list: number; index: number } {
  const list = Math.floor(counter / STATUS_LIST_LENGTH);
  const n = counter % STATUS_LIST_LENGTH;
  return { list, index: Number((BigInt(n) * BigInt(STATUS_SCATTER) + 7_919n) % BigInt(STATUS_LIST_LENGTH)) };
}

/** The credentialStatus of a badge: a BitstringStatusListEntry pointing to its bit in the network's list. */
export function credentialStatusEntry(baseUrl: string, networkId: string, position: { list: number; index: number }) {
  const listUrl = credentialStatusListId(baseUrl, networkId, position.list);
  return {
    id: `${listUrl}#${position.index}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
    statusListIndex: String(position.index), statusListCredential: listUrl,
  };
}

/** The controller document (JSON-LD, security vocabulary) that names the key allowed to assert credentials. */
export function credentialControllerDocument(baseUrl: string, networkId: string) {
  return { '@context': 'https://w3id.org/security/v2', id: credentialIssuerId(baseUrl, networkId), assertionMethod: [credentialKeyId(baseUrl, networkId)] };
}

/** The public key as a Multikey document. */
export function credentialKeyDocument(baseUrl: string, networkId: string, publicKeyMultibase: string) {
  return {
    '@context': 'https://w3id.org/security/multikey/v1', id: credentialKeyId(baseUrl, networkId), type: 'Multikey',
    controller: credentialIssuerId(baseUrl, networkId), publicKeyMultibase,
  };
}
