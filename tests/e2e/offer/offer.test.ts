import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeLocation, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { offerSessions } from '../../../src/db/schema/index.ts';

// Leren buiten de school in a real Chromium: a company professional publishes a masterclass
// with one place; two teachers register on a phone-sized screen (the second on the waitlist);
// the first cancels and the second moves up (mail and in the app); the group goes through the
// sandwich (before, during, after) with the company; the hours and the learner-report
// activity appear. axe-core and the phone-width check look at every page state on the way.

const TITLE = 'Masterclass warmtepompen inregelen';

/** A datetime-local value `days` from now at `hour` (in the browser's zone). */
function localIn(days: number, hour: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(hour)}:00`;
}

describe.skipIf(!e2eRunnable)('offers in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let nid = '';
  const pages = browserPages(() => browser, { timezoneId: 'Europe/Amsterdam' });
  const { newPage, check, heading } = pages;
  const people: Record<'pro' | 'a' | 'b', { email: string; name: string }> = {} as never;
  let offerUrl = '';

  beforeAll(async () => {
    h = await harnessStart({ webRoot, smtp: true });
    browser = await browserLaunch();
    const db = h.deps.db;
    nid = (await makeNetwork(db, 'Techniekpact Eemland')).id;
    const company = await makeInstitution(db, nid, { name: 'Warmte & Co', kind: 'company' });
    const school = await makeInstitution(db, nid, { name: 'ROC Eemland', kind: 'mbo' });
    await makeLocation(db, nid, company.id);
    people.pro = await makePerson(db, nid, 'professional', company.id);
    people.a = await makePerson(db, nid, 'teacher', school.id);
    people.b = await makePerson(db, nid, 'teacher', school.id);
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  async function loggedIn(who: 'pro' | 'a' | 'b', viewport = { width: 1280, height: 900 }): Promise<Page> {
    const page = await newPage(viewport);
    await page.goto(`${h.baseUrl}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(people[who].email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await heading(page, /Welkom/);
    return page;
  }

  async function noSidewaysScroll(page: Page) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  }

  let pro: Page;
  let a: Page;
  let b: Page;

  it('a professional\'s home leads with their offers; they publish a masterclass', async () => {
    pro = await loggedIn('pro');
    await pro.getByRole('heading', { name: 'Ons aanbod' }).waitFor();
    await pro.getByText('Jullie hebben nog geen aanbod.').waitFor();
    await check(pro, 'professional home, no offers');
    await pro.getByRole('link', { name: 'Nieuw aanbod publiceren' }).click();
    await heading(pro, 'Nieuw aanbod');
    await check(pro, 'new offer form');
    await pro.getByRole('button', { name: 'Publiceren' }).click();
    await pro.getByText('Dit is te kort (minimaal 3 tekens).').or(pro.getByText('is verplicht').first()).first().waitFor();
    await pro.getByLabel('Titel', { exact: true }).fill(TITLE);
    await pro.getByLabel('Omschrijving').fill('Zelf een warmtepomp inregelen in onze werkplaats.');
    await pro.getByLabel('Plaatsen per bijeenkomst').fill('1');
    await pro.getByLabel('Professionaliseringsuren').fill('4');
    await pro.getByLabel('Begint').fill(localIn(10, 13));
    await pro.getByLabel('Eindigt').fill(localIn(10, 16));
    await pro.getByRole('button', { name: 'Publiceren' }).click();
    await heading(pro, TITLE);
    offerUrl = pro.url();
    await pro.getByRole('heading', { name: 'Voor de aanbieder' }).waitFor();
    await pro.getByText('Nog niemand aangemeld.', { exact: false }).waitFor();
    await check(pro, 'offer page, host, no registrations');
  });

  it('two teachers register on a phone: one gets the place, the other the waitlist', async () => {
    a = await loggedIn('a', { width: 390, height: 844 });
    await a.goto(`${h.baseUrl}/aanbod`);
    await heading(a, 'Leren buiten de school');
    await a.getByRole('link', { name: TITLE }).waitFor();
    await check(a, 'offers list (teacher, phone)');
    await noSidewaysScroll(a);
    await a.getByRole('link', { name: TITLE }).click();
    await a.getByRole('button', { name: 'Aanmelden' }).click();
    await a.getByText('Je bent aangemeld.').waitFor();
    await check(a, 'offer registered (phone)');
    await noSidewaysScroll(a);

    b = await loggedIn('b', { width: 390, height: 844 });
    await b.goto(offerUrl);
    await b.getByRole('button', { name: 'Op de wachtlijst' }).click();
    await b.getByText('Je staat op plek 1 van de wachtlijst.').waitFor();
    await check(b, 'offer waitlisted (phone)');
    await noSidewaysScroll(b);

    // The home page tells the teacher what they signed up for, with the place on the waitlist.
    await b.goto(`${h.baseUrl}/`);
    const card = b.getByRole('region', { name: 'Leren buiten de school: waar je bent aangemeld' });
    await card.getByRole('link', { name: TITLE }).waitFor();
    await card.getByText('plek 1 op de wachtlijst').waitFor();
    await check(b, 'teacher home with a waitlisted offer (phone)');
  });

  it('the first cancels; the waitlisted teacher moves up and hears it by mail and in the app', async () => {
    await a.getByRole('button', { name: 'Afmelden' }).click();
    await a.getByRole('button', { name: 'Aanmelden' }).or(a.getByRole('button', { name: 'Op de wachtlijst' })).first().waitFor();
    await waitFor(() => h.mails.find((m) => m.to.includes(people.b.email) && m.subject.includes('Er is een plek vrijgekomen')));
    await b.goto(`${h.baseUrl}/aanbod`);
    await b.getByText('Er is een plek vrijgekomen: je bent doorgeschoven!').waitFor();
    await b.getByRole('link', { name: 'Doorgeschoven (1)' }).waitFor();
    await check(b, 'moved up from the waitlist (phone)');
    await noSidewaysScroll(b);
  });

  it('the sandwich: learning questions and agenda before, notes during, takeaways and feedback after', async () => {
    await b.goto(offerUrl);
    await b.getByRole('link', { name: 'Naar voor, tijdens en na' }).click();
    await heading(b, new RegExp('voor, tijdens, na'));
    await b.getByRole('textbox', { name: 'Mijn leervragen' }).fill('Hoe leg ik de COP van een warmtepomp uit aan leerlingen?');
    await b.getByRole('textbox', { name: 'Mijn leervragen' }).locator('xpath=ancestor::form').getByRole('button', { name: 'Opslaan' }).click();
    await b.getByText('Opgeslagen.').first().waitFor();
    await check(b, 'sandwich before (participant, phone)');
    await noSidewaysScroll(b);

    await pro.goto(offerUrl);
    await pro.getByText('Leervragen: Hoe leg ik de COP').waitFor();
    await pro.getByRole('link', { name: 'Naar voor, tijdens en na' }).click();
    await pro.getByText('Hoe leg ik de COP van een warmtepomp uit aan leerlingen?').waitFor();
    await pro.getByRole('textbox', { name: 'Agenda (school en bedrijf samen)' }).fill('13:00 rondleiding, 14:00 zelf inregelen, 15:30 nabespreking');
    await pro.getByRole('textbox', { name: 'Taakverdeling' }).fill('Bedrijf: werkplaats en begeleiding. School: leervragen en foto\'s.');
    await pro.getByRole('button', { name: 'Opslaan' }).click();
    await pro.getByText('Opgeslagen.').waitFor();
    await check(pro, 'sandwich (host)');

    // The session takes place: move it to earlier today.
    const sessionId = new URL(b.url()).pathname.split('/').at(-1)!;
    await h.deps.db.update(offerSessions).set({ startAt: new Date(Date.now() - 4 * 3_600_000), endAt: new Date(Date.now() - 3_600_000) }).where(eq(offerSessions.id, sessionId));
    await b.reload();
    await b.getByText('Na: meenemen naar school en feedback (nu)').waitFor();
    await b.getByRole('textbox', { name: 'Mijn aantekeningen' }).fill('COP 4,5 bij 7 °C buiten; inregelen via de app van de fabrikant.');
    await b.getByRole('textbox', { name: 'Mijn aantekeningen' }).locator('xpath=ancestor::form').getByRole('button', { name: 'Opslaan' }).click();
    await b.getByRole('textbox', { name: 'Wat nemen we mee naar school?' }).fill('Een practicum warmtepomp in leerjaar 2.');
    await b.getByRole('textbox', { name: 'Feedback aan het bedrijf' }).fill('Heel leerzaam; graag volgend jaar weer.');
    await b.getByRole('textbox', { name: 'Feedback aan het bedrijf' }).locator('xpath=ancestor::form').getByRole('button', { name: 'Opslaan' }).click();
    await b.getByText('Opgeslagen.').first().waitFor();
    await check(b, 'sandwich after (participant, phone)');
    await noSidewaysScroll(b);

    await pro.reload();
    await pro.getByText('Heel leerzaam; graag volgend jaar weer.').waitFor();
    expect(await pro.getByText('COP 4,5 bij 7').count()).toBe(0);
    expect(await pro.getByText('Een practicum warmtepomp').count()).toBe(0);
    await check(pro, 'sandwich after (host sees feedback)');
  });

  it('the hours appear with the teacher and the visit is offered as a learner-report activity', async () => {
    await b.goto(`${h.baseUrl}/aanbod`);
    await b.getByRole('region', { name: 'Mijn aanmeldingen' }).getByText(/4 uur/).waitFor();
    await check(b, 'offers list with hours (phone)');
    const candidates = await b.request.get(`${h.baseUrl}/api/networks/${nid}/learner-reports/candidates`);
    const list = (await candidates.json()) as { source: string; title: string; prefill: { learningOutcomes?: string } }[];
    const masterclass = list.find((c) => c.source === 'masterclass');
    expect(masterclass?.title).toContain(TITLE);
    expect(masterclass?.prefill.learningOutcomes).toBe('Een practicum warmtepomp in leerjaar 2.');
  });

  it('the company sees its own figures; teachers start a design team and get proposed meeting times', async () => {
    await pro.goto(`${h.baseUrl}/aanbod/cijfers`);
    await heading(pro, 'Cijfers leren buiten de school');
    await pro.getByText('Heel leerzaam; graag volgend jaar weer.').waitFor();
    // what changed for the teachers months later, per host and in total (nobody asked yet)
    await pro.getByRole('columnheader', { name: 'Wat veranderde er?' }).waitFor();
    // how the teachers valued the company visits: no answers yet in this network
    await pro.getByRole('columnheader', { name: 'Waardering' }).waitFor();
    await pro.getByRole('region', { name: 'Wat veranderde er?' }).getByText('Nog geen docent kreeg deze vraag.').waitFor();
    await check(pro, 'offer figures (host)');

    await b.goto(`${h.baseUrl}/ontwikkelteams`);
    await heading(b, 'Docentontwikkelteams');
    await b.getByText('Nog geen ontwikkelteams').waitFor();
    await check(b, 'design teams, none yet (phone)');
    await b.getByLabel('Naam van het team').fill('DOT warmtepompen in de les');
    await b.getByRole('textbox', { name: 'Doel' }).fill('Een lessenserie voor leerjaar 2.');
    await b.getByRole('button', { name: 'Team starten' }).click();
    await b.getByRole('link', { name: 'DOT warmtepompen in de les' }).click();
    await heading(b, 'DOT warmtepompen in de les');
    await b.getByRole('button', { name: 'Tijden voorstellen' }).click();
    await b.getByRole('button', { name: 'Kiezen' }).first().click();
    await b.getByRole('textbox', { name: 'Verslag' }).waitFor();
    await check(b, 'design team with a meeting (phone)');
    await noSidewaysScroll(b);
  });
});
