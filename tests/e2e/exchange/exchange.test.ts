import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hash } from '@node-rs/argon2';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, waitFor, type Harness } from '../../support/harness.ts';

// The exchange week in a real Chromium against a real server, database, job queue and SMTP
// catcher: a coordinator runs a whole edition for the demo network; two teachers (mbo and hbo)
// register, import a timetable file, get matched, download their calendar feed, check in,
// reflect and evaluate; the coordinator's report shows the same numbers. axe-core checks
// every page state on the way.

const MBO_ICS = readFileSync(path.resolve('tests/fixtures/ics/exchange-mbo-teacher.ics'), 'utf8');
const HBO_ICS = readFileSync(path.resolve('tests/fixtures/ics/exchange-hbo-teacher.ics'), 'utf8');
const HBO_PASSWORD = 'lesgeven in domstad';

/** A calendar date in Europe/Amsterdam, whatever the zone of this process. */
function amsterdamDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
/** The demo seeds lessons Monday–Friday of the coming school week. */
function demoWeekMonday(now: Date): string {
  const today = amsterdamDate(now);
  const [y, m, d] = today.split('-').map(Number);
  const weekday = new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() || 7;
  return addDays(today, 8 - weekday);
}


describe.skipIf(!e2eRunnable)('exchange week in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const pages = browserPages(() => browser, { timezoneId: 'Asia/Kathmandu' });
  const { contexts, newPage, check: checkA11y, heading } = pages;
  const monday = demoWeekMonday(new Date());
  const friday = addDays(monday, 4);
  const editionName = `Week van de docentuitwisseling ${monday.slice(0, 4)}`;
  let hbo: { id: string; name: string; email: string };
  let editionUrl = '';
  let publicSlug = '';

  beforeAll(async () => {
    // The clock jumps past the week later on: sessions stay valid that long (30 days idle).
    h = await harnessStart({ demo: true, webRoot, jobs: true, env: { SESSION_IDLE_MINUTES: '43200' } });
    browser = await browserLaunch();
    // The hbo side: a demo teacher of Hogeschool Domstad who teaches HBO-ICT (ISCED 0613, like
    // the mbo teacher's Software developer), given a password to log in with.
    const found = await h.deps.db.execute(sql`
      select p.id, p.name, p.email from people p
      join memberships m on m.person_id = p.id and m.role = 'teacher'
      join institutions i on i.id = m.institution_id and i.name = 'Hogeschool Domstad'
      join person_programmes pp on pp.person_id = p.id
      join programmes pr on pr.id = pp.programme_id and pr.name = 'HBO-ICT'
      order by p.name limit 1`);
    hbo = (found as unknown as { rows: { id: string; name: string; email: string }[] }).rows[0]!;
    expect(hbo, 'the demo has an HBO-ICT teacher at Hogeschool Domstad').toBeTruthy();
    const passwordHash = await hash(HBO_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await h.deps.db.execute(sql`update people set password_hash = ${passwordHash} where id = ${hbo.id}`);
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  async function login(page: Page, email: string, password: string) {
    await heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Hoofdmenu' });
  const tabs = (page: Page) => page.getByRole('navigation', { name: 'Onderdelen van de editie' });

  let coordinator: Page;

  it('coordinator creates an mbo↔hbo edition, announces it and opens registration', async () => {
    coordinator = await newPage();
    await coordinator.goto(`${h.baseUrl}/inloggen`);
    await heading(coordinator, 'Inloggen');
    await coordinator.getByRole('button', { name: 'Inloggen als netwerkcoördinator' }).click();
    await heading(coordinator, /Welkom/);
    await nav(coordinator).getByRole('link', { name: 'Uitwisseling' }).click();
    await heading(coordinator, 'Uitwisseling');
    await coordinator.getByRole('heading', { name: 'Edities beheren' }).waitFor();
    await coordinator.getByText('Nog geen edities').or(coordinator.getByRole('table', { name: 'Edities beheren' })).waitFor();
    await checkA11y(coordinator, 'editions');

    await coordinator.getByRole('button', { name: 'Nieuwe editie' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Nieuwe editie' });
    await dialog.waitFor();
    await dialog.getByRole('cell', { name: 'Hogeschool Domstad' }).waitFor();
    await checkA11y(coordinator, 'new edition dialog');
    // Client-side validation with the domain schema.
    await dialog.getByRole('button', { name: 'Nieuwe editie' }).click();
    await dialog.getByText('Dit is te kort (minimaal 3 tekens).').waitFor();
    await dialog.getByLabel('Naam', { exact: true }).fill(editionName);
    await dialog.getByLabel('Beschrijving (komt op de aankondigingspagina)').fill('Docenten van het mbo en het hbo kijken een week lang bij elkaar mee in de les.');
    await dialog.getByLabel('Eerste dag van de uitwisseling').fill(monday);
    await dialog.getByLabel('Laatste dag van de uitwisseling').fill(friday);
    await dialog.getByLabel('Datum van aankondiging').fill(addDays(monday, -21));
    await dialog.getByLabel('Aanmelden kan tot en met').fill(addDays(monday, -3));
    // Defaults: mbo institutions on side A, the hogeschool on side B, vo schools not taking part.
    expect(await dialog.getByLabel('Kant van ROC Eemvallei').inputValue()).toBe('a');
    expect(await dialog.getByLabel('Kant van Hogeschool Domstad').inputValue()).toBe('b');
    expect(await dialog.getByLabel('Kant van Vathorst Lyceum').inputValue()).toBe('');
    await dialog.getByRole('button', { name: 'Moment toevoegen' }).click();
    await dialog.getByLabel('Dag', { exact: true }).selectOption('1');
    await dialog.getByRole('button', { name: 'Nieuwe editie' }).click();

    await heading(coordinator, editionName);
    editionUrl = coordinator.url();
    expect(editionUrl).toMatch(/\/uitwisseling\/beheer\/[0-9a-f-]{36}$/);
    const stepper = coordinator.getByRole('region', { name: 'Voortgang' });
    expect(await stepper.locator('[aria-current="step"]').textContent()).toBe('Concept');
    await coordinator.getByText('maandag 15:00–16:00').waitFor();
    await checkA11y(coordinator, 'edition: settings (draft)');

    await coordinator.getByRole('button', { name: 'Aankondigen' }).click();
    await coordinator.getByText('De editie staat nu op „Aangekondigd”.').waitFor();
    const publicLink = await coordinator.getByRole('link', { name: /\/uitwisseling\/[A-Za-z0-9_-]{8,}$/ }).textContent();
    publicSlug = publicLink!.split('/').pop()!;

    const mailsBefore = h.mails.length;
    await coordinator.getByRole('button', { name: 'Aanmelding openen' }).click();
    const confirm = coordinator.getByRole('dialog', { name: 'Aanmelding openen?' });
    await confirm.waitFor();
    await checkA11y(coordinator, 'edition: confirm opening registration');
    await confirm.getByRole('button', { name: 'Aanmelding openen' }).click();
    await coordinator.getByText('De editie staat nu op „Aanmelding open”.').waitFor();
    // The stepper follows the edition's refetch, which may land just after the message.
    await stepper.locator('[aria-current="step"]', { hasText: /^Aanmelding open$/ }).waitFor();
    await checkA11y(coordinator, 'edition: registration open');

    // Every teacher of the participating institutions is invited, with the announcement link.
    const invitation = await waitFor(() => h.mails.slice(mailsBefore).find((m) => m.to.includes('docent@demo.kruispunt.nl')), 15_000);
    expect(invitation.text).toContain(`/uitwisseling/${publicSlug}`);
    await waitFor(() => h.mails.slice(mailsBefore).find((m) => m.to.includes(hbo.email)), 15_000);
  });

  async function registerAndImport(page: Page, who: { programme: string; location: string; wish: string; ics: string; fileName: string; name: string }) {
    await heading(page, `Aanmelden: ${editionName}`);
    await page.getByRole('checkbox', { name: who.programme, exact: true }).check();
    await page.getByRole('checkbox', { name: who.wish }).check();
    await page.getByLabel('Vanaf welke locatie vertrek je?').selectOption({ label: who.location });
    await checkA11y(page, `register form (${who.name})`);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByText('Je aanmelding is opgeslagen.').waitFor();
    await page.getByRole('button', { name: 'Aanmelding bijwerken' }).waitFor();
    await checkA11y(page, `registered (${who.name})`);

    await page.getByRole('link', { name: 'Naar mijn rooster' }).click();
    await heading(page, 'Mijn rooster');
    await page.getByRole('group', { name: /Rooster van de week van/ }).waitFor();
    await checkA11y(page, `timetable before import (${who.name})`);
    await page.getByLabel('Bestand (.ics of .csv)').setInputFiles({ name: who.fileName, mimeType: 'text/calendar', buffer: Buffer.from(who.ics, 'utf8') });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    const report = page.getByRole('region', { name: 'Resultaat van het importeren' });
    await report.waitFor();
    const summary = (await report.getByRole('status').textContent()) ?? '';
    const [, imported, lessons, other, , skipped] = /Roosterblokken overgenomen: (\d+) \(lessen: (\d+), overig: (\d+)\)\. Eerdere blokken vervangen: (\d+)\. Overgeslagen: (\d+)/.exec(summary) ?? [];
    expect(Number(imported)).toBeGreaterThan(0);
    expect(Number(lessons) + Number(other)).toBe(Number(imported));
    // The free-time item (TRANSP:TRANSPARENT) is skipped, with a reason.
    expect(Number(skipped)).toBeGreaterThan(0);
    // One row per skipped item (a weekly item is counted, not listed once per week).
    const skippedRow = report.getByRole('table').getByRole('row').filter({ has: page.getByRole('rowheader', { name: /pauze|lunch/ }) });
    expect(await skippedRow.count()).toBe(1);
    expect(await skippedRow.getByRole('cell').first().textContent()).toBe('gemarkeerd als vrij (niet bezet)');
    expect(Number(await skippedRow.getByRole('cell').nth(1).textContent())).toBe(Number(skipped));
    await checkA11y(page, `timetable import report (${who.name})`);
    // The week view shows the imported lessons as "Les" blocks.
    await page.getByRole('group', { name: /Rooster van de week van/ }).getByText(/^Les \d\d:\d\d/).first().waitFor();
    return { imported: Number(imported), lessons: Number(lessons) };
  }

  it('the mbo teacher opens the announcement, logs in, registers and imports a timetable file', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await page.goto(`${h.baseUrl}/uitwisseling/${publicSlug}`);
    await heading(page, editionName);
    await page.getByText('Hogeschool Domstad').waitFor();
    await checkA11y(page, 'public announcement');
    await page.getByRole('link', { name: 'Inloggen om je aan te melden' }).click();
    await login(page, 'docent@demo.kruispunt.nl', 'kruispunt-demo');
    const result = await registerAndImport(page, {
      name: 'mbo', programme: 'Software developer', location: 'Campus De Hoef, Amersfoort', wish: 'Doorstroom mbo–hbo',
      ics: MBO_ICS, fileName: 'rooster-sdj.ics',
    });
    expect(result.lessons).toBeGreaterThanOrEqual(5);
    // A broken file is refused with a translated message, and nothing changes.
    await page.getByLabel('Bestand (.ics of .csv)').setInputFiles({ name: 'kapot.ics', mimeType: 'text/calendar', buffer: Buffer.from('dit is geen agenda', 'utf8') });
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: /agenda|kalender|iCalendar/i }).waitFor();
    await checkA11y(page, 'timetable import refused');
  });

  it('the hbo teacher logs in, registers from the exchange page and imports a timetable file', async () => {
    const page = await newPage();
    await page.goto(`${h.baseUrl}/inloggen`);
    await login(page, hbo.email, HBO_PASSWORD);
    await heading(page, /Welkom/);
    await nav(page).getByRole('link', { name: 'Uitwisseling' }).click();
    await heading(page, 'Uitwisseling');
    await checkA11y(page, 'exchange (teacher)');
    await page.getByRole('link', { name: `Aanmelden ${editionName}` }).click();
    await registerAndImport(page, {
      name: 'hbo', programme: 'HBO-ICT', location: 'Instituut Amersfoort, Amersfoort', wish: 'Doorstroom mbo–hbo',
      ics: HBO_ICS, fileName: 'lesrooster-hbo-ict.ics',
    });
  });

  it('coordinator sees both registrations, closes registration, runs the matching, sees the pair and publishes', async () => {
    await coordinator.goto(editionUrl);
    await heading(coordinator, editionName);
    await tabs(coordinator).getByRole('link', { name: 'Aanmeldingen' }).click();
    const table = coordinator.getByRole('table', { name: 'Aanmeldingen (2)' });
    await table.waitFor();
    await table.getByRole('rowheader', { name: /Sanne de Jong/ }).waitFor();
    await table.getByRole('rowheader', { name: new RegExp(hbo.name) }).waitFor();
    expect(await table.getByText('Nog geen rooster voor de uitwisselingsweek').count()).toBe(0);
    await checkA11y(coordinator, 'edition: registrations');
    // The coordinator can open a registered teacher's timetable for the exchange week.
    await table.getByRole('link', { name: `Rooster bekijken ${hbo.name}` }).click();
    await heading(coordinator, `Rooster van ${hbo.name}`);
    await coordinator.getByRole('group', { name: /Rooster van de week van/ }).getByText(/HBO-ICT P2 Software engineering/).waitFor();
    await checkA11y(coordinator, "coordinator views a teacher's timetable");
    await coordinator.goBack();
    await table.waitFor();

    await tabs(coordinator).getByRole('link', { name: 'Werving' }).click();
    const funnel = coordinator.getByRole('table', { name: 'Werving per instelling en opleiding' });
    await funnel.waitFor();
    // The institution totals count each teacher once: two registered in all.
    const total = funnel.getByRole('row').filter({ has: coordinator.getByRole('rowheader', { name: 'Totaal' }) });
    expect(await total.getByRole('cell').nth(1).textContent()).toBe('2');
    await checkA11y(coordinator, 'edition: funnel');

    await coordinator.getByRole('button', { name: 'Aanmelding sluiten en koppelen' }).click();
    await coordinator.getByText('De editie staat nu op „Koppelen”.').waitFor();

    await tabs(coordinator).getByRole('link', { name: 'Koppelen' }).click();
    await coordinator.getByText('Nog geen koppelrondes').waitFor();
    await checkA11y(coordinator, 'edition: matching (no runs)');
    await coordinator.getByRole('button', { name: 'Koppelronde starten' }).click();
    // The run is queued on the real job queue: an accessible progress bar while it works.
    // (A fast machine may finish the run before the first poll; the bar is checked whenever it shows.)
    const progress = coordinator.getByRole('progressbar', { name: 'Voortgang van ronde 1' });
    const finished = coordinator.getByText('De koppelronde is klaar.');
    await progress.or(finished).first().waitFor({ timeout: 60_000 }).catch(async (error: Error) => {
      // Say what the page shows instead (a failed run, an error message) rather than only "timeout".
      throw new Error(`${error.message}\n--- page ---\n${(await coordinator.locator('main').innerText()).slice(0, 2000)}`);
    });
    if (await progress.isVisible()) {
      expect(Number(await progress.getAttribute('value'))).toBeLessThan(100);
      await checkA11y(coordinator, 'edition: matching run in progress');
    }
    await finished.waitFor({ timeout: 60_000 });

    const pair = coordinator.getByRole('listitem').filter({ has: coordinator.getByRole('heading', { name: `Sanne de Jong ↔ ${hbo.name}` }) });
    await pair.waitFor();
    await pair.getByText('Zelfde studierichting (ISCED 0613)').waitFor();
    await pair.getByText('Gedeelde leerwens: Doorstroom mbo–hbo').waitFor();
    const visitsTable = pair.getByRole('table');
    expect(await visitsTable.getByRole('row').count()).toBe(3);
    await visitsTable.getByRole('rowheader', { name: `Sanne de Jong kijkt mee bij ${hbo.name}` }).waitFor();
    await visitsTable.getByRole('rowheader', { name: `${hbo.name} kijkt mee bij Sanne de Jong` }).waitFor();
    expect(await coordinator.getByText('100%').first().isVisible()).toBe(true);
    await checkA11y(coordinator, 'edition: matching proposal');

    // The same proposal in English.
    await coordinator.getByRole('button', { name: 'English' }).click();
    await coordinator.getByRole('heading', { name: 'Pairs (1)' }).waitFor();
    await pair.getByText('Same field of education (ISCED 0613)').waitFor();
    await checkA11y(coordinator, 'edition: matching proposal (English)');
    await coordinator.getByRole('button', { name: 'Nederlands' }).click();
    await coordinator.getByRole('heading', { name: 'Koppels (1)' }).waitFor();

    // Pin the pair; the next run keeps it, and the two runs can be compared.
    await pair.getByRole('button', { name: /^Koppel vastzetten/ }).click();
    await pair.getByText('Opgeslagen; geldt vanaf de volgende ronde.').waitFor();
    const rules = coordinator.getByRole('region', { name: 'Vastgezette en uitgesloten koppels' });
    await rules.getByRole('listitem').filter({ hasText: 'Vastzetten' }).filter({ hasText: `Sanne de Jong ↔ ${hbo.name}` }).waitFor();
    await coordinator.getByRole('button', { name: 'Koppelronde starten' }).click();
    await coordinator.getByRole('heading', { name: 'Ronde 2', level: 3 }).waitFor();
    await coordinator.getByText('De koppelronde is klaar.').waitFor({ timeout: 60_000 });
    await pair.getByText('vastgezet').waitFor();
    const compare = coordinator.getByRole('region', { name: 'Twee rondes vergelijken' });
    await compare.getByRole('button', { name: 'Vergelijken' }).click();
    await compare.getByRole('heading', { name: 'In beide rondes (1)' }).waitFor();
    await compare.getByText(`Sanne de Jong`).first().waitFor();
    await checkA11y(coordinator, 'edition: second run, pinned pair, compared');

    // Moving a visit offers only feasible slots.
    const visitsTable2 = pair.getByRole('table');
    await visitsTable2.getByRole('button', { name: /^Verplaatsen/ }).first().click();
    const move = coordinator.getByRole('dialog', { name: /Bezoek verplaatsen/ });
    await move.waitFor();
    await move.getByRole('radio').first().or(move.getByText('Geen ander passend lesuur')).first().waitFor();
    await checkA11y(coordinator, 'edition: move visit dialog');
    // The visit's current lesson is shown but cannot be chosen.
    expect(await move.getByRole('radio', { disabled: true }).count()).toBeLessThanOrEqual(1);
    if ((await move.getByRole('radio', { disabled: false }).count()) > 0) {
      await move.getByRole('radio', { disabled: false }).first().check();
      await move.getByRole('button', { name: 'Verplaatsen', exact: true }).click();
      await visitsTable2.getByText('verplaatst').waitFor();
    } else {
      await move.getByRole('button', { name: 'Sluiten' }).click();
    }

    const mailsBefore = h.mails.length;
    await coordinator.getByRole('button', { name: 'Ronde 2 publiceren' }).click();
    const confirm = coordinator.getByRole('dialog', { name: 'Voorstel publiceren?' });
    await confirm.waitFor();
    await checkA11y(coordinator, 'edition: confirm publish');
    await confirm.getByRole('button', { name: 'Publiceren en e-mails versturen' }).click();
    await coordinator.getByText('De editie staat nu op „Gepubliceerd”.').or(coordinator.getByText('Gepubliceerd: de deelnemers krijgen hun e-mail.')).first().waitFor();
    await coordinator.getByRole('region', { name: 'Voortgang' }).locator('[aria-current="step"]', { hasText: 'Gepubliceerd' }).waitFor();
    // Each participant gets an e-mail with calendar invitations.
    const mail = await waitFor(() => h.mails.slice(mailsBefore).find((m) => m.to.includes('docent@demo.kruispunt.nl')), 15_000);
    expect(mail.raw).toContain('BEGIN:VCALENDAR');

    await tabs(coordinator).getByRole('link', { name: 'Bezoeken' }).click();
    await coordinator.getByRole('table', { name: 'Bezoeken (2)' }).waitFor();
    await checkA11y(coordinator, 'edition: visits');
  });

  async function myExchange(page: Page) {
    await nav(page).getByRole('link', { name: 'Uitwisseling' }).click();
    await heading(page, 'Uitwisseling');
    await page.getByRole('link', { name: `Mijn uitwisseling ${editionName}` }).click();
    await heading(page, `Mijn uitwisseling: ${editionName}`);
  }

  async function feedCheck(page: Page, personId: string, label: string) {
    await page.getByRole('button', { name: 'Agendalink maken' }).click();
    const input = page.getByLabel('Je persoonlijke agendalink');
    await input.waitFor();
    await checkA11y(page, `calendar feed shown once (${label})`);
    const url = await input.inputValue();
    expect(url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{20,100}\.ics$/);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    const feed = await response.text();
    expect(feed).toMatch(/^BEGIN:VCALENDAR/);
    const uids = await h.deps.db.execute(sql`select uid from visits where observer_id = ${personId} or host_id = ${personId}`);
    const rows = (uids as unknown as { rows: { uid: string }[] }).rows;
    expect(rows.length).toBe(2);
    for (const { uid } of rows) expect(feed).toContain(`UID:${uid}`);
  }

  it('the teachers see their partner and visits and download their calendar feed', async () => {
    const [mboPage, hboPage] = contexts.slice(1, 3).map((c) => c.pages()[0]!);
    for (const [page, partner, label] of [[mboPage!, hbo.name, 'mbo'], [hboPage!, 'Sanne de Jong', 'hbo']] as const) {
      await myExchange(page);
      await page.getByRole('heading', { name: partner, level: 3, exact: true }).waitFor();
      await page.getByRole('heading', { name: `Jij kijkt mee bij ${partner}` }).waitFor();
      await page.getByRole('heading', { name: `${partner} kijkt mee in jouw les` }).waitFor();
      await checkA11y(page, `my exchange (${label})`);
      const personId = label === 'hbo' ? hbo.id : String((await h.deps.db.execute(sql`select id from people where email = 'docent@demo.kruispunt.nl'`) as unknown as { rows: { id: string }[] }).rows[0]!.id);
      await feedCheck(page, personId, label);
    }
  });

  it('after the visits the teachers check in, reflect and evaluate', async () => {
    // The exchange week has passed: the server's clock moves to the Saturday after it.
    const realNow = h.deps.now;
    const saturday = new Date(`${addDays(friday, 1)}T12:00:00Z`);
    h.deps.now = () => saturday;
    try {
      await coordinator.goto(editionUrl);
      await heading(coordinator, editionName);
      await coordinator.getByRole('button', { name: 'Uitwisseling starten' }).click();
      await coordinator.getByText('De editie staat nu op „Loopt”.').waitFor();
      await coordinator.getByRole('button', { name: 'Evaluatie openen' }).click();
      await coordinator.getByText('De editie staat nu op „Evaluatie”.').waitFor();

      const [mboPage, hboPage] = contexts.slice(1, 3).map((c) => c.pages()[0]!);
      for (const [page, label] of [[mboPage!, 'mbo'], [hboPage!, 'hbo']] as const) {
        await page.reload();
        await heading(page, /Mijn uitwisseling/);
        const visits = page.getByRole('region', { name: /Je bezoeken/ }).getByRole('listitem');
        await visits.nth(1).waitFor();
        expect(await visits.count()).toBe(2);
        // A check-in marks the visit done for both teachers: the mbo teacher checks in at both
        // visits, the hbo teacher then sees them checked in.
        for (const visit of await visits.all()) {
          if (label === 'mbo') await visit.getByRole('button', { name: /^Ik ben er \(inchecken\)/ }).click();
          await visit.getByText('aangemeld bij bezoek').waitFor();
          await visit.getByText('Afgerond').waitFor();
        }
        const first = visits.first();
        if ((await first.locator('details').getAttribute('open')) === null) await first.getByText(/^Reflectie (schrijven|bekijken)/).click();
        await first.getByLabel('Wat heb je gezien?').fill('Een les waarin studenten in tweetallen code reviewden.');
        await first.getByLabel('Wat heb je geleerd?').fill('Hoe het hbo feedback op code organiseert.');
        await first.getByLabel('Wat ga je zelf toepassen?').fill('Peer review in mijn eigen lessen programmeren.');
        await first.getByRole('button', { name: 'Reflectie opslaan' }).click();
        await first.getByText('Opgeslagen.').waitFor();
        await checkA11y(page, `checked in and reflected (${label})`);

        const evaluation = page.getByRole('region', { name: 'Evaluatie' });
        await evaluation.getByRole('button', { name: 'Evaluatie versturen' }).click();
        await evaluation.getByText('Geef bij elke vraag een score en kies ja of nee.').waitFor();
        await evaluation.getByRole('group', { name: 'Totaaloordeel' }).getByLabel('5 van 5').check();
        await evaluation.getByRole('group', { name: 'Hoe goed paste je partner bij je?' }).getByLabel('4 van 5').check();
        await evaluation.getByRole('group', { name: 'Hoe was de organisatie?' }).getByLabel('4 van 5').check();
        await evaluation.getByRole('group', { name: 'Zou je het een collega aanraden?' }).getByLabel('ja').check();
        await evaluation.getByLabel('Wat was het mooiste?').fill('Zien hoe mijn oud-studenten het op het hbo doen.');
        await evaluation.getByRole('button', { name: 'Evaluatie versturen' }).click();
        await evaluation.getByText('Dank je wel! Je evaluatie is opgeslagen.').waitFor();
        await checkA11y(page, `evaluated (${label})`);

        // The certificate of credited hours is a PDF.
        const certificate = await page.getByRole('link', { name: 'Certificaat downloaden (PDF)' }).getAttribute('href');
        const pdf = await page.request.get(`${h.baseUrl}${certificate}`);
        expect(pdf.status()).toBe(200);
        expect(pdf.headers()['content-type']).toContain('application/pdf');
        expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
      }
    } finally {
      h.deps.now = realNow;
    }
  });

  it('a teacher keeps a regular week by hand in the grid editor and removes it again', async () => {
    const page = contexts[2]!.pages()[0]!;
    await nav(page).getByRole('link', { name: 'Mijn rooster' }).click();
    await heading(page, 'Mijn rooster');
    const grid = page.getByRole('region', { name: 'Vaste week invullen' });
    await grid.getByText('Nog geen uren ingevuld.').waitFor();
    await grid.getByRole('button', { name: 'Uur toevoegen' }).click();
    await grid.getByLabel('Dag, rij 1').selectOption('3');
    await grid.getByLabel('Van, rij 1').fill('16:00');
    await grid.getByLabel('Tot, rij 1').fill('17:00');
    await grid.getByLabel('Soort, rij 1').selectOption('meeting');
    await grid.getByLabel('Omschrijving, rij 1').fill('Spreekuur studenten');
    await checkA11y(page, 'timetable grid editor');
    await grid.getByRole('button', { name: 'Weekrooster opslaan' }).click();
    const report = page.getByRole('region', { name: 'Resultaat van het importeren' });
    await report.getByText(/Roosterblokken overgenomen: \d+ \(lessen: 0, overig: \d+\)/).waitFor();
    const sources = page.getByRole('region', { name: 'Bronnen van mijn rooster' });
    await sources.getByRole('rowheader', { name: 'Weekrooster (handmatig)' }).waitFor();
    await page.getByRole('button', { name: 'Volgende week' }).click();
    await page.getByRole('group', { name: /Rooster van de week van/ }).getByText(/^Overleg 16:00–17:00/).first().waitFor();
    await checkA11y(page, 'timetable with week grid');

    // Removing a source asks first.
    await sources.getByRole('button', { name: 'Verwijderen Weekrooster (handmatig)' }).click();
    const confirm = page.getByRole('dialog', { name: 'Bron verwijderen?' });
    await confirm.waitFor();
    await checkA11y(page, 'timetable: confirm removing a source');
    await confirm.getByRole('button', { name: 'Verwijderen' }).click();
    await sources.getByRole('rowheader', { name: 'Weekrooster (handmatig)' }).waitFor({ state: 'detached' });
  });

  it('coordinator sees report numbers that match', async () => {
    // three teachers answered the lasting-effect question about this week (as the hourly tick asks it
    // and the answer counts it): the report shows the three counts, without names
    const editionIdForEffect = editionUrl.split('/').pop()!;
    const effectNetwork = (await h.deps.db.execute<{ network_id: string }>(sql`select network_id from editions where id = ${editionIdForEffect}`)).rows[0]!.network_id;
    await h.deps.db.execute(sql`insert into record_follow_ups (network_id, person_id, source, source_id, title, activity_date, asked_at, answered_at)
      select ${effectNetwork}, m.person_id, 'exchange_edition', ${editionIdForEffect}, 'Uitwisseling', current_date, now(), case when n <= 3 then now() end
      from (select person_id, row_number() over (order by person_id) as n from (select distinct person_id from memberships where network_id = ${effectNetwork} and role = 'teacher') d) m where n <= 4`);
    await h.deps.db.execute(sql`insert into record_effect_counts (network_id, source, source_id, changed, partly, unchanged) values (${effectNetwork}, 'exchange_edition', ${editionIdForEffect}, 2, 1, 0)`);
    await coordinator.goto(`${editionUrl}?tab=report`);
    await heading(coordinator, editionName);
    const figures = coordinator.getByRole('list', { name: 'Kerncijfers' });
    await figures.waitFor();
    const api = h.client();
    await api.login('coordinator@demo.kruispunt.nl', 'kruispunt-demo');
    const editionId = editionUrl.split('/').pop()!;
    const me = await api.request('GET', '/api/auth/me');
    const networkId = me.body.memberships[0].networkId as string;
    const report = (await api.request('GET', `/api/networks/${networkId}/editions/${editionId}/report`)).body;
    expect(report.totals).toMatchObject({ registered: 2, matched: 2, evaluated: 2 });
    expect(report.matchedPercent).toBe(100);
    expect(report.visits.done).toBe(2);
    expect(report.evaluation.count).toBe(2);
    const stat = async (label: string) => (await figures.getByRole('listitem').filter({ hasText: new RegExp(`^[\\d.,%]+${label}`) }).locator('.stat-value').textContent())?.trim();
    expect(await stat('Aangemeld')).toBe('2');
    expect(await stat('Gekoppeld')).toBe('2');
    expect(await stat('van de aanmeldingen gekoppeld')).toBe('100%');
    expect(await stat('bezoeken afgerond')).toBe('2');
    expect(await stat('Geëvalueerd')).toBe('2');
    await coordinator.getByRole('figure', { name: 'Deelname per instelling' }).waitFor();
    await coordinator.getByRole('figure', { name: 'Gemiddelde scores (1–5)' }).waitFor();
    await coordinator.getByText('Gemiddeld: totaal 5,0, partner 4,0, organisatie 4,0.').waitFor();
    expect(report.lastingEffect).toEqual({ afterDays: 91, asked: 4, answered: 3, counts: { changed: 2, partly: 1, unchanged: 0 } });
    const effect = coordinator.getByRole('region', { name: 'Wat veranderde er?' });
    await effect.waitFor();
    const effectStat = async (label: string) => (await effect.getByRole('listitem').filter({ hasText: new RegExp(`^\\d+${label}$`) }).locator('.stat-value').textContent())?.trim();
    expect(await effectStat('docenten kregen de vraag')).toBe('4');
    expect(await effectStat('antwoorden')).toBe('3');
    expect(await effectStat('doen nu iets anders')).toBe('2');
    expect(await effectStat('deels')).toBe('1');
    expect(await effectStat('niets veranderd')).toBe('0');
    await checkA11y(coordinator, 'edition: report');

    const xlsx = await api.request('GET', `/api/networks/${networkId}/editions/${editionId}/report.xlsx`);
    expect(xlsx.status).toBe(200);
  });

  it('for the demo week, the coordinator sees what would match the people left without a partner, as advice only', async () => {
    const api = h.client();
    await api.login('coordinator@demo.kruispunt.nl', 'kruispunt-demo');
    const networkId = (await api.request('GET', '/api/auth/me')).body.memberships[0].networkId as string;
    const demo = ((await api.request('GET', `/api/networks/${networkId}/editions`)).body as { id: string; name: string; status: string }[]).find((e) => e.status === 'matching')!;
    await coordinator.goto(`${h.baseUrl}/uitwisseling/beheer/${demo.id}?tab=matching`);
    await heading(coordinator, demo.name);
    await coordinator.getByRole('button', { name: 'Koppelronde starten' }).click();
    const whatIf = coordinator.getByRole('region', { name: 'Wat zou helpen?' });
    await whatIf.waitFor({ timeout: 60_000 });
    // Trios would give three of the four people without a place a partner; nothing is applied.
    await whatIf.getByText(/Sta trio's toe .*4 mensen die geen plek kregen.*: 3 koppels meer \(3 van hen gekoppeld\)/).first().waitFor();
    await checkA11y(coordinator, 'matching run with what-ifs');
    const runs = (await api.request('GET', `/api/networks/${networkId}/editions/${demo.id}/runs`)).body as { summary: { whatIfs?: { change: string; morePairs: number }[]; pairs: number } | null }[];
    expect(runs[0]!.summary!.whatIfs).toEqual(expect.arrayContaining([expect.objectContaining({ change: 'TRIOS_ALLOWED', morePairs: 3 })]));
    const edition = (await api.request('GET', `/api/networks/${networkId}/editions/${demo.id}`)).body as { groupSize: string };
    expect(edition.groupSize, 'a what-if changes no setting').toBe('pair');
  });
});
