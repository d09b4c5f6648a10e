import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { axeCheck, phoneWidthCheck, browserLaunch, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';

// A placement round of teacher internships in a real Chromium: the coordinator opens a round,
// a teacher ranks in the browser, the company answers, the coordinator sees both modes side by
// side (choices per rank, who is better off where) and publishes; the teacher sees the result.
// axe-core and the phone width check every page state.

describe.skipIf(!e2eRunnable)('placement round in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const axeReport: { page: string; violations: string[] }[] = [];
  const people: Record<string, { id: string; email: string; name: string }> = {};
  let nid = '';
  const offers: string[] = [];

  beforeAll(async () => {
    h = await harnessStart({ webRoot });
    browser = await browserLaunch();
    const db = h.deps.db;
    nid = (await makeNetwork(db, 'Netwerk Stages')).id;
    const company = (await makeInstitution(db, nid, { name: 'Installatiebedrijf Noord', kind: 'company' })).id;
    const school = (await makeInstitution(db, nid, { name: 'ROC Eemvallei', kind: 'mbo' })).id;
    for (const [key, role, inst] of [['coordinator', 'network_coordinator', null], ['pro', 'professional', company], ['t1', 'teacher', school], ['t2', 'teacher', school], ['t3', 'teacher', school]] as const) {
      const p = await makePerson(db, nid, role, inst);
      people[key] = { id: p.id, email: p.email, name: p.name };
    }
    // The company publishes three internships of one place each; two teachers rank through the API.
    const pro = h.client();
    await pro.login(people.pro!.email, PASSWORD);
    for (const title of ['Stage warmtepompen', 'Stage zonnepanelen', 'Stage service']) {
      const res = await pro.request('POST', `/api/networks/${nid}/offers`, { kind: 'teacher_internship', title, description: '', iscedCodes: ['0713'], onRequest: true, capacity: 1, creditedHours: 16, preparation: '', internshipForm: 'exploratory', sessions: [] });
      offers.push(res.body.id);
    }
  });

  afterAll(async () => {
    if (axeReport.length) console.info(`[axe] ${axeReport.length} page states checked, ${axeReport.filter((r) => r.violations.length).length} with serious/critical violations`);
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await h?.stop();
  });

  async function loginAs(key: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 }, timezoneId: 'Europe/Amsterdam' });
    context.setDefaultTimeout(20_000);
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error('[browser error]', error.message));
    await page.goto(`${h.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(people[key]!.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Welkom/ }).waitFor();
    return page;
  }

  async function checkA11y(page: Page, label: string) {
    await axeCheck(axeReport, page, label);
    await phoneWidthCheck(page, label);
  }

  it('opens a round, ranks, compares both modes and publishes', async () => {
    const coordinator = await loginAs('coordinator');
    await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Docentstages' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Plaatsing docentstages' }).waitFor();
    await coordinator.getByRole('checkbox', { name: /Stage service/ }).waitFor();
    await checkA11y(coordinator, 'placement: no rounds, new round form');
    await coordinator.getByLabel('Naam van de ronde').fill('Docentstages voorjaar');
    for (const title of ['Stage warmtepompen', 'Stage zonnepanelen', 'Stage service']) await coordinator.getByRole('checkbox', { name: new RegExp(title) }).check();
    await coordinator.getByRole('button', { name: 'Ronde openen' }).click();
    await coordinator.getByRole('heading', { level: 1, name: 'Docentstages voorjaar' }).waitFor();
    const roundUrl = new URL(coordinator.url()).pathname;
    const roundId = roundUrl.split('/').at(-1)!;

    // Teacher 1 ranks in the browser; teachers 2 and 3 through the API.
    const teacher = await loginAs('t1');
    await teacher.goto(`${h.baseUrl}${roundUrl}`);
    await teacher.getByLabel('Keuze 1').selectOption(offers[0]!);
    await teacher.getByLabel('Keuze 2').selectOption(offers[1]!);
    await checkA11y(teacher, 'placement: teacher ranking');
    await teacher.getByRole('button', { name: 'Voorkeur opslaan' }).click();
    await teacher.getByText('Je voorkeur is opgeslagen.').waitFor();
    for (const [key, ranking] of [['t2', [offers[0]]], ['t3', [offers[0], offers[1], offers[2]]]] as const) {
      const c = h.client();
      await c.login(people[key]!.email, PASSWORD);
      expect((await c.request('PUT', `/api/networks/${nid}/placement-rounds/${roundId}/ranking`, { offerIds: ranking })).status).toBe(200);
    }
    // The company ranks the applicants of the first two internships.
    const pro = h.client();
    await pro.login(people.pro!.email, PASSWORD);
    for (const [offer, key, rank] of [[offers[0], 't3', 1], [offers[0], 't1', 2], [offers[0], 't2', 3], [offers[1], 't1', 1], [offers[1], 't3', 2]] as const) {
      expect((await pro.request('PUT', `/api/networks/${nid}/placement-rounds/${roundId}/offers/${offer}/response`, { teacherId: people[key]!.id, decision: 'accept', rank })).status).toBe(200);
    }

    await coordinator.reload();
    const byRank = coordinator.getByRole('table', { name: 'Aantal docenten per keuze' });
    await byRank.waitFor();
    expect(await byRank.getByRole('row', { name: /Geen plek/ }).textContent()).toContain('10');
    const differences = coordinator.getByRole('table', { name: 'Wie het in de andere uitkomst beter heeft' });
    await differences.getByRole('row', { name: new RegExp(people.t2!.name) }).getByText('Meeste welzijn').waitFor();
    await differences.getByRole('row', { name: new RegExp(people.t3!.name) }).getByText('Stabiel').waitFor();
    await checkA11y(coordinator, 'placement: both modes compared');
    await coordinator.getByLabel('Publiceer de uitkomst').selectOption('welfare');
    await coordinator.getByRole('button', { name: 'Publiceren' }).click();
    await coordinator.getByText('Gepubliceerd').waitFor();
    await coordinator.getByRole('table', { name: 'Uitkomst' }).waitFor();
    await checkA11y(coordinator, 'placement: published');

    await teacher.reload();
    await teacher.getByText('Je bent geplaatst bij Stage zonnepanelen (jouw keuze 2).').waitFor();
    await checkA11y(teacher, 'placement: teacher sees the result');
  });
});
