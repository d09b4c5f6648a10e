import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type Harness, type ApiClient } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';

// The demo network shows Leren buiten de school at once: companies with profiles, offers of
// every kind, some full with a waitlist, and a sandwich visit in each phase.

let h: Harness;
let docent: ApiClient;
let professional: ApiClient;
let nid: string;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
  docent = await demoLogin(h, 'teacher');
  professional = await demoLogin(h, 'professional');
  nid = await demoNetworkId(docent);
});

afterAll(async () => {
  await h?.stop();
});

describe('demo: Leren buiten de school', () => {
  it('has companies with profiles and offers of every kind, some full with a waitlist', async () => {
    const companies = (await docent.request('GET', `/api/networks/${nid}/companies`)).body as { sector: string; offerCount: number }[];
    expect(companies.filter((c) => c.sector && c.offerCount > 0).length).toBeGreaterThanOrEqual(3);
    const offers = (await docent.request('GET', `/api/networks/${nid}/offers`)).body as { kind: string; placesLeft: number; waitlisted: number; onRequest: boolean }[];
    expect(new Set(offers.map((o) => o.kind))).toEqual(new Set(['guest_lesson', 'company_visit', 'masterclass', 'teacher_internship', 'school_visit']));
    expect(offers.filter((o) => !o.onRequest && o.placesLeft === 0 && o.waitlisted > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('the demo docent has a sandwich visit before, during and after, and hours for the one that took place', async () => {
    const mine = (await docent.request('GET', `/api/networks/${nid}/my-offers`)).body as { kind: string; phase: string; status: string; hours: number; sandwich: boolean }[];
    const visits = mine.filter((m) => m.sandwich);
    expect(new Set(visits.map((m) => m.phase))).toEqual(new Set(['before', 'during', 'after']));
    expect(mine.find((m) => m.status === 'waitlisted')).toBeDefined();
    expect(mine.find((m) => m.phase === 'after')!.hours).toBe(3);
  });

  it('the demo professional leads with their company’s offers', async () => {
    const me = (await professional.request('GET', '/api/auth/me')).body as { memberships: { institutionId: string }[] };
    const offers = (await professional.request('GET', `/api/networks/${nid}/offers?hostInstitutionId=${me.memberships[0]!.institutionId}`)).body as unknown[];
    expect(offers.length).toBeGreaterThan(0);
  });

  it('reports how teachers valued the company visits, per company and in total, as the answers in the database say, from three answers on', async () => {
    const coordinator = await demoLogin(h, 'network_coordinator');
    type Figures = { count: number; shown: boolean; mean: number | null; distribution: number[] };
    type Report = { totals: { evaluation: Figures }; byCompany: { hostInstitutionId: string; hostName: string; evaluation: Figures }[] };
    const answers = async () => (await h.deps.db.execute<{ host: string; item: string; score: number }>(sql`
      select o.host_institution_id::text as host, o.id::text as item, e.score from practice_evaluations e join offers o on o.id = e.item_id
      where e.network_id = ${nid} and e.source = 'company_visit' and o.kind = 'company_visit'`)).rows;
    const expected = (scores: number[]) => scores.length < 3
      ? { count: scores.length, shown: false, mean: null }
      : { count: scores.length, shown: true, mean: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10 };
    const compare = async () => {
      const report = (await coordinator.request('GET', `/api/networks/${nid}/offer-report`)).body as Report;
      const rows = await answers();
      expect(report.totals.evaluation).toMatchObject(expected(rows.map((r) => r.score)));
      for (const c of report.byCompany) expect(c.evaluation, c.hostName).toMatchObject(expected(rows.filter((r) => r.host === c.hostInstitutionId).map((r) => r.score)));
      return { report, rows };
    };
    // Last week's visit has two answers of its three teachers: the count shows, the figures not yet.
    const before = await compare();
    expect(before.rows).toHaveLength(2);
    const host = before.rows[0]!.host;
    expect(before.report.byCompany.find((c) => c.hostInstitutionId === host)!.evaluation).toMatchObject({ count: 2, shown: false, mean: null });
    // The demo docent, the third, answers as the home page asks: from now on the figures show.
    const open = (await docent.request('GET', `/api/networks/${nid}/evaluations`)).body as { source: string; itemId: string }[];
    const visit = open.find((o) => o.source === 'company_visit' && o.itemId === before.rows[0]!.item)!;
    expect(visit).toBeDefined();
    expect((await docent.request('PUT', `/api/networks/${nid}/evaluations/company_visit/${visit.itemId}`, { score: 5, takeaway: '' })).status).toBe(200);
    const after = await compare();
    const shown = after.report.byCompany.find((c) => c.hostInstitutionId === host)!;
    expect(shown.evaluation).toMatchObject({ count: 3, shown: true });
    expect(after.report.totals.evaluation.distribution.reduce((a, b) => a + b, 0)).toBe(3);
    // the spreadsheet's columns hold the same count and mean, written with a decimal point
    const text = await (await coordinator.download(`/api/networks/${nid}/offer-report.csv`)).text();
    expect(text.split('\r\n')[0]).toContain('Gemiddelde waardering (1-5)');
    const line = text.split('\r\n').find((l) => l.startsWith(shown.hostName))!;
    expect(line.split(';').slice(-2)).toEqual([String(shown.evaluation.count), String(shown.evaluation.mean)]);
  });

  it('has a teacher design team with a meeting held and one planned', async () => {
    const teams = (await docent.request('GET', `/api/networks/${nid}/design-teams`)).body as { isMember: boolean; meetings: { log: string }[]; members: unknown[] }[];
    const mine = teams.find((t) => t.isMember)!;
    expect(mine.members.length).toBeGreaterThanOrEqual(2);
    expect(mine.meetings).toHaveLength(2);
  });
});
