import {
  leerlabs, leerlabPartners, leerlabStaff, leerlabParts, leerlabClasses, leerlabSessions, leerlabChecklistItems, leerlabPupils, leerlabResults,
  leerlabEvaluations, leerlabPeriods,
} from '../../../src/db/schema/index.ts';
import type { Harness } from '../../support/harness.ts';
import { ALL, SCHOOL, type AreaAccess, type Fixture, type Ids } from '../../support/access.ts';

// Leerlabs: coordinators (network managers, school coordinators of a partner institution, the
// leerlab's own coordinators) set up and plan; the leerlab's teachers (here the teacher actor, an
// mbo teacher of the fixture's leerlab) see the roster and mark attendance; nobody else gets in.

const STAFF = [...SCHOOL, 'teacher'] as const;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
let seq = 0;

/** A Monday a few weeks from now (sessions are created for the future only). */
function nextMonday(weeks = 2): number {
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const weekday = (new Date(today).getUTCDay() + 6) % 7;
  return today + (7 * weeks - weekday) * DAY;
}

export interface LeerlabFixture {
  id: string;
  classId: string;
  partId: string;
  pupilId: string;
  sessionId: string;
  itemId: string;
  evaluationId: string;
  code: string;
}

const cache = new Map<string, Promise<LeerlabFixture>>();

/** A leerlab of the fixture network: otherInst is the vo-school, inst the mbo institution, the teacher actor teaches. */
export async function makeLeerlab(h: Harness, f: Fixture): Promise<LeerlabFixture> {
  const db = h.deps.db;
  const nid = f.nid;
  const monday = nextMonday();
  const [l] = await db.insert(leerlabs).values({
    networkId: nid, name: `Leerlab ${++seq}`, pgp: 'IT', keuzedeelName: 'Design thinking', keuzedeelCode: 'K0125', cohortYear: 4, schoolYear: '2026-2027',
    firstDate: iso(monday), lastDate: iso(monday + 8 * 7 * DAY - 3 * DAY), travelMinutes: 15, rules: {},
  }).returning({ id: leerlabs.id });
  const id = l!.id;
  await db.insert(leerlabPartners).values([{ networkId: nid, leerlabId: id, institutionId: f.otherInst, side: 'vo' }, { networkId: nid, leerlabId: id, institutionId: f.inst, side: 'mbo' }]);
  await db.insert(leerlabStaff).values({ networkId: nid, leerlabId: id, personId: f.reportAuthor, role: 'mbo_teacher' });
  await db.insert(leerlabPeriods).values({ networkId: nid, leerlabId: id, name: 'Periode 1', startDate: iso(monday), endDate: iso(monday + 4 * 7 * DAY) });
  const [part] = await db.insert(leerlabParts).values({ networkId: nid, leerlabId: id, name: 'Empathie', hours: 10, position: 0 }).returning({ id: leerlabParts.id });
  const [cls] = await db.insert(leerlabClasses).values({ networkId: nid, leerlabId: id, name: '4A', lessons: [{ weekday: 1, start: '08:30', end: '12:00' }] }).returning({ id: leerlabClasses.id });
  const [pupil] = await db.insert(leerlabPupils).values({ networkId: nid, leerlabId: id, classId: cls!.id, name: 'Sam de Vries' }).returning({ id: leerlabPupils.id });
  await db.insert(leerlabResults).values({ networkId: nid, pupilId: pupil!.id, partId: part!.id, grade: 7.5, completed: true, assessedOn: iso(monday) });
  const session = await makeSession(h, nid, id);
  const [item] = await db.insert(leerlabChecklistItems).values({ networkId: nid, leerlabId: id, kind: 'financing', title: 'Financiering', dueDate: iso(monday) }).returning({ id: leerlabChecklistItems.id });
  const code = Array.from({ length: 6 }, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[Math.floor(Math.random() * 32)]).join('');
  const [ev] = await db.insert(leerlabEvaluations).values({ networkId: nid, leerlabId: id, name: 'Na periode 1', code }).returning({ id: leerlabEvaluations.id });
  return { id, classId: cls!.id, partId: part!.id, pupilId: pupil!.id, sessionId: session, itemId: item!.id, evaluationId: ev!.id, code };
}

/** A planned session on Wednesday 10:00–11:30 (Amsterdam, winter time) of the first week. */
export async function makeSession(h: Harness, nid: string, leerlabId: string, week = 0): Promise<string> {
  const wednesday = nextMonday() + (2 + 7 * week) * DAY;
  const start = wednesday + 9 * 3_600_000;
  const [s] = await h.deps.db.insert(leerlabSessions).values({
    networkId: nid, leerlabId, direction: 'pupils_to_mbo', startAt: new Date(start), endAt: new Date(start + 90 * 60_000),
    leaveAt: new Date(start - 15 * 60_000), returnBy: new Date(start + 105 * 60_000), uid: `${crypto.randomUUID()}@kruispunt`,
  }).returning({ id: leerlabSessions.id });
  return s!.id;
}

export function leerlabOf(h: Harness, f: Fixture): Promise<LeerlabFixture> {
  const key = f.nid;
  if (!cache.has(key)) cache.set(key, makeLeerlab(h, f));
  return cache.get(key)!;
}

const at = async (f: Fixture, h: Harness, extra: (l: LeerlabFixture) => Record<string, string> = () => ({})): Promise<Ids> => {
  const l = await leerlabOf(h, f);
  return { nid: f.nid, id: l.id, params: extra(l) };
};
/** A fresh leerlab for routes that change or remove what they touch. */
const fresh = async (f: Fixture, h: Harness, extra: (l: LeerlabFixture) => Record<string, string> = () => ({}), body?: (l: LeerlabFixture) => unknown): Promise<Ids> => {
  const l = await makeLeerlab(h, f);
  return { nid: f.nid, id: l.id, params: extra(l), ...(body ? { body: body(l) } : {}) };
};
const base = '/networks/{networkId}/leerlabs/{id}';

export const access: AreaAccess = {
  routes: [
    { method: 'GET', path: '/networks/{networkId}/leerlabs', allowed: ALL, target: (f) => ({ nid: f.nid }) },
    {
      method: 'POST', path: '/networks/{networkId}/leerlabs', allowed: SCHOOL, target: (f) => ({ nid: f.nid }),
      body: (f) => ({
        name: 'Leerlab design thinking', pgp: 'IT', keuzedeelName: 'Design thinking', cohortYear: 4, schoolYear: '2026-2027', firstDate: '2027-01-11', lastDate: '2027-06-25',
        partners: [{ institutionId: f.otherInst, side: 'vo' }, { institutionId: f.inst, side: 'mbo' }], classes: ['4A'],
      }),
    },
    { method: 'GET', path: base, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'PATCH', path: base, allowed: SCHOOL, target: (f, h) => at(f, h), body: () => ({ travelMinutes: 12 }) },
    { method: 'POST', path: `${base}/classes`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ name: '4B' }) },
    { method: 'PUT', path: `${base}/classes/{classId}/lessons`, allowed: SCHOOL, target: (f, h) => at(f, h, (l) => ({ classId: l.classId })), body: () => ({ lessons: [{ weekday: 1, start: '08:30', end: '12:00' }] }) },
    { method: 'PUT', path: `${base}/closed-days`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ days: [] }) },
    { method: 'POST', path: `${base}/closed-days/csv`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ csv: 'datum\n2020-01-01\n' }) },
    { method: 'GET', path: `${base}/plan`, allowed: SCHOOL, target: (f, h) => at(f, h) },
    {
      method: 'POST', path: `${base}/plan`, allowed: SCHOOL, target: (f, h) => fresh(f, h),
      body: () => ({ direction: 'teachers_to_vo', weekday: 4, start: '13:00' }),
    },
    { method: 'GET', path: `${base}/sessions`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    {
      method: 'POST', path: `${base}/sessions/{sessionId}/move`, allowed: SCHOOL,
      target: (f, h) => fresh(f, h, (l) => ({ sessionId: l.sessionId }), () => ({ start: new Date(nextMonday() + 3 * DAY + 9 * 3_600_000).toISOString() })),
    },
    { method: 'POST', path: `${base}/sessions/{sessionId}/cancel`, allowed: SCHOOL, target: (f, h) => fresh(f, h, (l) => ({ sessionId: l.sessionId })) },
    { method: 'GET', path: `${base}/sessions/{sessionId}/attendance`, allowed: [...STAFF], target: (f, h) => at(f, h, (l) => ({ sessionId: l.sessionId })) },
    {
      method: 'PUT', path: `${base}/sessions/{sessionId}/attendance`, allowed: [...STAFF],
      target: async (f, h) => ({ ...(await at(f, h, (l) => ({ sessionId: l.sessionId }))), body: { marks: [{ pupilId: (await leerlabOf(h, f)).pupilId, status: 'present' }] } }),
    },
    { method: 'GET', path: `${base}/checklist`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'POST', path: `${base}/checklist`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ title: 'Lokaal reserveren' }) },
    { method: 'PATCH', path: `${base}/checklist/{itemId}`, allowed: SCHOOL, target: (f, h) => at(f, h, (l) => ({ itemId: l.itemId })), body: () => ({ status: 'in_progress' }) },
    { method: 'GET', path: `${base}/pupils`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'POST', path: `${base}/pupils`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ name: 'Noa Jansen', className: '4A' }) },
    { method: 'POST', path: `${base}/pupils/csv`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ csv: 'naam;klas\nLiam Bakker;4A\n' }) },
    { method: 'DELETE', path: `${base}/pupils/{pupilId}`, allowed: SCHOOL, target: (f, h) => fresh(f, h, (l) => ({ pupilId: l.pupilId })) },
    {
      method: 'PUT', path: `${base}/results`, allowed: [...STAFF],
      target: async (f, h) => {
        const l = await leerlabOf(h, f);
        return { nid: f.nid, id: l.id, body: { results: [{ pupilId: l.pupilId, partId: l.partId, grade: 7.5, completed: true, assessedOn: null }] } };
      },
    },
    { method: 'GET', path: `${base}/grades.csv`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'GET', path: `${base}/pupils/{pupilId}/exemption.pdf`, allowed: SCHOOL, target: (f, h) => at(f, h, (l) => ({ pupilId: l.pupilId })) },
    { method: 'GET', path: `${base}/evaluations`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'GET', path: `${base}/lasting-effect`, allowed: [...STAFF], target: (f, h) => at(f, h) },
    { method: 'POST', path: `${base}/evaluations`, allowed: SCHOOL, target: (f, h) => fresh(f, h), body: () => ({ name: 'Na periode 2' }) },
    { method: 'PATCH', path: `${base}/evaluations/{evaluationId}`, allowed: SCHOOL, target: (f, h) => at(f, h, (l) => ({ evaluationId: l.evaluationId })), body: () => ({ notes: 'Volgende keer eerder beginnen.' }) },
  ],
  // The anonymous evaluation form: the code is the secret, no account and no network in the path.
  unscoped: ['GET /leerlab-evaluations/{code}', 'POST /leerlab-evaluations/{code}/answers'],
};
