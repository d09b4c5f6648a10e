import PDFDocument from 'pdfkit';
import { pdfToBuffer } from '../../../lib/pdf.ts';
import { Resvg } from '@resvg/resvg-js';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import type { Actor, Deps } from '../../foundation/auth/types.ts';
import { translate } from '../messages.ts';
import { policyCocreationRead } from '../session/policy.ts';
import { getProfileVersion } from './data.ts';
import type { ProfileContent } from './schema.ts';

// The praatplaat: one A3 landscape page to print and talk about — the four (or more) domains with
// what was agreed and where discussion remains, and the follow-up agreements. The same layout is
// drawn as a PDF (pdfkit) and as a PNG (an SVG rendered by resvg, a prebuilt binary: nothing is
// downloaded at run time). Text that does not fit is set smaller until it does, down to a floor
// below which the last items are cut with "…" — the page never spills onto a second one.

const PAGE = { width: 1190.55, height: 841.89 }; // A3 landscape, points
const MARGIN = 36;
const GAP = 14;
const HEADER = 92;
const FOOTER = 150;
const COLOURS = ['#1f6f8b', '#5b7d1a', '#b3541e', '#4a4e8c', '#8c4a6e', '#2f7d6d', '#7d6a2f', '#555555'];
const SIZES = [13, 12, 11, 10, 9, 8, 7];

interface Sheet {
  title: string;
  subtitle: string;
  agreedLabel: string;
  discussionLabel: string;
  noneLabel: string;
  agreementsLabel: string;
  prompt: string;
  domains: { label: string; agreed: string[]; discussion: string[] }[];
  agreements: string[];
}

function formatDay(date: string, locale: Locale) {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

function sheetOf(content: ProfileContent, version: number, locale: Locale): Sheet {
  const t = (code: string, params: Record<string, string | number> = {}) => translate(locale, code, params);
  return {
    title: t('COCREATION_PRAATPLAAT_TITLE', { profile: content.profileName }),
    subtitle: t('COCREATION_PRAATPLAAT_SUBTITLE', { version, session: content.sessionTitle, date: formatDay(content.decidedOn, locale) }),
    agreedLabel: t('COCREATION_PRAATPLAAT_AGREED'),
    discussionLabel: t('COCREATION_PRAATPLAAT_DISCUSSION'),
    noneLabel: t('COCREATION_PRAATPLAAT_NONE'),
    agreementsLabel: t('COCREATION_PRAATPLAAT_AGREEMENTS'),
    prompt: t('COCREATION_PRAATPLAAT_PROMPT'),
    domains: content.domains.map((d) => ({ label: d.label, agreed: d.agreed.map((a) => a.text), discussion: d.discussion })),
    agreements: content.agreements.map((a) => t('COCREATION_PRAATPLAAT_AGREEMENT', { title: a.title, owner: a.ownerName, date: formatDay(a.dueDate, locale) })),
  };
}

function columns(count: number) {
  const perRow = count <= 4 ? count : Math.ceil(count / 2);
  const rows = Math.ceil(count / perRow);
  const width = (PAGE.width - 2 * MARGIN - (perRow - 1) * GAP) / perRow;
  const top = MARGIN + HEADER;
  const height = (PAGE.height - top - MARGIN - FOOTER - GAP - (rows - 1) * GAP) / rows;
  return Array.from({ length: count }, (_, i) => ({ x: MARGIN + (i % perRow) * (width + GAP), y: top + Math.floor(i / perRow) * (height + GAP), width, height }));
}

// ---------- PDF ----------


function pdfBlockHeight(doc: PDFKit.PDFDocument, items: string[], size: number, width: number) {
  doc.font('Helvetica').fontSize(size);
  return items.reduce((h, item) => h + doc.heightOfString(`• ${item}`, { width }) + size * 0.35, 0);
}

function pdfDomain(doc: PDFKit.PDFDocument, sheet: Sheet, d: Sheet['domains'][number], box: ReturnType<typeof columns>[number], colour: string) {
  const pad = 10;
  const inner = box.width - 2 * pad;
  doc.save().roundedRect(box.x, box.y, box.width, box.height, 8).lineWidth(1.5).strokeColor(colour).stroke().restore();
  doc.font('Helvetica-Bold').fontSize(15);
  const labelHeight = doc.heightOfString(d.label, { width: inner }) + 2 * pad;
  doc.save().roundedRect(box.x, box.y, box.width, labelHeight, 8).fill(colour).restore();
  doc.fillColor('#ffffff').font('Helvetica-Bold').fontSize(15).text(d.label, box.x + pad, box.y + pad, { width: inner });
  const agreed = d.agreed.length ? d.agreed : [sheet.noneLabel];
  const discussion = d.discussion.length ? d.discussion : [sheet.noneLabel];
  const available = box.height - labelHeight - 2 * pad - 2 * 20;
  const size = SIZES.find((s) => pdfBlockHeight(doc, agreed, s, inner) + pdfBlockHeight(doc, discussion, s - 1, inner) <= available) ?? SIZES.at(-1)!;
  let y = box.y + labelHeight + pad;
  const bottom = box.y + box.height - pad;
  const write = (heading: string, items: string[], fontSize: number, colourText: string, limit: number) => {
    doc.fillColor(colour).font('Helvetica-Bold').fontSize(11).text(heading, box.x + pad, y, { width: inner });
    y += 18;
    doc.fillColor(colourText).font('Helvetica').fontSize(fontSize);
    for (const item of items) {
      const text = `• ${item}`;
      const h = doc.heightOfString(text, { width: inner });
      if (y + h > limit) {
        const room = limit - y;
        if (room > fontSize * 1.3) doc.text(text, box.x + pad, y, { width: inner, height: room, ellipsis: true });
        y = limit;
        break;
      }
      doc.text(text, box.x + pad, y, { width: inner });
      y += h + fontSize * 0.35;
    }
  };
  const agreedShare = Math.max(0.45, Math.min(0.75, pdfBlockHeight(doc, agreed, size, inner) / Math.max(1, pdfBlockHeight(doc, agreed, size, inner) + pdfBlockHeight(doc, discussion, size - 1, inner))));
  write(sheet.agreedLabel, agreed, size, '#111111', Math.min(bottom - 40, y + 18 + (bottom - y - 36) * agreedShare));
  y += 8;
  write(sheet.discussionLabel, discussion, size - 1, '#444444', bottom);
}

export function renderPraatplaatPdfOf(content: ProfileContent, version: number, locale: Locale): Promise<Buffer> {
  const sheet = sheetOf(content, version, locale);
  const doc = new PDFDocument({ size: 'A3', layout: 'landscape', margin: MARGIN, autoFirstPage: true, info: { Title: sheet.title } });
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(26).text(sheet.title, MARGIN, MARGIN, { width: PAGE.width - 2 * MARGIN, height: 34, ellipsis: true });
  doc.fillColor('#444444').font('Helvetica').fontSize(12).text(sheet.subtitle, MARGIN, MARGIN + 38, { width: PAGE.width - 2 * MARGIN, height: 16, ellipsis: true });
  doc.fillColor('#444444').font('Helvetica-Oblique').fontSize(12).text(sheet.prompt, MARGIN, MARGIN + 58, { width: PAGE.width - 2 * MARGIN, height: 16, ellipsis: true });
  columns(sheet.domains.length).forEach((box, i) => pdfDomain(doc, sheet, sheet.domains[i]!, box, COLOURS[i % COLOURS.length]!));
  const fy = PAGE.height - MARGIN - FOOTER;
  doc.save().roundedRect(MARGIN, fy, PAGE.width - 2 * MARGIN, FOOTER, 8).fill('#f1f1ec').restore();
  doc.fillColor('#111111').font('Helvetica-Bold').fontSize(14).text(sheet.agreementsLabel, MARGIN + 12, fy + 10, { width: PAGE.width - 2 * MARGIN - 24 });
  const items = sheet.agreements.length ? sheet.agreements : [sheet.noneLabel];
  const colWidth = (PAGE.width - 2 * MARGIN - 24 - GAP) / 2;
  const perCol = Math.ceil(items.length / 2);
  items.forEach((item, i) => {
    const col = i < perCol ? 0 : 1;
    const row = col === 0 ? i : i - perCol;
    const y = fy + 34 + row * 15;
    if (y + 14 > fy + FOOTER - 4) return;
    doc.fillColor('#222222').font('Helvetica').fontSize(10.5).text(`• ${item}`, MARGIN + 12 + col * (colWidth + GAP), y, { width: colWidth, height: 14, ellipsis: true, lineBreak: false });
  });
  return pdfToBuffer(doc);
}

// ---------- PNG (SVG → resvg) ----------

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Greedy word wrap with an average glyph width (Liberation/DejaVu Sans ≈ 0.52 em). */
function wrap(text: string, size: number, width: number, bold = false): string[] {
  const perLine = Math.max(8, Math.floor(width / (size * (bold ? 0.58 : 0.52))));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const pieces = word.length > perLine ? word.match(new RegExp(`.{1,${perLine}}`, 'g')) ?? [word] : [word];
    for (const piece of pieces) {
      if (!line) line = piece;
      else if (line.length + 1 + piece.length <= perLine) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

export function renderPraatplaatSvgOf(content: ProfileContent, version: number, locale: Locale): string {
  const sheet = sheetOf(content, version, locale);
  const out: string[] = [];
  const text = (x: number, y: number, s: string, size: number, fill: string, weight = 'normal', style = 'normal') =>
    out.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}" fill="${fill}" font-weight="${weight}" font-style="${style}">${escapeXml(s)}</text>`);
  out.push(`<rect width="${PAGE.width}" height="${PAGE.height}" fill="#ffffff"/>`);
  text(MARGIN, MARGIN + 24, wrap(sheet.title, 26, 2000, true)[0]!, 26, '#111111', 'bold');
  text(MARGIN, MARGIN + 50, sheet.subtitle, 12, '#444444');
  text(MARGIN, MARGIN + 70, sheet.prompt, 12, '#444444', 'normal', 'italic');
  columns(sheet.domains.length).forEach((box, i) => {
    const d = sheet.domains[i]!;
    const colour = COLOURS[i % COLOURS.length]!;
    const pad = 10;
    const inner = box.width - 2 * pad;
    const labelLines = wrap(d.label, 15, inner, true);
    const labelHeight = labelLines.length * 18 + 2 * pad;
    out.push(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="none" stroke="${colour}" stroke-width="1.5"/>`);
    out.push(`<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${labelHeight}" rx="8" fill="${colour}"/>`);
    labelLines.forEach((l, j) => text(box.x + pad, box.y + pad + 14 + j * 18, l, 15, '#ffffff', 'bold'));
    const agreed = d.agreed.length ? d.agreed : [sheet.noneLabel];
    const discussion = d.discussion.length ? d.discussion : [sheet.noneLabel];
    const available = box.height - labelHeight - 2 * pad - 40;
    const lineCount = (items: string[], size: number) => items.reduce((n, item) => n + wrap(`• ${item}`, size, inner).length, 0);
    const size = SIZES.find((s) => lineCount(agreed, s) * s * 1.25 + lineCount(discussion, s - 1) * (s - 1) * 1.25 + (agreed.length + discussion.length) * s * 0.35 <= available) ?? SIZES.at(-1)!;
    let y = box.y + labelHeight + pad;
    const bottom = box.y + box.height - pad;
    const block = (heading: string, items: string[], s: number, fill: string, limit: number) => {
      text(box.x + pad, y + 11, heading, 11, colour, 'bold');
      y += 18;
      for (const item of items) {
        for (const line of wrap(`• ${item}`, s, inner)) {
          if (y + s * 1.25 > limit) return;
          text(box.x + pad, y + s, line, s, fill);
          y += s * 1.25;
        }
        y += s * 0.35;
      }
    };
    block(sheet.agreedLabel, agreed, size, '#111111', Math.min(bottom - 40, y + 18 + (bottom - y - 36) * 0.6));
    y += 8;
    block(sheet.discussionLabel, discussion, size - 1, '#444444', bottom);
  });
  const fy = PAGE.height - MARGIN - FOOTER;
  out.push(`<rect x="${MARGIN}" y="${fy}" width="${PAGE.width - 2 * MARGIN}" height="${FOOTER}" rx="8" fill="#f1f1ec"/>`);
  text(MARGIN + 12, fy + 24, sheet.agreementsLabel, 14, '#111111', 'bold');
  const items = sheet.agreements.length ? sheet.agreements : [sheet.noneLabel];
  const colWidth = (PAGE.width - 2 * MARGIN - 24 - GAP) / 2;
  const perCol = Math.ceil(items.length / 2);
  items.forEach((item, i) => {
    const col = i < perCol ? 0 : 1;
    const row = col === 0 ? i : i - perCol;
    const y = fy + 46 + row * 15;
    if (y > fy + FOOTER - 6) return;
    text(MARGIN + 12 + col * (colWidth + GAP), y, wrap(`• ${item}`, 10.5, colWidth)[0]!, 10.5, '#222222');
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE.width}" height="${PAGE.height}" viewBox="0 0 ${PAGE.width} ${PAGE.height}" font-family="Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif">${out.join('')}</svg>`;
}

export function renderPraatplaatPngOf(content: ProfileContent, version: number, locale: Locale): Buffer {
  const svg = renderPraatplaatSvgOf(content, version, locale);
  const resvg = new Resvg(svg, { fitTo: { mode: 'width', value: 2384 }, font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans' }, background: '#ffffff' });
  return resvg.render().asPng();
}

async function loadVersion(deps: Deps, actor: Actor, networkId: string, id: string) {
  const nid = policyCocreationRead(actor, networkId);
  const row = await getProfileVersion(deps.db, nid, id);
  if (!row) throw new AppError('NOT_FOUND');
  return { content: row.version.content as ProfileContent, version: row.version.version };
}

export async function renderPraatplaatPdf(deps: Deps, actor: Actor, networkId: string, id: string, locale: Locale): Promise<Buffer> {
  const v = await loadVersion(deps, actor, networkId, id);
  return renderPraatplaatPdfOf(v.content, v.version, locale);
}

export async function renderPraatplaatPng(deps: Deps, actor: Actor, networkId: string, id: string, locale: Locale): Promise<Buffer> {
  const v = await loadVersion(deps, actor, networkId, id);
  return renderPraatplaatPngOf(v.content, v.version, locale);
}
