import { existsSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
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
