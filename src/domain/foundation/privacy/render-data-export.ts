import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Locale } from '../../../lib/i18n.ts';

// The download of a person's own data: one JSON file per table and a readable HTML summary.

export interface ExportedTable {
  area: string;
  table: string;
  note: string;
  rows: Record<string, unknown>[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const texts = {
  nl: {
    title: 'Jouw gegevens in Kruispunt', intro: 'Dit zijn alle gegevens die Kruispunt over jou bewaart, op {date}. Per tabel staat er een JSON-bestand in deze map.',
    area: 'Onderdeel', table: 'Tabel', rows: 'Rijen', why: 'Wat het is', none: '(geen)', fields: 'Gegevens',
  },
  en: {
    title: 'Your data in Kruispunt', intro: 'This is all the data Kruispunt holds about you, on {date}. Each table has a JSON file in this folder.',
    area: 'Area', table: 'Table', rows: 'Rows', why: 'What it is', none: '(none)', fields: 'Data',
  },
} as const;

const show = (v: unknown): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** The HTML summary: per table its rows as a small table, readable without any software. */
export function renderDataExportSummary(person: { name: string; email: string }, tables: ExportedTable[], locale: Locale, now: Date): string {
  const t = texts[locale];
  const sections = tables.map((tb) => {
    const columns = [...new Set(tb.rows.flatMap((r) => Object.keys(r)))];
    const body = tb.rows.length === 0 ? `<p>${t.none}</p>` : `<table><thead><tr>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${
      tb.rows.map((r) => `<tr>${columns.map((c) => `<td>${escapeHtml(show(r[c]))}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    return `<section><h2>${escapeHtml(tb.table)} <small>(${escapeHtml(tb.area)}, ${tb.rows.length})</small></h2><p>${escapeHtml(tb.note)}</p>${body}</section>`;
  }).join('\n');
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t.title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #999;padding:.2rem .4rem;text-align:left;vertical-align:top}</style></head>
<body><h1>${t.title}</h1><p>${escapeHtml(person.name)} &lt;${escapeHtml(person.email)}&gt;</p><p>${t.intro.replace('{date}', now.toISOString().slice(0, 10))}</p>
<table><thead><tr><th scope="col">${t.area}</th><th scope="col">${t.table}</th><th scope="col">${t.rows}</th><th scope="col">${t.why}</th></tr></thead><tbody>
${tables.map((tb) => `<tr><td>${escapeHtml(tb.area)}</td><td><a href="${escapeHtml(tb.table)}.json">${escapeHtml(tb.table)}</a></td><td>${tb.rows.length}</td><td>${escapeHtml(tb.note)}</td></tr>`).join('\n')}
</tbody></table>
${sections}
</body></html>`;
}

/** A file the person stored (evidence, …), put into the ZIP as it is. */
export interface ExportedFile {
  path: string;
  bytes: Uint8Array;
}

/** The ZIP: index.html, <table>.json per table (deterministic order: the list of areas) and the person's stored files (not compressed again). */
export function renderDataExportZip(person: { name: string; email: string }, tables: ExportedTable[], locale: Locale, now: Date, stored: readonly ExportedFile[] = []): Uint8Array {
  const files: Zippable = { 'index.html': strToU8(renderDataExportSummary(person, tables, locale, now)) };
  for (const tb of tables) files[`${tb.table}.json`] = strToU8(JSON.stringify(tb.rows, null, 2));
  for (const f of stored) files[f.path] = [f.bytes, { level: 0 }];
  return zipSync(files, { level: 6, mtime: now });
}
