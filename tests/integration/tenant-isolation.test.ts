import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, getTableColumns, getTableName, isTable, type Table } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { harnessStart, type Harness, type ApiClient } from '../support/harness.ts';
import { makeNetwork, makeInstitution, makeLocation, makeProgramme, makePerson, makeInvitation, PASSWORD } from '../support/factories.ts';
import { makeLearnerReport } from '../support/factories.ts';
import { ALL, type AreaAccess, type Fixture, type Ids, type RouteCase } from '../support/access.ts';
import { areas } from '../../src/server/modules.ts';
import { people } from '../../src/db/schema/index.ts';
import { makeExchangeFixture } from '../support/exchange-fixture.ts';
import type { Role } from '../../src/domain/foundation/person/schema.ts';

// A table over EVERY API route: (1) a user of network A can neither read nor change anything
// of network B, whatever id they put in the URL; (2) inside their own network each role gets
// exactly what it may. The last test fails when a route exists that the table does not list.

// Every area's table of routes (tests/integration/<area>/access.ts), read through the server's
// list of areas: an area or a route without its case fails the first test.
const areaAccess = await Promise.all(areas.map(async (area) => {
  const file = `./${area.module.name}/access.ts`;
  const mod = (await import(file).catch(() => ({}))) as { access?: AreaAccess };
  return { area, file, access: mod.access };
}));
const routes: RouteCase[] = areaAccess.flatMap((a) => a.access?.routes ?? []);
const unscoped = new Set(areaAccess.flatMap((a) => a.access?.unscoped ?? []));

const url = (path: string, ids: Ids) => {
  const params: Record<string, string> = { networkId: ids.nid, ...(ids.id ? { id: ids.id } : {}), ...ids.params };
  return `/api${path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '')}${ids.query ? `?${ids.query}` : ''}`;
};
const bodyOf = (route: RouteCase, ids: Ids, f: Fixture) => (ids.body !== undefined ? ids.body : route.body?.(f));

let h: Harness;
let A: Fixture;
let B: Fixture;
const actors = new Map<Role, ApiClient>();

async function makeFixture(withActors: boolean): Promise<Fixture> {
  const db = h.deps.db;
  const network = await makeNetwork(db);
  const inst = await makeInstitution(db, network.id, { kind: 'mbo' });
  const otherInst = await makeInstitution(db, network.id, { kind: 'hbo' });
  const company = await makeInstitution(db, network.id, { kind: 'company' });
  const loc = await makeLocation(db, network.id, inst.id);
  const prog = await makeProgramme(db, network.id, inst.id);
  await makeProgramme(db, network.id, otherInst.id);
  const teacher = await makePerson(db, network.id, 'teacher', inst.id, { programmeIds: [prog.id] });
  const invitation = await makeInvitation(db, network.id, inst.id);
  let reportAuthor = teacher.id;
  if (withActors) {
    const scoped: Record<Role, string | null> = {
      admin: null, network_coordinator: null, school_coordinator: inst.id, team_lead: inst.id, teacher: inst.id, professional: company.id,
    };
    for (const role of ALL) {
      const person = await makePerson(db, network.id, role, scoped[role]);
      if (role === 'teacher') reportAuthor = person.id;
      const client = h.client();
      const res = await client.login(person.email, PASSWORD);
      expect(res.status).toBe(200);
      actors.set(role, client);
    }
  }
  const report = await makeLearnerReport(db, network.id, reportAuthor);
  const locB = await makeLocation(db, network.id, otherInst.id);
  const progB = await makeProgramme(db, network.id, otherInst.id, { iscedCode: '0613', level: 'bachelor' });
  const teacherB = await makePerson(db, network.id, 'teacher', otherInst.id, { programmeIds: [progB.id] });
  const ex = await makeExchangeFixture(h, {
    nid: network.id, instA: inst.id, instB: otherInst.id, locA: loc.id, locB: locB.id, teacherA: reportAuthor, teacherB: teacherB.id, progA: prog.id, progB: progB.id, teacher: teacher.id,
  });
  const reportActivity = (report.content as { activities: { id: string }[] }).activities[0]!.id;
  return {
    nid: network.id, instName: inst.name, inst: inst.id, otherInst: otherInst.id, loc: loc.id, prog: prog.id, teacher: teacher.id, invitation: invitation.id,
    reportAuthor, report: report.id, reportActivity, ex, teacherB: teacherB.id, progB: progB.id, locB: locB.id,
  };
}

/** Every network-owned table the areas declare in their modules: a new area's tables are covered by itself. */
const networkTables = areas.flatMap((area) => Object.values(area.module.tables))
  .filter((t): t is PgTable => isTable(t) && 'networkId' in getTableColumns(t as Table))
  .sort((x, y) => getTableName(x).localeCompare(getTableName(y)));

/** Everything of network B, to prove that nothing changed. */
async function snapshot(nid: string) {
  const db = h.deps.db;
  const people_ = await db.select({ id: people.id, name: people.name, email: people.email }).from(people);
  const out: Record<string, unknown> = { people: people_.filter((p) => p.email.endsWith('@example.nl')).sort((a, b) => a.id.localeCompare(b.id)) };
  for (const table of networkTables) {
    const columns = getTableColumns(table) as Record<string, Parameters<typeof eq>[0]>;
    const rows = await db.select().from(table).where(eq(columns.networkId!, nid));
    out[getTableName(table)] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return JSON.stringify(out);
}

beforeAll(async () => {
  h = await harnessStart({ smtp: true, env: { KRUISPUNT_ALLOW_PRIVATE_FEEDS: '1' } });
  A = await makeFixture(true);
  B = await makeFixture(false);
});

afterAll(async () => {
  await h?.stop();
});

describe('tenant isolation over every API route', () => {
  it.each(areaAccess.map((a) => [a.area.module.name, a] as const))('area %s lists each of its routes in its access table', (_name, { area, file, access }) => {
    expect(access, `${file} is missing: every area lists its routes with the roles that may call them`).toBeDefined();
    const own = area.routes.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [`${d.route.method.toUpperCase()} ${d.route.path}`] : []));
    const listed = new Set([...access!.routes.map((r) => `${r.method} ${r.path}`), ...access!.unscoped]);
    expect(own.filter((r) => !listed.has(r)), `routes of ${area.module.name} without a case in ${file}`).toEqual([]);
    expect(own.length).toBeGreaterThan(0);
  });

  it('covers every network-owned table in the snapshot', () => {
    expect(networkTables.map((t) => getTableName(t))).toEqual(expect.arrayContaining(['institutions', 'editions', 'visits', 'learner_reports', 'timetable_blocks']));
  });

  it('lists every network-scoped route of the OpenAPI document in the table', async () => {
    const doc = (await h.client().request('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...routes.map((r) => `${r.method} ${r.path}`), ...unscoped]);
    const missing = documented.filter((r) => !covered.has(r));
    expect(missing, `routes without an isolation case: ${missing.join(', ')}`).toEqual([]);
    expect(documented.length).toBeGreaterThanOrEqual(routes.length + unscoped.size - 1);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: network A cannot reach network B', async (_name, route) => {
    // Targets in B (fresh ones for destructive routes) exist before the snapshot is taken.
    const targets = new Map<Role, Ids>();
    for (const role of ALL) targets.set(role, await route.target(B, h));
    const before = await snapshot(B.nid);
    for (const role of ALL) {
      const client = actors.get(role)!;
      const targetB = targets.get(role)!;
      // B's network id in the URL
      const res = await client.request(route.method, url(route.path, targetB), bodyOf(route, targetB, B));
      expect([403, 404], `${role} ${route.method} ${url(route.path, targetB)} → ${res.status}`).toContain(res.status);
      // A's own network id, but an item of B
      if (targetB.id || targetB.params) {
        const res2 = await client.request(route.method, url(route.path, { ...targetB, nid: A.nid }), bodyOf(route, targetB, B));
        expect([403, 404], `${role} ${route.method} ${url(route.path, { ...targetB, nid: A.nid })} → ${res2.status}`).toContain(res2.status);
      }
    }
    expect(await snapshot(B.nid)).toBe(before);
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s: each role gets only what it may', async (_name, route) => {
    for (const role of ALL) {
      const client = actors.get(role)!;
      const target = await route.target(A, h);
      const res = await client.request(route.method, url(route.path, target), bodyOf(route, target, A));
      const allowed = route.allowed.includes(role);
      if (allowed) expect(res.status, `${role} should be allowed ${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
      else expect(res.status, `${role} must be refused ${route.method} ${route.path}: ${JSON.stringify(res.body)}`).toBe(route.deniedStatus ?? 403);
    }
  });

  it('a school coordinator cannot change another institution of their own network', async () => {
    const sc = actors.get('school_coordinator')!;
    const other = await makeLocation(h.deps.db, A.nid, A.otherInst);
    const patch = await sc.request('PATCH', `/api/networks/${A.nid}/institutions/${A.otherInst}`, { website: 'https://x.nl' });
    expect(patch.status).toBe(403);
    const loc = await sc.request('PATCH', `/api/networks/${A.nid}/locations/${other.id}`, { city: 'Zwolle' });
    expect(loc.status).toBe(403);
    const prog = await sc.request('POST', `/api/networks/${A.nid}/programmes`, { institutionId: A.otherInst, name: 'Niet van mij', iscedCode: '0613', level: 'bachelor' });
    expect(prog.status).toBe(403);
    const invite = await sc.request('POST', `/api/networks/${A.nid}/invitations`, { email: 'x@example.nl', name: 'X Y', role: 'network_coordinator' });
    expect(invite.status).toBe(403);
    const people_ = await sc.request('GET', `/api/networks/${A.nid}/people`);
    expect(people_.status).toBe(200);
    expect((people_.body as { roles: { institutionId: string | null }[] }[]).every((p) => p.roles.some((r) => r.institutionId === A.inst))).toBe(true);
  });

  it('lets a teacher find colleagues to share a learner report with, without their e-mail addresses', async () => {
    const res = await actors.get('teacher')!.request('GET', `/api/networks/${A.nid}/learner-reports/share-candidates`);
    expect(res.status).toBe(200);
    const list = res.body as Record<string, unknown>[];
    expect(list.map((p) => p.id)).toContain(A.teacher);
    expect(list.map((p) => p.id)).not.toContain(A.reportAuthor);
    expect(list.every((p) => !('email' in p))).toBe(true);
    expect(JSON.stringify(list)).not.toContain('@example.nl');
  });

  it('refuses every network route without a session', async () => {
    const anonymous = h.client();
    for (const route of routes) {
      const target = await route.target(A, h);
      const res = await anonymous.request(route.method, url(route.path, target), bodyOf(route, target, A));
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
  });
});
