import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { coreMessages, localeNegotiate, translatorCreate, type Messages } from '../../src/lib/i18n.ts';
import { coreErrors } from '../../src/lib/errors.ts';
import { areas } from '../../src/server/modules.ts';
import { foundationMessages } from '../../src/domain/foundation/messages.ts';

// The server's messages (errors, e-mails, reports) exist in Dutch and English alike, in the core
// catalogue and in every area's own.
const catalogues: [string, Messages][] = [['core', coreMessages], ...areas.map((a): [string, Messages] => [a.module.name, a.module.messages])];
const translate = translatorCreate(...areas.map((a) => a.module.messages));

describe('server message catalogues', () => {
  it.each(catalogues)('%s: the same keys, no empty texts and the same placeholders in nl and en', (_name, catalogue) => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
    for (const [key, nl] of Object.entries(catalogue.nl)) {
      const en = catalogue.en[key]!;
      expect(nl.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), key).toEqual(names(nl));
    }
  });

  it('no key is defined by two catalogues', () => {
    const owner = new Map<string, string>();
    for (const [name, catalogue] of catalogues) {
      for (const key of Object.keys(catalogue.nl)) {
        expect(owner.get(key), `${key} in ${name}`).toBeUndefined();
        owner.set(key, name);
      }
    }
  });

  it('translate every error code the server can answer with, and every code thrown is declared with a status', () => {
    const declared = new Map<string, number>(Object.entries(coreErrors));
    for (const { module } of areas) for (const [code, status] of Object.entries(module.errors)) declared.set(code, status);
    expect(declared.size).toBeGreaterThan(20);
    for (const code of declared.keys()) {
      expect(translate('nl', code), code).not.toBe(code);
      expect(translate('en', code), code).not.toBe(code);
    }
    const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src'], { encoding: 'utf8' }).split('\n').filter((f) => /\.tsx?$/.test(f));
    const thrown = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new AppError\('([A-Z_]+)'/g)].map((m) => m[1]!)));
    expect(thrown.size).toBeGreaterThan(20);
    for (const code of thrown) expect(declared.has(code), `${code} is thrown but not declared in an area module`).toBe(true);
  });

  it('fills placeholders and picks the language', () => {
    expect(translate('en', 'TOO_MANY_ATTEMPTS', { minutes: 15 })).toBe('Too many login attempts. Wait 15 min. and try again.');
    expect(translatorCreate(foundationMessages)('nl', 'FIELD_REQUIRED')).toBe(coreMessages.nl.FIELD_REQUIRED);
    expect(localeNegotiate(undefined, 'de-DE,en;q=0.8')).toBe('en');
    expect(localeNegotiate('nl', 'en')).toBe('nl');
    expect(localeNegotiate(undefined, undefined)).toBe('nl');
  });
});
