import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { IntlMessageFormat } from 'intl-messageformat';
import { coreMessages, localeNegotiate, translatorCreate, type Messages } from '../../src/lib/i18n.ts';
import { coreErrors } from '../../src/lib/errors.ts';
import { areas } from '../../src/server/modules.ts';
import { foundationMessages } from '../../src/domain/foundation/messages.ts';

// The server's messages (errors, e-mails, reports) exist in Dutch and English alike, in the core
// catalogue and in every area's own.
const catalogues: [string, Messages][] = [['core', coreMessages], ...areas.map((a): [string, Messages] => [a.module.name, a.module.messages])];
const translate = translatorCreate(...areas.map((a) => a.module.messages));

/** The argument names of an ICU message (`{name}`, `{count, plural, …}`), from the parsed message; it must parse. */
function messageArguments(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: { type: number; value?: unknown; options?: Record<string, { value: unknown[] }>; children?: unknown[] }[]) => {
    for (const el of elements) {
      if (el.type !== 0 && el.type !== 7 && typeof el.value === 'string') names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value as never);
      if (el.children) walk(el.children as never);
    }
  };
  walk(new IntlMessageFormat(message, 'nl', undefined, { ignoreTag: true }).getAst() as never);
  return [...names].sort();
}

describe('server message catalogues', () => {
  it.each(catalogues)('%s: the same keys, no empty texts and the same placeholders in nl and en', (_name, catalogue) => {
    expect(Object.keys(catalogue.en).sort()).toEqual(Object.keys(catalogue.nl).sort());
    for (const [key, nl] of Object.entries(catalogue.nl)) {
      const en = catalogue.en[key]!;
      expect(nl.trim(), key).not.toBe('');
      expect(en.trim(), key).not.toBe('');
      expect(messageArguments(en), key).toEqual(messageArguments(nl));
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
    // Counts follow each language's plural rules; plain numbers stay as given (a year is not 2.027).
    expect(translate('nl', 'MAIL_EDITION_REMINDER_SUBJECT', { days: 1, edition: 'Week 2027' })).toBe('Nog 1 dag: meld je aan voor Week 2027');
    expect(translate('nl', 'MAIL_EDITION_REMINDER_SUBJECT', { days: 3, edition: 'Week 2027' })).toBe('Nog 3 dagen: meld je aan voor Week 2027');
    expect(translate('en', 'MAIL_EDITION_REMINDER_SUBJECT', { days: 1, edition: 'Week' })).toBe('1 day left: register for Week');
    expect(translatorCreate({ nl: { X: 'jaar {year}' }, en: { X: 'year {year}' } })('nl', 'X', { year: 2027 })).toBe('jaar 2027');
    expect(translatorCreate({ nl: { X: '{n, plural, one {# uur} other {# uur}}' }, en: { X: '{n, plural, one {# hour} other {# hours}}' } })('en', 'X', { n: '8' })).toBe('8 hours');
    expect(localeNegotiate('nl', 'en')).toBe('nl');
    expect(localeNegotiate(undefined, undefined)).toBe('nl');
  });
});
