import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, makeLearnerReport, PASSWORD } from '../../support/factories.ts';
import { typologyConfirmations } from '../../../src/db/schema/index.ts';

// Learning from confirmations: the types teachers settle on in completed reports train their
// network's suggestions (the text's features only, never the text); a network can switch it off,
// and another network's suggestions do not change.
let h: Harness;
let nid: string;
let otherNid: string;
let teacher: ApiClient;
let coordinator: ApiClient;
let outsider: ApiClient;
let teacherId: string;

// "doorstroomtafel" is this network's own word, unknown to the shipped model
const CONFIRMED = [
  'Doorstroomtafel met de collega’s van de hogeschool over de aansluiting',
  'Maandelijkse doorstroomtafel: afspraken over de overstap van mbo naar hbo',
  'Op de doorstroomtafel de leerlijnen naast elkaar gelegd',
  'Doorstroomtafel voorbereid en bijgewoond',
];
const PROBE = 'Vandaag met twee docenten van de hogeschool aan de doorstroomtafel gezeten over onze studenten';

async function login(networkId: string, role: 'teacher' | 'network_coordinator', institutionId: string | null) {
  const person = await makePerson(h.deps.db, networkId, role, institutionId);
  const client = h.client();
  expect((await client.login(person.email, PASSWORD)).status).toBe(200);
  return { client, id: person.id };
}

async function completeReportWith(title: string) {
  const report = await makeLearnerReport(h.deps.db, nid, teacherId, { status: 'draft', activities: [{ title, type: 'FORMAL_COLLABORATION' }] });
  const res = await teacher.request('POST', `/api/networks/${nid}/learner-reports/${report.id}/complete`, { revision: 1 });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return report.id;
}

const suggest = (client: ApiClient, networkId: string) => client.request('POST', `/api/networks/${networkId}/typology/suggest`, { text: PROBE });

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db)).id;
  const inst = (await makeInstitution(h.deps.db, nid, { kind: 'mbo' })).id;
  ({ client: teacher, id: teacherId } = await login(nid, 'teacher', inst));
  ({ client: coordinator } = await login(nid, 'network_coordinator', null));
  otherNid = (await makeNetwork(h.deps.db)).id;
  ({ client: outsider } = await login(otherNid, 'teacher', (await makeInstitution(h.deps.db, otherNid, { kind: 'mbo' })).id));
});

afterAll(async () => {
  await h?.stop();
});

describe('typology suggestions learn from confirmed types', () => {
  it('asks for more first, and suggests the network’s confirmed type after completed reports', async () => {
    const before = await suggest(teacher, nid);
    expect(before.status).toBe(200);
    expect(before.body.state).toBe('TELL_US_MORE');
    expect(before.body.type).toBeNull();

    const reportIds: string[] = [];
    for (const title of CONFIRMED) reportIds.push(await completeReportWith(title));
    const rows = await h.deps.db.select().from(typologyConfirmations).where(eq(typologyConfirmations.networkId, nid));
    expect(rows).toHaveLength(CONFIRMED.length);
    // features only: no stored value holds a sentence of the teacher's text
    for (const row of rows) {
      expect(row.type).toBe('FORMAL_COLLABORATION');
      const features = row.features as string[];
      expect(features.length).toBeGreaterThan(2);
      for (const title of CONFIRMED) expect(features).not.toContain(title);
      expect(features.every((f) => f.split(' ').length <= 3)).toBe(true);
    }

    const after = await suggest(teacher, nid);
    expect(after.body.type).toBe('FORMAL_COLLABORATION');
    expect(['SUGGESTED', 'TWO_CLOSE']).toContain(after.body.state);
    expect(after.body.candidates[0].type).toBe('FORMAL_COLLABORATION');

    // another network's suggestions are its own
    expect((await suggest(outsider, otherNid)).body.type).toBeNull();

    // deleting a report removes what it taught
    expect((await teacher.request('DELETE', `/api/networks/${nid}/learner-reports/${reportIds[0]}`)).status).toBe(200);
    expect(await h.deps.db.select().from(typologyConfirmations).where(eq(typologyConfirmations.reportId, reportIds[0]!))).toHaveLength(0);
  });

  it('can be switched off by the network: suggestions fall back to the shipped model and nothing more is recorded', async () => {
    const settings = await coordinator.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { typologyLearning: false });
    expect(settings.status).toBe(200);
    expect(settings.body).toMatchObject({ typologyLearning: false });
    expect((await suggest(teacher, nid)).body.type).toBeNull();
    const count = (await h.deps.db.select().from(typologyConfirmations).where(eq(typologyConfirmations.networkId, nid))).length;
    await completeReportWith('Nog een doorstroomtafel met de hogeschool');
    expect(await h.deps.db.select().from(typologyConfirmations).where(eq(typologyConfirmations.networkId, nid))).toHaveLength(count);

    expect((await coordinator.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { typologyLearning: true })).body.typologyLearning).toBe(true);
    expect((await suggest(teacher, nid)).body.type).toBe('FORMAL_COLLABORATION');
    // a teacher may not change the setting
    expect((await teacher.request('PATCH', `/api/networks/${nid}/learner-report-settings`, { typologyLearning: false })).status).toBe(403);
  });
});
