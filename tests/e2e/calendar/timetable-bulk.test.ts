import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';

// The network coordinator imports the timetables of a whole institution from its detail page:
// first one CSV with a teacher column (one row names nobody of the institution and is skipped
// with a reason), then one .ics file per teacher, named after the teacher's e-mail address.
// axe-core checks every page state on the way.



/** A date `days` from today as YYYY-MM-DD (UTC; the import range leaves a margin either side). */
function dayFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

function ics(uidPrefix: string, dates: string[]): string {
  const events = dates.flatMap((d, i) => [
    'BEGIN:VEVENT',
    `UID:${uidPrefix}-${i}@example.org`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART:${d.replaceAll('-', '')}T080000Z`,
    `DTEND:${d.replaceAll('-', '')}T090000Z`,
    `SUMMARY:Les ${i + 1}`,
    'LOCATION:B1.0' + String(i),
    'END:VEVENT',
  ]);
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Kruispunt e2e//NL', ...events, 'END:VCALENDAR', ''].join('\r\n');
}

describe.skipIf(!e2eRunnable)('bulk timetable import on the institution page in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  // The browser runs in the test process's time zone (no timezoneId), as this suite always did.
  const pages = browserPages(() => browser, { timeout: 15_000 });
  let teachers: { name: string; email: string }[] = [];

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
    const found = await h.deps.db.execute(sql`
      select distinct p.name, p.email from people p
      join memberships m on m.person_id = p.id and m.role = 'teacher'
      join institutions i on i.id = m.institution_id and i.name = 'ROC Eemvallei'
      order by p.name limit 2`);
    teachers = (found as unknown as { rows: { name: string; email: string }[] }).rows;
    expect(teachers, 'the demo has two teachers at ROC Eemvallei').toHaveLength(2);
  });

  afterAll(async () => {
    await pages.close();
    await browser?.close();
    await h?.stop();
  });

  const checkA11y = (label: string) => pages.check(page, label);

  /** The cells of the row whose header is `name`, as text. */
  async function rowCells(table: Locator, name: string): Promise<string[]> {
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
    expect(await row.count()).toBe(1);
    return (await row.getByRole('cell').allTextContents()).map((s) => s.trim());
  }

  const section = () => page.getByRole('region', { name: 'Roosters importeren' });
  const report = () => section().getByRole('region', { name: 'Resultaat van de roosterimport' });

  it('the coordinator opens ROC Eemvallei and finds the import section', async () => {
    page = await pages.newPage();
    await page.goto(`${h.baseUrl}/`);
    await pages.heading(page, 'Inloggen');
    await page.getByLabel('E-mailadres').fill('coordinator@demo.kruispunt.nl');
    await page.getByLabel('Wachtwoord', { exact: true }).fill('kruispunt-demo');
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await pages.heading(page, /Welkom/);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await pages.heading(page, 'Instellingen');
    await page.getByRole('link', { name: 'ROC Eemvallei' }).click();
    await pages.heading(page, 'ROC Eemvallei');
    await section().waitFor();
    await section().getByText(/docent \(e-mailadres of naam/).waitFor();
    await checkA11y('institution with import section (CSV)');
    // Submitting without a file is caught before anything is sent.
    await section().getByRole('button', { name: 'Roosters importeren' }).click();
    await section().getByRole('alert').filter({ hasText: 'Kies eerst een bestand.' }).waitFor();
  });

  it('imports one CSV for two teachers and reports the unknown teacher row', async () => {
    const [a, b] = teachers as [{ name: string; email: string }, { name: string; email: string }];
    const d1 = dayFromToday(7);
    const d2 = dayFromToday(8);
    const csv = [
      'docent;datum;begin;eind;omschrijving;lokaal;soort',
      `${a.email};${d1};08:30;09:20;Engels 1A;B1.01;les`,
      `${a.email};${d2};09:20;10:10;Engels 1B;B1.01;les`,
      `${b.name};${d1};10:30;11:20;Rekenen 2C;C0.12;les`,
      `niemand@elders.example;${d1};11:20;12:10;Onbekend;A0.01;les`,
    ].join('\n');
    // The period is optional; here it is set and holds both dates.
    await section().getByLabel('Vanaf').fill(dayFromToday(0));
    await section().getByLabel('Tot en met').fill(dayFromToday(30));
    await section().getByLabel('CSV-bestand', { exact: true }).setInputFiles({ name: 'roosters.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${csv}`, 'utf8') });
    await section().getByRole('button', { name: 'Roosters importeren' }).click();
    await report().waitFor();
    expect(await report().getByRole('status').textContent()).toBe('3 blokken overgenomen voor 2 docenten; 1 overgeslagen.');
    const imported = report().getByRole('table', { name: 'Geïmporteerd per docent (2)' });
    expect(await rowCells(imported, a.name)).toEqual(['2', '2', '0']);
    expect(await rowCells(imported, b.name)).toEqual(['1', '1', '0']);
    const skipped = report().getByRole('table', { name: 'Overgeslagen (1)' });
    expect(await rowCells(skipped, 'rij 5 (docent)')).toEqual(['onbekende docent (geen e-mailadres of naam van deze instelling)']);
    await checkA11y('CSV import result');

    // A CSV without the needed columns is refused as a whole with a translated message.
    await section().getByLabel('CSV-bestand', { exact: true }).setInputFiles({ name: 'kapot.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;kleur\nPiet;blauw\n', 'utf8') });
    await section().getByRole('button', { name: 'Roosters importeren' }).click();
    await section().getByRole('alert').filter({ hasText: /^Het rooster kon niet worden gelezen: .+\. Er is niets veranderd\.$/ }).waitFor();
    expect(await report().count()).toBe(0);
    await checkA11y('CSV import refused');
  });

  it('imports one .ics file per teacher, named after the e-mail address; a second run replaces', async () => {
    const [a, b] = teachers as [{ name: string; email: string }, { name: string; email: string }];
    await section().getByRole('radio', { name: 'iCalendar-bestanden (.ics), één per docent' }).check();
    await section().getByText(/bijvoorbeeld j\.jansen@roc\.nl\.ics/).waitFor();
    await checkA11y('institution with import section (iCalendar)');
    const files = [
      { name: `${a.email}.ics`, mimeType: 'text/calendar', buffer: Buffer.from(ics('a', [dayFromToday(9), dayFromToday(10)]), 'utf8') },
      { name: `${b.email}.ics`, mimeType: 'text/calendar', buffer: Buffer.from(ics('b', [dayFromToday(9)]), 'utf8') },
      { name: 'onbekend@elders.example.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics('c', [dayFromToday(9)]), 'utf8') },
    ];
    const input = section().getByLabel('Agendabestanden (.ics)');
    await input.setInputFiles(files);
    await section().getByText('Bestanden gekozen: 3.').waitFor();
    await section().getByRole('button', { name: 'Roosters importeren' }).click();
    await report().waitFor();
    expect(await report().getByRole('status').textContent()).toBe('3 blokken overgenomen voor 2 docenten; 1 overgeslagen.');
    const imported = report().getByRole('table', { name: 'Geïmporteerd per docent (2)' });
    expect(await rowCells(imported, a.name)).toEqual([`${a.email}.ics`, '2', expect.stringMatching(/^\d$/), '0']);
    expect(await rowCells(imported, b.name)).toEqual([`${b.email}.ics`, '1', expect.stringMatching(/^\d$/), '0']);
    const skipped = report().getByRole('table', { name: 'Overgeslagen (1)' });
    expect(await rowCells(skipped, 'onbekend@elders.example.ics')).toEqual(['onbekende docent (geen e-mailadres of naam van deze instelling)']);
    await checkA11y('iCalendar import result');

    // The same files again: each teacher's earlier file is replaced, not added to.
    await section().getByRole('button', { name: 'Roosters importeren' }).click();
    const replacedOf = (name: string) => report().getByRole('table', { name: 'Geïmporteerd per docent (2)' })
      .getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) }).getByRole('cell').last().textContent({ timeout: 1000 }).catch(() => null);
    await expect.poll(() => replacedOf(a.name), { timeout: 15_000 }).toBe('2');
    await expect.poll(() => replacedOf(b.name), { timeout: 15_000 }).toBe('1');
    await checkA11y('iCalendar import repeated');
  });
});
