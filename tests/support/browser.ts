import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

// What every end-to-end test shares: Debian's Chromium with flags that keep it off the
// network, the rule that a missing browser skips locally but fails under CI=true, the built
// browser app, and axe-core with zero serious or critical violations allowed.

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const inCi = ['true', '1'].includes(String(process.env.CI ?? '').toLowerCase());
const hasChromium = existsSync(CHROMIUM);

export const webRoot = path.resolve('dist/web');

/** False only when Chromium is missing outside CI (the suite is then skipped with a warning). */
export const e2eRunnable = hasChromium || inCi;
if (!e2eRunnable) console.warn(`[e2e] skipped: ${CHROMIUM} is missing (install Debian's chromium). Under CI=true this fails instead.`);

/** Launches Chromium after checking that it and the built browser app exist. */
export async function browserLaunch(): Promise<Browser> {
  if (!hasChromium) throw new Error(`Chromium is required for the e2e tests under CI, but ${CHROMIUM} does not exist.`);
  if (!existsSync(path.join(webRoot, 'index.html'))) throw new Error('dist/web/index.html is missing: run `npm run build:web` first.');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export type AxeReport = { page: string; violations: string[] }[];

/** Runs axe on the page; records the result, prints and fails on serious or critical violations. */
export async function axeCheck(report: AxeReport, page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
  report.push({ page: label, violations: serious });
  if (serious.length) console.error(`[axe] ${label}:\n  ${serious.join('\n  ')}`);
  expect(serious, `axe violations on ${label}`).toEqual([]);
}

/** A phone's screen (iPhone 12–15): every page must fit it without sideways scrolling. */
export const PHONE_VIEWPORT = { width: 390, height: 844 };

/**
 * Looks at the page as on a phone (390 px wide) and fails when the page itself scrolls sideways,
 * naming the elements that stick out (content that scrolls inside its own frame, like a wide
 * table in its wrapper, is fine). The viewport is restored afterwards.
 */
export async function phoneWidthCheck(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(PHONE_VIEWPORT);
  try {
    const result = await page.evaluate(() => new Promise<{ width: number; scrollWidth: number; wide: string[] }>((resolve) => {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const doc = document.documentElement;
        const width = doc.clientWidth;
        const wide: string[] = [];
        if (doc.scrollWidth > width) {
          for (const el of Array.from(document.body.querySelectorAll('*'))) {
            const rect = el.getBoundingClientRect();
            if (rect.width === 0 || rect.right <= width + 1) continue;
            let parent = el.parentElement;
            let contained = false;
            while (parent && parent !== document.body) {
              if (/(auto|scroll|hidden|clip)/.test(getComputedStyle(parent).overflowX) && parent.getBoundingClientRect().right <= width + 1) { contained = true; break; }
              parent = parent.parentElement;
            }
            if (contained) continue;
            const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
            wide.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls} (${Math.round(rect.right)} px)`);
          }
        }
        resolve({ width, scrollWidth: doc.scrollWidth, wide: wide.slice(-8) });
      }));
    }));
    expect(result.scrollWidth, `${label} at ${PHONE_VIEWPORT.width} px scrolls sideways (${result.scrollWidth} px): ${result.wide.join(', ')}`).toBeLessThanOrEqual(result.width);
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

export const DESKTOP_VIEWPORT = { width: 1280, height: 900 };

export type BrowserPagesOptions = {
  /** Time zone the browser runs in (defaults to the test process's TZ). */
  timezoneId?: string;
  /** Default wait for locators and navigation, in ms. */
  timeout?: number;
};

/** Logs in on the login page with one of the demo buttons ("Inloggen als {role}") and waits for the menu. */
export async function demoSignIn(page: Page, baseUrl: string, role: string): Promise<void> {
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  await page.getByRole('button', { name: `Inloggen als ${role}` }).click();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).waitFor();
}

/**
 * The pages an end-to-end suite opens: every context is Dutch, accepts downloads, prints
 * browser errors, and is closed by `close()`; `check` runs axe and the phone-width check and
 * records the result in `axeReport`; `heading` waits for the page's h1.
 */
export function browserPages(browser: () => Browser, options: BrowserPagesOptions = {}) {
  const contexts: BrowserContext[] = [];
  const axeReport: AxeReport = [];
  async function newContext(viewport: { width: number; height: number } = DESKTOP_VIEWPORT, extra: BrowserContextOptions = {}): Promise<BrowserContext> {
    const context = await browser().newContext({
      locale: 'nl-NL', viewport, acceptDownloads: true,
      ...(options.timezoneId ? { timezoneId: options.timezoneId } : {}),
      ...extra,
    });
    context.setDefaultTimeout(options.timeout ?? 20_000);
    contexts.push(context);
    return context;
  }
  async function newPage(viewport: { width: number; height: number } = DESKTOP_VIEWPORT, context?: BrowserContext): Promise<Page> {
    const page = await (context ?? (await newContext(viewport))).newPage();
    page.on('pageerror', (error) => console.error('[browser error]', error.message));
    return page;
  }
  async function check(page: Page, label: string): Promise<void> {
    await axeCheck(axeReport, page, label);
    await phoneWidthCheck(page, label);
  }
  async function heading(page: Page, name: string | RegExp) {
    const h1 = page.getByRole('heading', { level: 1, name });
    await h1.waitFor();
    return h1;
  }
  async function close(): Promise<void> {
    if (axeReport.length) console.info(`[axe] ${axeReport.length} page states checked, ${axeReport.filter((r) => r.violations.length).length} with serious/critical violations`);
    for (const c of contexts) await c.close().catch(() => undefined);
    contexts.length = 0;
  }
  return { contexts, axeReport, newContext, newPage, check, heading, close };
}
