import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot, PHONE_VIEWPORT } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';

// A leerlab in a real Chromium against a real server and database (the demo network): the
// network coordinator sets up a leerlab of Vakcollege Eemnes and ROC Eemvallei, enters the class
// timetable and a holiday, plans the year from the options side by side, imports the roster (the
// extra personal columns are dropped and reported), marks attendance on a phone-sized page, enters
// results, exports grades and issues an exemption PDF, starts an evaluation round; a pupil answers
// it by code without an account. axe-core checks every page state.

function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
function mondayAfter(date: string, weeks: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() || 7;
  return addDays(date, 8 - weekday + 7 * (weeks - 1));
}

describe.skipIf(!e2eRunnable)('leerlab in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timezoneId: 'Asia/Kathmandu' });
  const { newPage, check: checkA11y, heading } = pages;
  const first = mondayAfter(amsterdamDate(new Date()), 2);
  const last = addDays(first, 10 * 7 - 3);
  const holiday = addDays(first, 7 + 2);
  let page: Page;
  let leerlabUrl = '';
  let code = '';

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  const tabs = (p: Page) => p.getByRole('navigation', { name: 'Onderdelen van het leerlab' });

  it('the coordinator sets up a leerlab with its class timetable and holidays', async () => {
    page = await newPage();
    await page.goto(`${h.baseUrl}/inloggen`);
    await heading(page, 'Inloggen');
    await page.getByRole('button', { name: 'Inloggen als netwerkcoördinator' }).click();
    await heading(page, /Welkom/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Leerlabs' }).click();
    await heading(page, 'Leerlabs vmbo–mbo');
    await page.getByRole('link', { name: 'Leerlab IT Eemnes–Eemvallei' }).waitFor();
    await checkA11y(page, 'leerlabs');

    await page.getByRole('button', { name: 'Nieuw leerlab' }).click();
    const form = page.getByRole('form', { name: 'Leerlab opzetten' });
    await form.waitFor();
    await form.getByLabel('Naam', { exact: true }).fill('Leerlab design thinking 4C');
    await form.getByLabel('Praktijkgericht programma (pgp)').fill('IT');
    await form.getByLabel('Mbo-keuzedeel').fill('Design thinking');
    await form.getByLabel('Code keuzedeel').fill('K0125');
    await form.getByLabel('Onderdelen met uren').fill('Empathie;10\nPrototype;14');
    await form.getByLabel('Klassen').fill('4C');
    await form.getByLabel('Eerste lesdag').fill(first);
    await form.getByLabel('Laatste lesdag').fill(last);
    await form.getByLabel('Vo-school').selectOption({ label: 'Vakcollege Eemnes' });
    await form.getByLabel('Locatie vo-school').selectOption({ label: 'Eemnes' });
    await form.getByLabel('Mbo-instelling').selectOption({ label: 'ROC Eemvallei' });
    await form.getByLabel('Locatie mbo').selectOption({ label: 'Campus De Hoef' });
    await checkA11y(page, 'new leerlab form');
    await form.getByRole('button', { name: 'Leerlab aanmaken' }).click();
    await heading(page, 'Leerlab design thinking 4C');
    leerlabUrl = page.url();
    await page.getByText(/Berekend uit de adressen: \d+ min/).waitFor();

    // The mbo teacher joins: her timetable counts in the planning, and she sees the roster.
    await page.getByLabel('Persoon', { exact: true }).selectOption({ label: 'Sanne de Jong (ROC Eemvallei)' });
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'mbo-docent' });
    await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    await page.getByRole('button', { name: 'Verwijderen Sanne de Jong' }).or(page.getByRole('button', { name: /Sanne de Jong/ })).first().waitFor();

    await page.getByLabel(/Lessen van klas 4C/).fill('ma 08:30-12:00\ndi 08:30-12:00\nwo 08:30-10:00\ndo 08:30-12:00\nvr 08:30-12:00');
    await page.getByRole('button', { name: 'Rooster 4C opslaan' }).click();
    await page.getByText('Opgeslagen.').first().waitFor();
    await page.getByLabel('Datums (CSV)').fill(`${holiday};Studiedag`);
    await page.getByRole('button', { name: 'Datums toevoegen' }).click();
    await page.getByText('1 dag toegevoegd.', { exact: true }).waitFor();
    await checkA11y(page, 'leerlab overview');
  });

  it('plans the year from the options side by side', async () => {
    await tabs(page).getByRole('link', { name: 'Jaarplanning' }).click();
    await heading(page, /Jaarplanning/);
    await page.getByText('Regels voor het tijdstip').click();
    expect(await page.getByLabel('Nooit op deze momenten').inputValue()).toBe('ma 15:00-16:00');
    await page.getByLabel('Liever vroeger op de dag').waitFor();
    const pupils = page.getByRole('region', { name: 'Leerlingen naar het ROC' });
    await pupils.getByRole('heading', { name: /^Optie 1:/ }).waitFor();
    expect(await pupils.getByRole('heading', { name: /^Optie \d:/ }).count()).toBeGreaterThan(1);
    // The class is in lessons every morning except Wednesday from 10:00: no option on a lesson.
    const titles = await pupils.getByRole('heading', { name: /^Optie \d:/ }).allTextContents();
    for (const title of titles) expect(title).not.toMatch(/maandag 15|maandag 14:[3-5]/);
    await checkA11y(page, 'planning');
    await pupils.getByRole('button', { name: /^Kies Optie 1:/ }).click();
    await heading(page, /Bijeenkomsten/);
    await page.getByRole('table', { name: /Bijeenkomsten \(\d+ gepland\)/ }).waitFor();
    await checkA11y(page, 'sessions');
  });

  it('imports the roster: extra personal columns are dropped and reported', async () => {
    await tabs(page).getByRole('link', { name: 'Leerlingen en resultaten' }).click();
    await heading(page, /Leerlingen/);
    await page.getByText(/We bewaren alleen naam en klas/).waitFor();
    await page.getByLabel('Leerlingenlijst (CSV)').fill('naam;klas;geboortedatum;adres\nSam de Vries;4C;2011-03-04;Dorpsstraat 1\nNoa Jansen;4C;2011-05-06;Kerkstraat 2\nLiam Bakker;4D;2011-01-01;Laan 3\n');
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('2 leerlingen toegevoegd.').waitFor();
    await page.getByText(/niet gelezen en niet bewaard.*geboortedatum, adres/).waitFor();
    await page.getByRole('cell', { name: /Klas 4D hoort niet bij dit leerlab/ }).waitFor();
    await checkA11y(page, 'roster import report');
  });

  it('marks attendance on a phone-sized page', async () => {
    await tabs(page).getByRole('link', { name: 'Bijeenkomsten' }).click();
    await heading(page, /Bijeenkomsten/);
    await page.setViewportSize(PHONE_VIEWPORT);
    await page.getByRole('link', { name: /^Aanwezigheid / }).first().click();
    await heading(page, 'Aanwezigheid');
    await page.getByRole('group', { name: /Sam de Vries/ }).getByRole('button', { name: 'Aanwezig' }).click();
    await page.getByRole('group', { name: /Noa Jansen/ }).getByRole('button', { name: 'Afwezig' }).click();
    await checkA11y(page, 'attendance (phone)');
    await page.getByRole('button', { name: 'Opslaan (2)' }).click();
    await page.getByText('Aanwezigheid opgeslagen.').waitFor();
    expect(await page.getByRole('group', { name: /Sam de Vries/ }).getByRole('button', { name: 'Aanwezig' }).getAttribute('aria-pressed')).toBe('true');
    await checkA11y(page, 'attendance saved (phone)');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('enters results, exports grades for the vo-school and issues an exemption PDF', async () => {
    await page.goto(`${leerlabUrl}/leerlingen`);
    await heading(page, /Leerlingen/);
    await page.getByLabel('Cijfer Sam de Vries, Empathie').fill('7,5');
    await page.getByLabel('Empathie afgerond door Sam de Vries').check();
    await page.getByRole('button', { name: 'Resultaten opslaan' }).click();
    await page.getByText('Resultaten opgeslagen.').waitFor();
    await checkA11y(page, 'results');
    const gradesHref = await page.getByRole('link', { name: 'Cijfers downloaden (CSV voor de administratie)' }).getAttribute('href');
    const grades = await page.request.get(`${h.baseUrl}${gradesHref}`);
    const lines = (await grades.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('leerling;klas;keuzedeel_code;keuzedeel;onderdeel;uren;cijfer;behaald;datum');
    expect(lines).toContain('Sam de Vries;4C;K0125;Design thinking;Empathie;10;7,5;ja;');
    expect(lines.join('\n')).not.toContain('2011-03-04');
    const pdfHref = await page.getByRole('link', { name: 'Vrijstellingsverklaring Sam de Vries (PDF)' }).getAttribute('href');
    const pdf = await page.request.get(`${h.baseUrl}${pdfHref}`);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('starts an evaluation round; a pupil answers by code without an account', async () => {
    await tabs(page).getByRole('link', { name: 'Evaluatie' }).click();
    await heading(page, /Evaluatie/);
    await page.getByLabel('Nieuwe evaluatieronde').fill('Na periode 1');
    await page.getByRole('button', { name: 'Ronde starten' }).click();
    const round = page.getByRole('region', { name: 'Na periode 1' });
    await round.waitFor();
    code = (await round.locator('.stat-value').textContent())!.trim();
    await round.getByRole('img', { name: `QR-code naar de evaluatie met code ${code}` }).waitFor();
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    // what changed for the teachers months later: nobody has been asked about this leerlab yet
    await page.getByRole('region', { name: 'Wat veranderde er?' }).getByText('Nog geen docent kreeg deze vraag.').waitFor();
    await checkA11y(page, 'evaluation round');

    const pupil = await newPage(PHONE_VIEWPORT);
    await pupil.goto(`${h.baseUrl}/leerlab/evaluatie`);
    await heading(pupil, 'Evaluatie leerlab');
    await checkA11y(pupil, 'evaluation code (public)');
    await pupil.getByLabel('Code').fill(code);
    await pupil.getByRole('button', { name: 'Verder' }).click();
    await pupil.getByText(/Na periode 1 — Leerlab design thinking 4C/).waitFor();
    await checkA11y(pupil, 'evaluation form (public)');
    for (const q of ['Ik heb veel geleerd', 'Het was interessant', 'Het was goed georganiseerd', 'Het reizen ging goed', 'Ik raad het anderen aan']) {
      await pupil.getByRole('group', { name: q }).getByLabel('wel', { exact: true }).check();
    }
    await pupil.getByLabel('Wil je nog iets zeggen?').fill('Leuk om op het ROC te zijn.');
    await pupil.getByRole('button', { name: 'Versturen' }).click();
    await pupil.getByText('Dank je wel! Je antwoord is opgeslagen.').waitFor();
    await checkA11y(pupil, 'evaluation thanks (public)');

    await page.reload();
    const after = page.getByRole('region', { name: 'Na periode 1' });
    await after.getByText(/ 1 antwoord$/).waitFor();
    await after.getByRole('figure', { name: /Gemiddelde score/ }).waitFor();
    await after.getByText('Leuk om op het ROC te zijn.').waitFor();
    await page.getByLabel('Wat we veranderen').fill('Eerder vertrekken op woensdag.');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Opgeslagen.').waitFor();
    await checkA11y(page, 'evaluation results');
  });
});
