import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot, demoSignIn } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';

// From practice to example in a real Chromium against the demo network: the coordinator opens
// last week's speeddate and last week's company visit, presses "Maak praktijkvoorbeeld", reads
// what the draft will hold, makes it and lands in the edit form with the facts filled in; the
// leerlab still running shows no such button. axe-core and a 390 px check on every page state.

const rows = <T,>(r: unknown) => (r as { rows: T[] }).rows;

describe.skipIf(!e2eRunnable)('from practice to example in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const { newPage, check, heading } = browserPages(() => browser);
  let speeddate = { id: '', title: '' };
  let visit = { id: '', title: '' };
  let leerlab = { id: '', name: '' };

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
    const db = h.deps.db;
    speeddate = rows<{ id: string; title: string }>(await db.execute(sql`select id, title from speeddate_events where start_at < now() order by start_at desc limit 1`))[0]!;
    visit = rows<{ id: string; title: string }>(await db.execute(sql`
      select o.id, o.title from offers o join offer_sessions s on s.offer_id = o.id where o.kind = 'company_visit'
      group by o.id having max(s.end_at) < now() limit 1`))[0]!;
    leerlab = rows<{ id: string; name: string }>(await db.execute(sql`select id, name from leerlabs where last_date >= (now() at time zone 'Europe/Amsterdam')::date order by name limit 1`))[0]!;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });


  it('turns last week\'s speeddate and company visit into drafts; a running leerlab offers no button', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'netwerkcoördinator');

    await page.goto(`${h.baseUrl}/speeddates/${speeddate.id}`);
    await heading(page, speeddate.title);
    await check(page, 'speeddate page with "Maak praktijkvoorbeeld"');
    await page.getByRole('link', { name: 'Maak praktijkvoorbeeld' }).focus();
    await page.keyboard.press('Enter');
    await heading(page, 'Van speeddate naar praktijkvoorbeeld');
    await check(page, 'from speeddate to example');
    await page.getByRole('button', { name: 'Concept maken' }).click();
    await heading(page, /bewerken/);
    await expect.poll(() => page.getByLabel('Het verhaal').inputValue(), { timeout: 10_000 }).toMatch(/docenten met \d+ professionals/);
    await check(page, 'draft from the speeddate');

    await page.goto(`${h.baseUrl}/aanbod/${visit.id}`);
    await heading(page, visit.title);
    await page.getByRole('link', { name: 'Maak praktijkvoorbeeld' }).click();
    await heading(page, 'Van bedrijfsbezoek naar praktijkvoorbeeld');
    await check(page, 'from company visit to example');
    await page.getByRole('button', { name: 'Concept maken' }).click();
    await heading(page, /bewerken/);
    await expect.poll(() => page.getByLabel('Het verhaal').inputValue(), { timeout: 10_000 }).toMatch(/docenten namen deel aan/);

    await page.goto(`${h.baseUrl}/leerlabs/${leerlab.id}`);
    await heading(page, leerlab.name);
    expect(await page.getByRole('link', { name: 'Maak praktijkvoorbeeld' }).count()).toBe(0);
    await page.close();
  }, 120_000);
});
