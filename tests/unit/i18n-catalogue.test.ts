import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import nl from '../../web/src/i18n/nl.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import learnerReportNl from '../../web/src/i18n/learner-report.nl.json' with { type: 'json' };
import learnerReportEn from '../../web/src/i18n/learner-report.en.json' with { type: 'json' };
import { candidateSources, learnerReportStatusSchema, typologyCodeSchema } from '../../src/domain/learner-report/report/schema.ts';
import { roles } from '../../src/domain/foundation/person/schema.ts';
import { institutionKinds } from '../../src/domain/foundation/institution/schema.ts';
import { programmeLevels } from '../../src/domain/foundation/programme/schema.ts';

// The browser UI's two message catalogues: the same keys, no empty messages, the same
// {{placeholders}}, and every key the code asks for exists.

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

const nlFlat = flatten(nl as Tree);
const enFlat = flatten(en as Tree);
const lrNlFlat = flatten(learnerReportNl as Tree);
const lrEnFlat = flatten(learnerReportEn as Tree);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) ? [full] : [];
  });
}

describe('web i18n catalogues', () => {
  it('have exactly the same keys in Dutch and English', () => {
    const onlyNl = [...nlFlat.keys()].filter((k) => !enFlat.has(k));
    const onlyEn = [...enFlat.keys()].filter((k) => !nlFlat.has(k));
    expect(onlyNl).toEqual([]);
    expect(onlyEn).toEqual([]);
    expect(nlFlat.size).toBeGreaterThan(100);
  });

  it('have no empty messages', () => {
    const empty = [...nlFlat, ...enFlat].filter(([, v]) => v.trim() === '').map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differ = [...nlFlat.keys()].filter((k) => enFlat.has(k) && placeholders(nlFlat.get(k)!).join() !== placeholders(enFlat.get(k)!).join());
    expect(differ).toEqual([]);
  });

  it('translate every role, institution kind and programme level of the domain', () => {
    const wanted = [...roles.map((r) => `role.${r}`), ...institutionKinds.map((k) => `kind.${k}`), ...programmeLevels.map((l) => `level.${l}`)];
    expect(wanted.filter((k) => !nlFlat.has(k))).toEqual([]);
  });

  it('contain every literal key the UI code uses', () => {
    const used = new Set<string>();
    for (const file of sourceFiles(path.resolve('web/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !nlFlat.has(k) && !lrNlFlat.has(k))).toEqual([]);
  });
});

// The learner-report screens keep their messages in their own pair of catalogues, merged into
// the same i18next namespace: the same checks apply, and they must not shadow a shared key.
describe('web i18n catalogues of learner reports', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect([...lrNlFlat.keys()].filter((k) => !lrEnFlat.has(k))).toEqual([]);
    expect([...lrEnFlat.keys()].filter((k) => !lrNlFlat.has(k))).toEqual([]);
    expect(lrNlFlat.size).toBeGreaterThan(100);
  });

  it('have no empty messages', () => {
    expect([...lrNlFlat, ...lrEnFlat].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    expect([...lrNlFlat.keys()].filter((k) => lrEnFlat.has(k) && placeholders(lrNlFlat.get(k)!).join() !== placeholders(lrEnFlat.get(k)!).join())).toEqual([]);
  });

  it('add top-level sections the shared catalogues do not have', () => {
    const shared = new Set([...Object.keys(nl), ...Object.keys(en)]);
    expect(Object.keys(learnerReportNl).filter((k) => shared.has(k))).toEqual([]);
    expect(Object.keys(learnerReportEn).filter((k) => shared.has(k))).toEqual([]);
  });

  it('name all eleven types of the typology', () => {
    expect(typologyCodeSchema.options.filter((c) => !lrNlFlat.has(`learnerReport.type.${c}`) || !lrEnFlat.has(`learnerReport.type.${c}`))).toEqual([]);
  });

  it('translate every candidate source, report status, notification kind and question', () => {
    const wanted = [
      ...candidateSources.map((c) => `learnerReport.candidates.source.${c}`),
      ...learnerReportStatusSchema.options.map((c) => `learnerReport.status.${c}`),
      ...['LEARNER_REPORT_PERIOD_ENDED', 'LEARNER_REPORT_DUE', 'OTHER'].map((k) => `learnerReport.notifications.kind.${k}`),
      ...[1, 2, 3, 4, 5].flatMap((n) => [`learnerReport.question.${n}`, `learnerReport.question.${n}hint`]),
    ];
    expect(wanted.filter((k) => !lrNlFlat.has(k))).toEqual([]);
  });
});
