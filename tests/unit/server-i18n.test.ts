import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogues, translate, localeNegotiate } from '../../src/lib/i18n.ts';

// The server's messages (errors, e-mails, reports) exist in Dutch and English alike.
describe('server message catalogues', () => {
  it('have the same keys, no empty texts and the same placeholders in nl and en', () => {
    expect(Object.keys(catalogues.en).sort()).toEqual(Object.keys(catalogues.nl).sort());
    for (const [key, nl] of Object.entries(catalogues.nl)) {
      const en = catalogues.en[key]!;
      expect(nl.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), key).toEqual(names(nl));
    }
  });

  it('translate every error code the server can answer with', () => {
    const codes = [...readFileSync('src/lib/errors.ts', 'utf8').matchAll(/\| '([A-Z_]+)'/g)].map((m) => m[1]!);
    expect(codes.length).toBeGreaterThan(20);
    for (const code of codes) {
      expect(catalogues.nl[code], code).toBeTruthy();
      expect(catalogues.en[code], code).toBeTruthy();
    }
  });

  it('fills placeholders and picks the language', () => {
    expect(translate('en', 'TOO_MANY_ATTEMPTS', { minutes: 15 })).toBe('Too many login attempts. Try again in 15 minutes.');
    expect(localeNegotiate(undefined, 'de-DE,en;q=0.8')).toBe('en');
    expect(localeNegotiate('nl', 'en')).toBe('nl');
    expect(localeNegotiate(undefined, undefined)).toBe('nl');
  });
});
