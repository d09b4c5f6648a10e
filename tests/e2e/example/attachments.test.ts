import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { type Browser, type Page } from 'playwright-core';
import { browserLaunch, browserPages, e2eRunnable, PHONE_VIEWPORT, webRoot, demoSignIn } from '../../support/browser.ts';
import { harnessStart, type Harness } from '../../support/harness.ts';

// An example's files in a real Chromium against the demo network: the coordinator adds a PDF to a
// published example with the keyboard, sees a refused file explained, removes a file after
// confirming; a visitor without an account sees the file on the public page (at phone width) and
// downloads the same bytes. axe-core and the 390 px check on every page state.

const rows = <T,>(r: unknown) => (r as { rows: T[] }).rows;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');

describe.skipIf(!e2eRunnable)("an example's files in Chromium", () => {
  let h: Harness;
  let browser: Browser;
  const { newPage, check, heading } = browserPages(() => browser);
  let example = { id: '', slug: '', title: '' };

  beforeAll(async () => {
    h = await harnessStart({ demo: true, webRoot });
    browser = await browserLaunch();
    example = rows<{ id: string; slug: string; title: string }>(await h.deps.db.execute(sql`select id, slug, title from examples where visibility = 'public' order by published_at desc limit 1`))[0]!;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await h?.stop();
  });


  it('a coordinator adds and removes files; a visitor downloads the file from the public page', async () => {
    const page = await newPage();
    await demoSignIn(page, h.baseUrl, 'netwerkcoördinator');
    await page.goto(`${h.baseUrl}/voorbeelden/${example.id}`);
    await heading(page, example.title);
    await page.getByRole('heading', { level: 2, name: 'Bijlagen' }).waitFor();
    await check(page, 'example page with the upload control');

    // a file that is not on the list is refused with the server's Dutch message
    await page.getByLabel('Bestand toevoegen').setInputFiles({ name: 'pagina.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('alert').filter({ hasText: 'Dit soort bestand kan geen bijlage zijn' }).waitFor();
    await check(page, 'a refused file');

    // with the keyboard: choose the file, Tab to the button, Enter
    await page.getByLabel('Bestand toevoegen').setInputFiles({ name: 'Draaiboek week.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByLabel('Bestand toevoegen').focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Uploaden');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: '“Draaiboek week.pdf” is toegevoegd.' }).waitFor();
    const link = page.getByRole('link', { name: 'Draaiboek week.pdf downloaden' });
    await link.waitFor();
    await expect.poll(() => page.locator('li', { has: link }).textContent()).toContain('(PDF, 77 B)');
    await check(page, 'example page with an uploaded file');

    // a second file, removed after confirming
    await page.getByLabel('Bestand toevoegen').setInputFiles({ name: 'weg.csv', mimeType: 'text/csv', buffer: Buffer.from('naam;uren\nAnna;8\n') });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await page.getByRole('link', { name: 'weg.csv downloaden' }).waitFor();
    await page.getByRole('button', { name: 'weg.csv verwijderen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bijlage verwijderen?' });
    await dialog.waitFor();
    await check(page, 'confirm removing a file');
    await dialog.getByRole('button', { name: 'Verwijderen' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'weg.csv downloaden' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Draaiboek week.pdf downloaden' }).count()).toBe(1);
    await page.close();

    // a visitor without an account, on a phone
    const visitor = await newPage(PHONE_VIEWPORT);
    await visitor.goto(`${h.baseUrl}/praktijkvoorbeelden/${example.slug}`);
    await heading(visitor, example.title);
    const open = visitor.getByRole('link', { name: 'Draaiboek week.pdf downloaden' });
    await open.waitFor();
    expect(await visitor.getByRole('button', { name: /verwijderen/ }).count()).toBe(0);
    expect(await visitor.getByLabel('Bestand toevoegen').count()).toBe(0);
    await check(visitor, 'public example with its file');
    const [download] = await Promise.all([visitor.waitForEvent('download'), open.click()]);
    expect(download.suggestedFilename()).toBe('Draaiboek week.pdf');
    const saved = await download.path();
    expect((await readFile(saved)).equals(PDF)).toBe(true);
    await visitor.close();
  }, 180_000);
});
