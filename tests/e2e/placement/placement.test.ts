import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';

// A placement round of teacher internships in a real Chromium: the coordinator opens a round,
// a teacher ranks in the browser, the company answers, the coordinator sees both modes side by
// side (choices per rank, who is better off where) and publishes; the teacher sees the result.
// axe-core and the phone width check every page state.

describe.skipIf(!e2eRunnable)('placement round in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timezoneId: 'Europe/Amsterdam' });
  const checkA11y = pages.check;
  const people: Record<string, { id: string; email: string; name: string }> = {};
  let nid = '';
  const offers: string[] = [];

  beforeAll(async () => {
    h = await harnessStart({ webRoot, smtp: true });
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
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  async function loginAs(key: string): Promise<Page> {
    const page = await pages.newPage();
    await page.goto(`${h.baseUrl}/inloggen`);
    await page.getByLabel('E-mailadres').fill(people[key]!.email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await pages.heading(page, /Welkom/);
    return page;
  }

  it('opens a round, ranks, compares both modes and publishes', async () => {
    const coordinator = await loginAs('coordinator');
    await coordinator.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Docentstages' }).click();
    await pages.heading(coordinator, 'Plaatsing docentstages');
    await coordinator.getByRole('checkbox', { name: /Stage service/ }).waitFor();
    await checkA11y(coordinator, 'placement: no rounds, new round form');
    await coordinator.getByLabel('Naam van de ronde').fill('Docentstages voorjaar');
    for (const title of ['Stage warmtepompen', 'Stage zonnepanelen', 'Stage service']) await coordinator.getByRole('checkbox', { name: new RegExp(title) }).check();
    await coordinator.getByRole('button', { name: 'Ronde openen' }).click();
    await pages.heading(coordinator, 'Docentstages voorjaar');
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
    // Welfare gives t2 warmtepompen (1st choice), t1 zonnepanelen (2nd), t3 service (3rd).
    const adjust = coordinator.getByRole('table', { name: /Plaatsing volgens Meeste welzijn/ });
    const row = (key: string) => adjust.getByRole('row', { name: new RegExp(people[key]!.name) });
    await row('t1').getByText('2e keuze', { exact: true }).waitFor();
    // Swap t1 and t2: after the first move warmtepompen is too full and publishing waits.
    await coordinator.getByLabel(`Plaats voor ${people.t1!.name}`).selectOption(offers[0]!);
    await row('t1').getByText('1e keuze', { exact: true }).waitFor();
    await coordinator.getByText(/Stage warmtepompen: 2 van 1 plaats bezet — te vol/).waitFor();
    expect(await coordinator.getByRole('button', { name: 'Publiceren' }).isDisabled()).toBe(true);
    await checkA11y(coordinator, 'placement: a move makes an internship too full');
    await coordinator.getByLabel(`Plaats voor ${people.t2!.name}`).selectOption(offers[1]!);
    await row('t2').getByText('niet in de voorkeur van de docent').waitFor();
    await coordinator.getByText('2 aanpassingen; geplaatst: 3, som van de keuzes 4.').waitFor();
    // Undo t2's move: warmtepompen too full again; then put t2 on the waitlist instead.
    await coordinator.getByRole('button', { name: `Aanpassing voor ${people.t2!.name} ongedaan maken` }).click();
    await coordinator.getByText(/— te vol, verplaats iemand/).waitFor();
    await coordinator.getByLabel(`Plaats voor ${people.t2!.name}`).selectOption({ label: 'Wachtlijst' });
    await row('t2').getByText('wachtlijst', { exact: true }).waitFor();
    expect(await coordinator.getByText(/— te vol, verplaats iemand/).count()).toBe(0);
    await checkA11y(coordinator, 'placement: adjusted by hand');
    await coordinator.getByRole('button', { name: 'Publiceren' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Uitkomst publiceren?' });
    await dialog.getByText(/met 2 aanpassingen: 2 geplaatst, 1 op de wachtlijst/).waitFor();
    await dialog.getByText(`${people.t2!.name}: Stage warmtepompen → wachtlijst`).waitFor();
    await checkA11y(coordinator, 'placement: confirm publishing');
    await dialog.getByRole('button', { name: 'Ja, publiceren' }).click();
    await coordinator.getByText('Gepubliceerd').waitFor();
    const result = coordinator.getByRole('table', { name: 'Uitkomst' });
    await result.getByRole('row', { name: new RegExp(people.t1!.name) }).getByText('met de hand', { exact: true }).waitFor();
    await coordinator.getByRole('link', { name: 'Uitkomst downloaden (CSV)' }).waitFor();
    await checkA11y(coordinator, 'placement: published');

    await teacher.reload();
    await teacher.getByText('Je bent geplaatst bij Stage warmtepompen (jouw keuze 1).').waitFor();
    await checkA11y(teacher, 'placement: teacher sees the result');

    // After publishing: the waitlisted t2 asks for service, which is full (the answer says so),
    // then takes the place left at zonnepanelen — asked first, by keyboard.
    await coordinator.getByLabel(`Plaats voor ${people.t2!.name}`).selectOption(offers[2]!);
    await coordinator.getByRole('button', { name: `${people.t2!.name} verplaatsen` }).click();
    const confirm = coordinator.getByRole('dialog', { name: 'Plaats wijzigen?' });
    await confirm.getByRole('button', { name: 'Ja, wijzigen' }).click();
    await confirm.getByText(/Stage service.*zit vol/).waitFor();
    await checkA11y(coordinator, 'placement: a move to a full internship is refused');
    await confirm.getByRole('button', { name: 'Annuleren' }).click();
    await coordinator.getByLabel(`Plaats voor ${people.t2!.name}`).selectOption(offers[1]!);
    await coordinator.getByRole('button', { name: `${people.t2!.name} verplaatsen` }).focus();
    await coordinator.keyboard.press('Enter');
    await confirm.getByText(`${people.t2!.name} gaat van wachtlijst naar Stage zonnepanelen.`, { exact: false }).waitFor();
    await checkA11y(coordinator, 'placement: confirm a move after publishing');
    await confirm.getByRole('button', { name: 'Ja, wijzigen' }).click();
    await result.getByRole('row', { name: new RegExp(people.t2!.name) }).getByText('Stage zonnepanelen', { exact: true }).waitFor();
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes(people.t2!.email) && /gewijzigd/.test(m.subject)));
    expect(mail.text).toContain('Stage zonnepanelen');
    const csv = await coordinator.evaluate(async (url) => (await fetch(url)).text(), `/api/networks/${nid}/placement-rounds/${roundId}/export?format=csv`);
    expect(csv).toContain('Stage zonnepanelen;Installatiebedrijf Noord;;nee;ja');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(4);
  });
});
