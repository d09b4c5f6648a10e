import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, webRoot, demoSignIn } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';

// The participants' evaluation in a real Chromium against the demo network: the demo docent's home
// page asks for it; the docent opens last week's company visit, answers "Hoe waardevol was dit voor je werk?" with the keyboard and one
// line, and changes the answer; their answer is the third, so the coordinator now sees the summary on
// the same page. The docent also evaluates last week's speeddate on its page, and the coordinator sees
// the speeddate's and the ended co-creation session's summaries. axe-core and a 390 px check on every
// page state.

const rows = <T,>(r: unknown) => (r as { rows: T[] }).rows;

describe.skipIf(!e2eRunnable)('a participant evaluates a company visit in Chromium', () => {
  let h: Harness;
  let browser: Browser;
  const { newPage, check, heading, close } = browserPages(() => browser);
  let visit = { id: '', title: '' };

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
    visit = rows<{ id: string; title: string }>(await h.deps.db.execute(sql`
      select o.id, o.title from offers o join offer_sessions s on s.offer_id = o.id where o.kind = 'company_visit'
      group by o.id having max(s.end_at) < now() limit 1`))[0]!;
  }, 120_000);

  afterAll(async () => {
    await close();
    await browser?.close();
    await h?.stop();
  });


  it('the docent answers with the keyboard; the coordinator then sees three answers together', async () => {
    const coordinatorPage = await newPage();
    await demoSignIn(coordinatorPage, h.baseUrl, 'netwerkcoördinator');
    await coordinatorPage.goto(`${h.baseUrl}/aanbod/${visit.id}`);
    await heading(coordinatorPage, visit.title);
    const summary = coordinatorPage.getByRole('region', { name: 'Evaluatie door de deelnemers' });
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain('2 deelnemers hebben geëvalueerd');
    await check(coordinatorPage, 'company visit: summary hidden below three answers');

    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'docent');
    // The home page asks for it (and for last week's speeddate).
    await page.getByRole('region', { name: `Jouw evaluatie: ${visit.title}` }).waitFor();
    await check(page, 'home: evaluations to give');
    await page.goto(`${h.baseUrl}/aanbod/${visit.id}`);
    await heading(page, visit.title);
    const card = page.getByRole('region', { name: 'Jouw evaluatie' });
    await card.waitFor();
    await check(page, 'company visit: evaluation card');
    await card.getByRole('button', { name: 'Evaluatie versturen' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('Kies eerst een cijfer');
    await check(page, 'evaluation card: score missing');

    // Keyboard only: focus the first score, arrow to 4, tab to the line, Enter sends.
    await card.getByRole('radio', { name: '1 – niet waardevol' }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await card.getByRole('radio', { name: '4 – waardevol' }).isChecked()).toBe(true);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Een les over sensoren en privacy.');
    await page.keyboard.press('Enter');
    await card.getByText('Dank je wel, je evaluatie is bewaard.').waitFor();
    await card.getByRole('button', { name: 'Evaluatie bijwerken' }).waitFor();
    await check(page, 'evaluation card: saved');

    // The answer stays editable: after a reload it is there, and a change is kept.
    await page.reload();
    await heading(page, visit.title);
    expect(await card.getByRole('radio', { name: '4 – waardevol' }).isChecked()).toBe(true);
    expect(await card.getByLabel(/Wat neem je mee/).inputValue()).toBe('Een les over sensoren en privacy.');
    await card.getByRole('radio', { name: '5 – zeer waardevol' }).check();
    await card.getByRole('button', { name: 'Evaluatie bijwerken' }).click();
    await card.getByText('Dank je wel, je evaluatie is bewaard.').waitFor();
    // A docent is no organiser: no summary on their page.
    expect(await page.getByRole('region', { name: 'Evaluatie door de deelnemers' }).count()).toBe(0);

    const [agg] = rows<{ count: number; mean: string }>(await h.deps.db.execute(sql`
      select count(*)::int as count, round(avg(score), 1)::text as mean from practice_evaluations where source = 'company_visit' and item_id = ${visit.id}`));
    expect(agg!.count).toBe(3);
    await coordinatorPage.reload();
    await heading(coordinatorPage, visit.title);
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(`3 deelnemers gaven gemiddeld ${agg!.mean.replace('.', ',')} uit 5.`);
    expect(await summary.getByRole('table').textContent()).toContain('5 – zeer waardevol');
    expect(await summary.textContent()).toContain('Een les over sensoren en privacy.');
    await check(coordinatorPage, 'company visit: summary of three answers');
    await page.close();
    await coordinatorPage.close();
  }, 180_000);

  it('the docent evaluates last week\'s speeddate on its page; the coordinator sees the speeddate\'s and the co-creation session\'s summaries', async () => {
    const [event] = rows<{ id: string; title: string }>(await h.deps.db.execute(sql`select id, title from speeddate_events where start_at < now() order by start_at desc limit 1`));
    const [session] = rows<{ id: string; title: string }>(await h.deps.db.execute(sql`select id, title from cocreation_sessions where step = 6 limit 1`));
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'docent');
    await page.goto(`${h.baseUrl}/speeddates/${event!.id}`);
    await heading(page, event!.title);
    const card = page.getByRole('region', { name: 'Jouw evaluatie' });
    await card.getByRole('radio', { name: '3 – redelijk' }).check();
    await card.getByLabel(/Wat neem je mee/).fill('Een afspraak met Datawerk.');
    await card.getByRole('button', { name: 'Evaluatie versturen' }).click();
    await card.getByText('Dank je wel, je evaluatie is bewaard.').waitFor();
    await check(page, 'speeddate: evaluation saved');

    const coordinatorPage = await newPage();
    await demoSignIn(coordinatorPage, h.baseUrl, 'netwerkcoördinator');
    await coordinatorPage.goto(`${h.baseUrl}/speeddates/${event!.id}`);
    await heading(coordinatorPage, event!.title);
    const [agg] = rows<{ count: number; mean: string }>(await h.deps.db.execute(sql`
      select count(*)::int as count, round(avg(score), 1)::text as mean from practice_evaluations where source = 'speeddate_event' and item_id = ${event!.id}`));
    const summary = coordinatorPage.getByRole('region', { name: 'Evaluatie door de deelnemers' });
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(`${agg!.count} deelnemers gaven gemiddeld ${agg!.mean.replace('.', ',')} uit 5.`);
    expect(await summary.textContent()).toContain('Een afspraak met Datawerk.');
    await check(coordinatorPage, 'speeddate: summary');

    await coordinatorPage.goto(`${h.baseUrl}/cocreatie/${session!.id}`);
    await heading(coordinatorPage, session!.title);
    const [co] = rows<{ count: number; mean: string }>(await h.deps.db.execute(sql`
      select count(*)::int as count, round(avg(score), 1)::text as mean from practice_evaluations where source = 'cocreation_session' and item_id = ${session!.id}`));
    await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(`${co!.count} deelnemers gaven gemiddeld ${co!.mean.replace('.', ',')} uit 5.`);
    await check(coordinatorPage, 'co-creation session: summary');
    await page.close();
    await coordinatorPage.close();
  }, 180_000);
});
