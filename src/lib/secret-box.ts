import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// Secrets Kruispunt must be able to read back (an identity provider's client secret) are stored
// encrypted with AES-256-GCM under a key derived from KRUISPUNT_SECRET_KEY: a copy of the database
// alone does not reveal them. Format: v1.<iv>.<tag>.<ciphertext>, each base64url.

function keyOf(secretKey: string): Buffer {
  return createHash('sha256').update(`kruispunt-secret-box:${secretKey}`).digest();
}

export function secretBoxSeal(secretKey: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secretKey), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

/** The plain secret, or undefined when the key does not fit (the key was changed). */
export function secretBoxOpen(secretKey: string, sealed: string): string | undefined {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secretKey), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
