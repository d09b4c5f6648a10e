// Where a network's issuer documents live. The ids are part of every signed credential, so they
// derive from the configured public URL only.

export function credentialIssuerId(baseUrl: string, networkId: string): string {
  return `${baseUrl}/api/public/issuers/${networkId}`;
}

export function credentialKeyId(baseUrl: string, networkId: string): string {
  return `${credentialIssuerId(baseUrl, networkId)}/key`;
}

/** The network id of one of our issuer or key URLs, or null. */
export function credentialIssuerNetwork(baseUrl: string, url: string): { networkId: string; key: boolean } | null {
  const prefix = `${baseUrl}/api/public/issuers/`;
  if (!url.startsWith(prefix)) return null;
  const m = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/key)?$/.exec(url.slice(prefix.length));
  return m ? { networkId: m[1]!, key: Boolean(m[2]) } : null;
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
