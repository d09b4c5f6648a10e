import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, type Harness, type ApiClient } from '../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson, makeInvitation, makeLearnerReport, PASSWORD } from '../support/factories.ts';
import { makeExchangeFixture } from '../support/exchange-fixture.ts';
import { makeLeerlab } from './leerlab/access.ts';
import type { Fixture } from '../support/access.ts';
import { offerFixture, teacherActor } from './offer/offer-fixture.ts';
import { requestOffer } from '../../src/domain/offer/request/actions.ts';
import { memberships } from '../../src/db/schema/index.ts';
import { makeSessionWithProposal, makeAgreement } from './cocreation/support.ts';
import { makeExample } from './example/example-support.ts';
import { makeManualActivity, makeCredential, makeFollowUp } from './record/record-support.ts';
import { speeddateFixture } from './speeddate/speeddate-fixture.ts';
import { twinningFixture } from './twinning/twinning-fixture.ts';
import { placementFixture } from './placement/placement-fixture.ts';

// Hostile input over EVERY route with a JSON body, read from the OpenAPI document: a network
// coordinator (and admin) of their own network, with real ids from a fixture that has rows of every area, sends a plausible body
// generated from the route's schema and then, field by field, each hostile value below (and
// hostile whole bodies). No answer may be a 5xx; a failure lists route, field and value. Query
// parameters get a NUL each too. A NUL is refused as FIELD_INVALID_CHARACTER, an empty PATCH as
// FIELD_NOTHING_TO_CHANGE (both in the one validation hook, src/server/app.ts).

type Schema = {
  type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; enum?: unknown[];
  format?: string; minLength?: number; maxLength?: number; minimum?: number; maximum?: number; minItems?: number;
  anyOf?: Schema[]; oneOf?: Schema[]; allOf?: Schema[]; const?: unknown; pattern?: string; $ref?: string; default?: unknown;
  additionalProperties?: Schema | boolean;
};
interface Operation { method: string; path: string; body?: Schema; query: string[] }

const HOSTILE: { label: string; value: unknown }[] = [
  { label: 'NUL', value: 'a\u0000b' },
  { label: 'NUL only', value: '\u0000' },
  { label: '10,000 chars', value: 'x'.repeat(10_000) },
  { label: 'SQL', value: "'; drop table people; --" },
  { label: 'HTML/script', value: '<script>alert(1)</script><img src=x onerror=alert(1)>' },
  { label: 'emoji/RTL', value: '👩‍🏫 \u202Eשלום\u202C 𝔘𝔫𝔦' },
  { label: 'lone surrogates', value: '\uD800 \uDFFF x' },
  { label: 'number as string', value: '12345' },
  { label: 'number', value: 12345 },
  { label: 'negative huge number', value: -1e308 },
  { label: 'nested object', value: { $ne: null, a: { b: ['c'] } } },
  { label: 'array', value: ['a', ['b'], { c: 1 }] },
  { label: 'empty object', value: {} },
  { label: 'null', value: null },
  { label: 'empty string', value: '' },
];
const HOSTILE_BODIES: { label: string; value: unknown }[] = [
  { label: 'empty object', value: {} },
  { label: 'only unknown keys', value: { unknownKey: 'x', __proto__x: 1 } },
  { label: 'string body', value: 'a\u0000b' },
  { label: 'array body', value: [{}] },
  { label: 'null body', value: null },
];

let h: Harness;
let coordinator: ApiClient;
let ids: Record<string, string> = {};
let operations: Operation[] = [];
let doc: { components?: { schemas?: Record<string, Schema> } } = {};

function resolve(schema: Schema | undefined): Schema {
  let s = schema ?? {};
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {};
  if (s.allOf?.length) s = Object.assign({}, ...s.allOf.map(resolve));
  return s;
}

/** An id that exists nowhere: routes of areas without a fixture here are swept with it (validation runs, then 404). */
const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

/** The real id a path parameter stands for, by its name and the path segment before it. */
function realPathFor(path: string): string | undefined {
  let missing = false;
  const out = path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    const before = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
    const key = name === 'id' ? `id:${before}` : name;
    const v = ids[key];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? undefined : `/api${out}`;
}

/** The route's path with real ids where the fixture has them, otherwise an id that exists nowhere. */
function pathFor(path: string): string {
  return realPathFor(path) ?? `/api${path.replace(/\{(\w+)\}/g, (_, name: string, offset: number) => {
    const before = path.slice(0, offset).split('/').filter(Boolean).pop() ?? '';
    return ids[name === 'id' ? `id:${before}` : name] ?? (/id$/i.test(name) ? ABSENT_ID : 'hostile');
  })}`;
}

/** A plausible value for a schema, with real ids where a field names one. */
function sample(schema: Schema | undefined, field = ''): unknown {
  const s = resolve(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return s.enum[0];
  const options = s.anyOf ?? s.oneOf;
  if (options?.length) return sample(options.find((o) => resolve(o).type !== 'null') ?? options[0], field);
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  const name = field.toLowerCase();
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = sample(v, k);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => sample(s.items, field.replace(/Ids$/, 'Id').replace(/s$/, '')));
    case 'integer':
    case 'number':
      return s.minimum ?? (s.maximum !== undefined ? Math.min(1, s.maximum) : 1);
    case 'boolean':
      return false;
    case 'string': {
      if (s.format === 'uuid') {
        const key = Object.keys(ids).find((k) => name.startsWith(k.toLowerCase().replace(/id$/, '')) && k.endsWith('Id'));
        return key ? ids[key] : ids.personId;
      }
      if (s.format === 'email') return `hostile.${Math.random().toString(36).slice(2)}@example.nl`;
      if (s.format === 'date' || /date|start|end|from|to$/.test(name)) return name.includes('time') ? new Date().toISOString() : '2026-09-14';
      if (s.format === 'date-time') return new Date().toISOString();
      if (s.format === 'uri' || s.format === 'url' || name.includes('url') || name.includes('website')) return 'https://example.nl/rooster.ics';
      if (name.includes('postcode')) return '3511 AB';
      if (name.includes('isced')) return '0613';
      if (name === 'brin') return '25LX';
      if (name.includes('time')) return '09:00';
      if (name === 'password') return 'a-long-enough-password-1';
      const min = s.minLength ?? 0;
      const text = 'Vijandige invoer toets';
      return text.length >= min ? text.slice(0, s.maxLength ?? text.length) : text.padEnd(min, 'x');
    }
    default:
      return 'x';
  }
}

/** Every field path of a sampled body (objects and the first item of arrays), for one hostile value each. */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return prefix.length ? [prefix] : [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? (value.length ? [[0, value[0]]] : []) : Object.entries(value);
  const out = prefix.length ? [prefix] : [];
  for (const [k, v] of entries) out.push(...fieldPaths(v, [...prefix, k]));
  return out;
}

function withValue(body: unknown, at: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string | number, unknown>;
  let node = copy;
  for (const key of at.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[at[at.length - 1]!] = value;
  return copy;
}

beforeAll(async () => {
  h = await harnessStart();
  const db = h.deps.db;
  const network = await makeNetwork(db);
  const inst = await makeInstitution(db, network.id, { kind: 'mbo' });
  const otherInst = await makeInstitution(db, network.id, { kind: 'hbo' });
  const loc = await makeLocation(db, network.id, inst.id);
  const locB = await makeLocation(db, network.id, otherInst.id);
  const prog = await makeProgramme(db, network.id, inst.id);
  const progB = await makeProgramme(db, network.id, otherInst.id, { iscedCode: '0613', level: 'bachelor' });
  const teacher = await makePerson(db, network.id, 'teacher', inst.id, { programmeIds: [prog.id] });
  const teacherB = await makePerson(db, network.id, 'teacher', otherInst.id, { programmeIds: [progB.id] });
  const me = await makePerson(db, network.id, 'network_coordinator', null);
  const invitation = await makeInvitation(db, network.id, inst.id);
  const report = await makeLearnerReport(db, network.id, me.id);
  const ex = await makeExchangeFixture(h, {
    nid: network.id, instA: inst.id, instB: otherInst.id, locA: loc.id, locB: locB.id, teacherA: teacher.id, teacherB: teacherB.id, progA: prog.id, progB: progB.id, teacher: teacher.id,
  });
  await makeInstitution(db, network.id, { kind: 'company' });
  const offer = await offerFixture(h, { nid: network.id, ex, reportAuthor: teacher.id, inst: inst.id });
  const offerRequest = await requestOffer(h.deps, teacherActor(network.id, teacher.id, inst.id), network.id, offer.onRequest, { message: '', preferredDates: [] });
  const leerlab = await makeLeerlab(h, { nid: network.id, inst: inst.id, otherInst: otherInst.id, reportAuthor: teacher.id } as Fixture);
  ids = {

    'id:leerlabs': leerlab.id, classId: leerlab.classId, itemId: leerlab.itemId, evaluationId: leerlab.evaluationId, pupilId: leerlab.pupilId, partId: leerlab.partId, code: leerlab.code,
    offerId: offer.masterclass, sessionId: offer.session, requestId: offerRequest.id,
    networkId: network.id, institutionId: inst.id, locationId: loc.id, programmeId: prog.id, personId: teacher.id, editionId: ex.openEdition,
    runId: ex.run, visitId: ex.publishedVisit, sourceId: ex.teacherSource, reportId: report.id, token: invitation.token, index: '0',
    slug: 'hostile-slug-1234', file: 'hostilehostilehostile1.ics',
    'id:institutions': inst.id, 'id:locations': loc.id, 'id:programmes': prog.id, 'id:people': teacher.id, 'id:visits': ex.publishedVisit,
    'id:learner-reports': report.id, 'id:invitations': invitation.id, 'id:editions': ex.openEdition,
  };
  // The other areas' rows, made through their actions as their own tests make them, so that the
  // sweep reaches validation and the handlers on real rows there too.
  const f = { nid: network.id, ex, reportAuthor: teacher.id, inst: inst.id };
  const cocreation = await makeSessionWithProposal(h, network.id, 4);
  const agreement = await makeAgreement(h, network.id);
  const example = await makeExample(h, network.id);
  const activity = await makeManualActivity(h, network.id, teacher.id);
  const credential = await makeCredential(h, network.id, teacher.id, inst.id);
  const followUp = await makeFollowUp(h, network.id, teacher.id);
  const speeddate = await speeddateFixture(h, f);
  const twinning = await twinningFixture(h, f);
  const placement = await placementFixture(h, f);
  Object.assign(ids, {
    'id:cocreation-sessions': cocreation.session.id, sessionId: cocreation.session.id, proposalId: cocreation.proposalId, agreementId: agreement.agreementId,
    'id:examples': example.id, 'id:activities': activity, 'id:credentials': credential, 'id:follow-ups': followUp, source: 'manual',
    eventId: speeddate, twinId: twinning.twin, goalId: twinning.goal, meetingId: twinning.meeting,
    roundId: placement.round, teacherId: teacher.id,
  });

  // The sweeping coordinator also administers the network, so the identity-provider routes run too.
  await db.insert(memberships).values({ networkId: network.id, personId: me.id, role: 'admin', institutionId: null });
  coordinator = h.client();
  expect((await coordinator.login(me.email, PASSWORD)).status).toBe(200);
  const provider = await coordinator.request('POST', `/api/networks/${network.id}/identity-providers`, {
    name: 'SURFconext vijandig', kind: 'surfconext', issuer: 'https://connect.test.surfconext.nl', clientId: 'kruispunt', clientSecret: 'geheim',
    institutions: [{ institutionId: inst.id, organisation: 'vijandig.example.nl' }],
  });
  expect(provider.status, JSON.stringify(provider.body)).toBe(201);
  Object.assign(ids, { 'id:identity-providers': provider.body.id, 'id:oidc': provider.body.id });
  const openapi = await coordinator.request('GET', '/api/openapi.json');
  expect(openapi.status).toBe(200);
  doc = openapi.body;
  for (const [path, ops] of Object.entries<Record<string, { requestBody?: { content?: Record<string, { schema: Schema }> }; parameters?: { in: string; name: string }[] }>>(openapi.body.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const body = op.requestBody?.content?.['application/json']?.schema;
      const query = (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      if (body || query.length) operations.push({ method: method.toUpperCase(), path, body, query });
    }
  }
}, 180_000);

afterAll(async () => {
  await h?.stop();
});

describe('hostile input on every route', () => {
  it('finds routes with a JSON body in the OpenAPI document, and a real id for every path parameter', () => {
    expect(operations.filter((o) => o.body).length).toBeGreaterThan(30);
    // every area's routes get real ids from the fixture (only the participant routes of a live
    // co-creation session need their own cookie, and answer 401 to the coordinator)
    const withRealIds = operations.filter((o) => realPathFor(o.path));
    expect(withRealIds.length).toBeGreaterThan(operations.length * 0.9);
    for (const area of [
      '/editions/', '/learner-reports/', '/offers/', '/leerlabs/', '/institutions/', '/cocreation-sessions/', '/examples/', '/record/activities/',
      '/speeddates/', '/twins/', '/placement-rounds/', '/identity-providers/',
    ]) {
      expect(withRealIds.some((o) => o.path.includes(area)), area).toBe(true);
    }
  });

  it('answers no hostile body field with a 5xx', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const op of operations.filter((o) => o.body)) {
      const url = pathFor(op.path);
      const base = sample(op.body);
      const cases: { field: string; body: unknown; label: string }[] = [
        { field: '(valid sample)', body: base, label: JSON.stringify(base).slice(0, 80) },
        ...HOSTILE_BODIES.map((b) => ({ field: '(body)', body: b.value, label: b.label })),
        ...fieldPaths(base).flatMap((at) => HOSTILE.map((v) => ({ field: at.join('.'), body: withValue(base, at, v.value), label: v.label }))),
      ];
      for (const c of cases) {
        const res = await coordinator.request(op.method, url, c.body === null ? 'null' : c.body, { 'content-type': 'application/json' });
        sent++;
        if (res.status >= 500) failures.push(`${op.method} ${op.path} ${c.field} = ${c.label}: ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
      }
    }
    expect(sent).toBeGreaterThan(500);
    expect(failures).toEqual([]);
  }, 600_000);

  it('refuses a NUL in any query parameter without a 5xx', async () => {
    const failures: string[] = [];
    for (const op of operations.filter((o) => o.query.length && o.method === 'GET')) {
      for (const name of op.query) {
        const res = await coordinator.request('GET', `${pathFor(op.path)}?${name}=a%00b`);
        if (res.status >= 500) failures.push(`GET ${op.path} ?${name}=a%00b: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers a NUL with a translated field error and an empty PATCH with 400 on institutions, locations and programmes', async () => {
    const nul = await coordinator.request('PATCH', `/api/networks/${ids.networkId}/institutions/${ids.institutionId}`, { name: 'School\u0000' }, { 'accept-language': 'en' });
    expect(nul.status).toBe(400);
    expect(nul.body.error.fields).toEqual([expect.objectContaining({ path: 'name', code: 'FIELD_INVALID_CHARACTER' })]);
    expect(nul.body.error.fields[0].message).toContain('NUL');
    for (const [kind, id] of [['institutions', ids.institutionId], ['locations', ids.locationId], ['programmes', ids.programmeId]] as const) {
      for (const body of [{}, { unknownKey: 1 }]) {
        const res = await coordinator.request('PATCH', `/api/networks/${ids.networkId}/${kind}/${id}`, body);
        expect(res.status, `${kind} ${JSON.stringify(body)}`).toBe(400);
        expect(res.body.error.fields[0].code).toBe('FIELD_NOTHING_TO_CHANGE');
      }
    }
  });
});
