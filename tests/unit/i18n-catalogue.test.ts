import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { candidateSources, learnerReportStatusSchema, typologyCodeSchema } from '../../src/domain/learner-report/report/schema.ts';
import { roles } from '../../src/domain/foundation/person/schema.ts';
import { institutionKinds } from '../../src/domain/foundation/institution/schema.ts';
import { programmeLevels } from '../../src/domain/foundation/programme/schema.ts';

// The browser UI's message catalogues: the generic pair in web/src/i18n and one pair per area in
// web/src/features/<area>/i18n.{nl,en}.json, merged into one i18next namespace. Every pair has the
// same keys in Dutch and English, no empty messages and the same {{placeholders}}; no two
// catalogues define the same key; every area in the module list brings its pair; and every key
// the code asks for exists.

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(full, value);
    else for (const [k, v] of flatten(value, full)) out.set(k, v);
  }
  return out;
}

const readTree = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Tree;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

const featuresDir = path.resolve('web/src/features');
const areas = readdirSync(featuresDir).filter((name) => statSync(path.join(featuresDir, name)).isDirectory()).sort();

interface Catalogue {
  name: string;
  nl: Map<string, string>;
  en: Map<string, string>;
}

const generic: Catalogue = { name: 'generic', nl: flatten(readTree('web/src/i18n/nl.json')), en: flatten(readTree('web/src/i18n/en.json')) };
const areaCatalogues: Catalogue[] = areas.map((area) => ({
  name: area,
  nl: flatten(readTree(path.join(featuresDir, area, 'i18n.nl.json'))),
  en: flatten(readTree(path.join(featuresDir, area, 'i18n.en.json'))),
}));
const catalogues = [generic, ...areaCatalogues];
const byName = (name: string) => catalogues.find((c) => c.name === name)!;
const allNl = new Map(catalogues.flatMap((c) => [...c.nl]));
const allEn = new Map(catalogues.flatMap((c) => [...c.en]));

describe('web i18n catalogues', () => {
  it('exist for the four areas at least, each with its module in the module list', () => {
    expect(areas).toEqual(expect.arrayContaining(['calendar', 'exchange', 'foundation', 'learner-report']));
    const list = readFileSync(path.join(featuresDir, 'modules.ts'), 'utf8');
    for (const area of areas) {
      expect(existsSync(path.join(featuresDir, area, 'i18n.nl.json')), `${area}/i18n.nl.json`).toBe(true);
      expect(existsSync(path.join(featuresDir, area, 'i18n.en.json')), `${area}/i18n.en.json`).toBe(true);
      const module = readFileSync(path.join(featuresDir, area, 'module.tsx'), 'utf8');
      expect(module, `${area}/module.tsx merges its catalogues`).toMatch(/from '\.\/i18n\.nl\.json'[\s\S]*from '\.\/i18n\.en\.json'[\s\S]*messages: \{ nl, en \}/);
      expect(list, `modules.ts lists ${area}`).toContain(`from './${area}/module.tsx'`);
    }
  });

  it.each(catalogues.map((c) => [c.name, c] as const))('%s: exactly the same keys in Dutch and English', (_name, c) => {
    expect([...c.nl.keys()].filter((k) => !c.en.has(k))).toEqual([]);
    expect([...c.en.keys()].filter((k) => !c.nl.has(k))).toEqual([]);
    expect(c.nl.size).toBeGreaterThan(20);
  });

  it.each(catalogues.map((c) => [c.name, c] as const))('%s: no empty messages', (_name, c) => {
    expect([...c.nl, ...c.en].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it.each(catalogues.map((c) => [c.name, c] as const))('%s: the same placeholders in both languages', (_name, c) => {
    expect([...c.nl.keys()].filter((k) => c.en.has(k) && placeholders(c.nl.get(k)!).join() !== placeholders(c.en.get(k)!).join())).toEqual([]);
  });

  it('hold over a hundred messages together, and no two catalogues define the same key', () => {
    expect(allNl.size).toBeGreaterThan(100);
    const seen = new Map<string, string>();
    const shadowed: string[] = [];
    for (const c of catalogues) {
      for (const key of [...c.nl.keys(), ...c.en.keys()]) {
        const owner = seen.get(key);
        if (owner && owner !== c.name) shadowed.push(`${key} (${owner}, ${c.name})`);
        seen.set(key, c.name);
      }
    }
    expect(shadowed).toEqual([]);
  });

  it('translate every role, institution kind and programme level of the domain', () => {
    const foundation = byName('foundation');
    const wanted = [...roles.map((r) => `role.${r}`), ...institutionKinds.map((k) => `kind.${k}`), ...programmeLevels.map((l) => `level.${l}`)];
    expect(wanted.filter((k) => !foundation.nl.has(k))).toEqual([]);
  });

  it('contain every literal key the UI code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('web/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
      for (const m of text.matchAll(/\blabel: '([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    // A counted message exists as its plural forms (i18next picks `_one` or `_other` by the language's rules).
    const has = (all: Map<string, string>, k: string) => all.has(k) || (all.has(`${k}_one`) && all.has(`${k}_other`));
    expect([...used].filter((k) => !has(allNl, k) || !has(allEn, k))).toEqual([]);
  });

  it.each(catalogues.map((c) => [c.name, c] as const))('%s: counted messages have both plural forms and count with {{count}}', (_name, c) => {
    for (const all of [c.nl, c.en]) {
      const plural = [...all.keys()].filter((k) => /_(one|other)$/.test(k));
      expect(plural.filter((k) => !all.has(k.replace(/_(one|other)$/, '_one')) || !all.has(k.replace(/_(one|other)$/, '_other')))).toEqual([]);
      expect(plural.filter((k) => k.endsWith('_other') && !placeholders(all.get(k)!).includes('count'))).toEqual([]);
    }
  });
});

// The learner-report screens: the same checks as every area (above), and their domain's codes.
describe('web i18n catalogues of learner reports', () => {
  const lr = byName('learner-report');

  it('hold over a hundred messages', () => {
    expect(lr.nl.size).toBeGreaterThan(100);
  });

  it('name all eleven types of the typology', () => {
    expect(typologyCodeSchema.options.filter((c) => !lr.nl.has(`learnerReport.type.${c}`) || !lr.en.has(`learnerReport.type.${c}`))).toEqual([]);
  });

  it('translate every candidate source, report status, notification kind and question', () => {
    const wanted = [
      ...candidateSources.map((c) => `learnerReport.candidates.source.${c}`),
      ...learnerReportStatusSchema.options.map((c) => `learnerReport.status.${c}`),
      ...['LEARNER_REPORT_PERIOD_ENDED', 'LEARNER_REPORT_DUE', 'OTHER'].map((k) => `learnerReport.notifications.kind.${k}`),
      ...[1, 2, 3, 4, 5].flatMap((n) => [`learnerReport.question.${n}`, `learnerReport.question.${n}hint`]),
    ];
    expect(wanted.filter((k) => !lr.nl.has(k))).toEqual([]);
  });
});
