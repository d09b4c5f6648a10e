import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';

// What a newcomer meets: the demo's exchange week lies ahead, and a matching run on its real
// timetables pairs most registered teachers — the default demo teacher among them.
let h: Harness;
let coordinator: ApiClient;
let nid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true });
  coordinator = h.client();
  expect((await coordinator.login('coordinator@demo.kruispunt.nl', 'kruispunt-demo')).status).toBe(200);
  const me = await coordinator.request('GET', '/api/auth/me');
  nid = me.body.memberships[0].networkId;
});

afterAll(async () => {
  await h?.stop();
});

describe('the demo network', () => {
  it('plans its exchange week ahead and matches most teachers, including docent@demo', async () => {
    const editions = await coordinator.request('GET', `/api/networks/${nid}/editions`);
    const edition = editions.body.find((e: { status: string }) => e.status === 'matching');
    expect(edition, 'the demo has an edition ready to match').toBeTruthy();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    expect(edition.windowStart > today, `window ${edition.windowStart} lies after ${today}`).toBe(true);

    const run = await coordinator.request('POST', `/api/networks/${nid}/editions/${edition.id}/runs`);
    expect(run.status).toBe(202);
    const done = await coordinator.request('GET', `/api/networks/${nid}/editions/${edition.id}/runs/${run.body.id}`);
    expect(done.body.status).toBe('done');
    const summary = done.body.summary;
    expect(summary.violations).toBe(0);
    expect(summary.matchedPercent, JSON.stringify(summary.unmatchedByReason)).toBeGreaterThanOrEqual(80);

    const teacher = h.client();
    expect((await teacher.login('docent@demo.kruispunt.nl', 'kruispunt-demo')).status).toBe(200);
    const teacherId = (await teacher.request('GET', '/api/auth/me')).body.id;
    const pairs = done.body.proposal.pairs as { a: { id: string }; b: { id: string } }[];
    expect(pairs.some((p) => p.a.id === teacherId || p.b.id === teacherId), 'docent@demo has a partner').toBe(true);
  });

  it('gives the team lead an insight with numbers', async () => {
    const lead = h.client();
    expect((await lead.login('teamleider@demo.kruispunt.nl', 'kruispunt-demo')).status).toBe(200);
    const insight = await lead.request('GET', `/api/networks/${nid}/learner-reports/insight`);
    expect(insight.status).toBe(200);
    expect(insight.body.ok, JSON.stringify(insight.body)).toBe(true);
  });
});
