import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';

// The demo network has a leerlab with a planned school year: Vakcollege Eemnes and ROC Eemvallei,
// pgp IT, keuzedeel design thinking; its coordinator plans, its mbo teacher (the demo docent) marks attendance.

let h: Harness;
let coordinator: ApiClient;
let docent: ApiClient;
let nid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  coordinator = await demoLogin(h, 'school_coordinator');
  docent = await demoLogin(h, 'teacher');
  nid = await demoNetworkId(docent);
});

afterAll(async () => {
  await h?.stop();
});

describe('demo: leerlab', () => {
  it('has a planned year that the coordinator can re-plan and the mbo teacher can run', async () => {
    const list = (await coordinator.request('GET', `/api/networks/${nid}/leerlabs`)).body as { id: string; pgp: string; partners: { name: string }[] }[];
    // this school year's leerlab, and last year's that is over
    expect(list.map((l) => l.pgp).sort()).toEqual(['IT', 'Zorg en welzijn']);
    const current = list.find((l) => l.pgp === 'IT')!;
    expect(current).toMatchObject({ pgp: 'IT', keuzedeelName: 'Design thinking', myRole: 'coordinator' });
    expect(current.partners.map((p) => p.name).sort()).toEqual(['ROC Eemvallei', 'Vakcollege Eemnes']);
    const id = current.id;
    const sessions = (await docent.request('GET', `/api/networks/${nid}/leerlabs/${id}/sessions`)).body;
    expect(sessions.length).toBeGreaterThan(30);
    const plan = await coordinator.request('GET', `/api/networks/${nid}/leerlabs/${id}/plan`);
    expect(plan.status).toBe(200);
    expect(plan.body.directions[0].options.length).toBeGreaterThan(0);
    const roster = (await docent.request('GET', `/api/networks/${nid}/leerlabs/${id}/pupils`)).body;
    expect(roster.pupils).toHaveLength(12);
    const evaluations = (await docent.request('GET', `/api/networks/${nid}/leerlabs/${id}/evaluations`)).body;
    expect(evaluations.length).toBeGreaterThan(0);
  });
});
