import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { AppError } from '../../../lib/errors.ts';
import type { Locale } from '../../../lib/i18n.ts';
import { translate } from '../messages.ts';
import { zonedDate, dateAddDays, zonedToUtc } from '../../../lib/time.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import type { Tx } from '../../../db/client.ts';
import { policyAuthorize, policyInstitutionScope, policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listPeople } from '../../foundation/person/data.ts';
import { getInstitution } from '../../foundation/institution/data.ts';
import { timetableIsPoolFailure, timetableParseCsvInWorker, timetableParseIcalInWorker, type TimetableParsePoolFailure } from './parse-timetable.ts';
import { timetableExpandWeekGrid, timetableDefaultKind, type TimetableKind } from './rules.ts';
import { listBlocks, listSources, getSource, findSource, listFeedSources, countPersonBlocks } from './data.ts';
import { createSource, updateSourceImported, replaceSourceBlocks, deleteSource as removeSource } from './mutations.ts';
import type { TimetableImportReport, WeekGridList } from './schema.ts';

type Kind = TimetableImportReport['kind'];
type ParsedBlock = { startMs: number; endMs: number; kind: TimetableKind; summary: string; location: string; uid: string };
/** Something an import did not take, and why (translated when reported). */
type Skip = { ref: string; reason: string; when?: string; count?: number };

const FEED_MAX_BYTES = 10 * 1024 * 1024;
/** Most blocks one person holds over all their sources; an import beyond it keeps its earliest blocks. */
export const TIMETABLE_PERSON_MAX_BLOCKS = 10_000;
/** Most blocks one bulk import stores over all its teachers; later files are skipped. */
export const TIMETABLE_IMPORT_MAX_BLOCKS = 200_000;
/** Most skip entries in a report; the rest are counted in one MORE_SKIPPED entry. */
export const TIMETABLE_REPORT_MAX_SKIPPED = 200;

/** The person themself, or someone who manages people of the person's institution. */
async function authorizePerson(deps: Deps, actor: Actor, networkId: string, personId: string): Promise<AuthorizedNetworkId> {
  const nid = policyAuthorize(actor, networkId, 'network:read');
  if (personId === actor.personId) return nid;
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  if (scope !== 'all' && scope.length === 0) throw new AppError('FORBIDDEN');
  const [person] = await listPeople(deps.db, nid, { personId });
  if (!person) throw new AppError('NOT_FOUND');
  if (scope !== 'all' && !person.roles.some((r) => r.institutionId && scope.includes(r.institutionId))) throw new AppError('FORBIDDEN');
  return nid;
}

/** Default import range: from a week ago to a year ahead (Europe/Amsterdam dates). */
function resolveRange(deps: Deps, range: { from?: string | undefined; to?: string | undefined }) {
  const today = zonedDate(deps.now());
  return { from: range.from ?? dateAddDays(today, -7), to: range.to ?? dateAddDays(today, 365) };
}

/** "rij 6 (datum)": where a CSV problem is, in the user's words. */
function csvRowRef(locale: Locale, row: number, column?: string) {
  return `${translate(locale, 'ROW')} ${row}${column ? ` (${translate(locale, `CSV_COLUMN_${column}`)})` : ''}`;
}

function skipMessage(locale: Locale, reason: string, count?: number) {
  return translate(locale, `TIMETABLE_${reason}`, count === undefined ? {} : { count });
}

/** Skips as reported: translated, and at most TIMETABLE_REPORT_MAX_SKIPPED entries. */
function presentSkips(locale: Locale, skipped: Skip[]) {
  let list = skipped;
  if (list.length > TIMETABLE_REPORT_MAX_SKIPPED) {
    const kept = list.slice(0, TIMETABLE_REPORT_MAX_SKIPPED - 1);
    const rest = list.slice(TIMETABLE_REPORT_MAX_SKIPPED - 1).reduce((n, x) => n + (x.count ?? 1), 0);
    list = [...kept, { ref: '', reason: 'MORE_SKIPPED', count: rest }];
  }
  return list.map((s) => ({ ...s, message: skipMessage(locale, s.reason, s.count) }));
}

/** The per-person cap's skip of one teacher's stored report, for a bulk report (ref: the teacher or file). */
function personLimitSkips(report: TimetableImportReport, ref: string): Skip[] {
  return report.skipped.filter((s) => s.reason === 'PERSON_BLOCK_LIMIT').map((s) => ({ ref, reason: s.reason, ...(s.when ? { when: s.when } : {}), ...(s.count ? { count: s.count } : {}) }));
}

/** A file the worker pool could not parse: too slow or too big (the file's fault), or a full pool. */
function poolFailure(locale: Locale, failure: TimetableParsePoolFailure): never {
  if (failure.reason === 'PARSE_BUSY') throw new AppError('TIMETABLE_BUSY');
  throw new AppError('TIMETABLE_UNUSABLE', { params: { reason: translate(locale, `TIMETABLE_${failure.reason}`) }, reason: failure.reason });
}

/**
 * The blocks a source may store under the per-person cap, counting the person's other sources;
 * the earliest are kept and the rest reported as one PERSON_BLOCK_LIMIT skip.
 */
async function capForPerson(tx: Tx, nid: AuthorizedNetworkId, personId: string, sourceId: string, blocks: ParsedBlock[]): Promise<{ blocks: ParsedBlock[]; skipped: Skip[] }> {
  if (blocks.length === 0) return { blocks, skipped: [] };
  const room = Math.max(0, TIMETABLE_PERSON_MAX_BLOCKS - (await countPersonBlocks(tx, nid, personId, sourceId)));
  if (blocks.length <= room) return { blocks, skipped: [] };
  const sorted = [...blocks].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  const first = sorted[room]!;
  return {
    blocks: sorted.slice(0, room),
    skipped: [{ ref: first.uid, reason: 'PERSON_BLOCK_LIMIT', when: new Date(first.startMs).toISOString(), count: sorted.length - room }],
  };
}

async function store(
  deps: Deps, actor: Actor, nid: AuthorizedNetworkId, personId: string,
  source: { kind: Kind; url?: string | null; fileName?: string | null },
  range: { from: string; to: string }, parsedBlocks: ParsedBlock[], parsedSkipped: Skip[],
): Promise<TimetableImportReport> {
  return deps.db.transaction(async (tx) => {
    const existing = await findSource(tx, nid, personId, source.kind, source.kind === 'ical-url' ? (source.url ?? null) : null);
    const sourceId = existing?.id ?? (await createSource(tx, nid, { personId, kind: source.kind, url: source.url ?? null, fileName: source.fileName ?? null }));
    const capped = await capForPerson(tx, nid, personId, sourceId, parsedBlocks);
    const blocks = capped.blocks;
    const replaced = await replaceSourceBlocks(tx, nid, personId, sourceId, blocks);
    const report: TimetableImportReport = {
      sourceId, kind: source.kind, from: range.from, to: range.to, imported: blocks.length,
      lessons: blocks.filter((b) => b.kind === 'lesson').length, other: blocks.filter((b) => b.kind !== 'lesson').length, replaced,
      skipped: presentSkips(actor.locale, [...capped.skipped, ...parsedSkipped]),
    };
    await updateSourceImported(tx, nid, sourceId, { at: deps.now(), report, fileName: source.fileName ?? null });
    await recordAudit(tx, nid, actor.personId, 'import', 'timetable', sourceId, { personId, kind: source.kind, imported: blocks.length });
    return report;
  });
}

/** Parses an iCalendar file on the worker pool; a file it cannot use at all throws TIMETABLE_UNUSABLE. */
async function icalToBlocks(locale: Locale, text: string, range: { from: string; to: string }) {
  const parsed = await timetableParseIcalInWorker(text, range, { defaultKind: timetableDefaultKind(text) });
  if (!parsed.ok) {
    if (timetableIsPoolFailure(parsed)) poolFailure(locale, parsed);
    throw new AppError('TIMETABLE_UNUSABLE', { params: { reason: translate(locale, `TIMETABLE_${parsed.reason}`) + (parsed.line ? ` (${translate(locale, 'LINE')} ${parsed.line})` : '') }, reason: parsed.reason });
  }
  return {
    blocks: parsed.blocks.map((b) => ({ startMs: b.startMs, endMs: b.endMs, kind: b.kind, summary: b.summary, location: b.location, uid: b.uid })),
    skipped: parsed.skipped.map((s): Skip => ({ ref: s.uid, reason: s.reason, ...(s.start ? { when: s.start } : {}), ...(s.count ? { count: s.count } : {}) })),
  };
}

export async function importTimetableIcal(deps: Deps, actor: Actor, networkId: string, personId: string, input: { ics: string; fileName?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const range = resolveRange(deps, input);
  const { blocks, skipped } = await icalToBlocks(actor.locale, input.ics, range);
  return store(deps, actor, nid, personId, { kind: 'ical-file', fileName: input.fileName ?? null }, range, blocks, skipped);
}

/** Refuses addresses inside this machine or a private network unless allowed (server-side request forgery). */
async function assertPublicHost(host: string, allowPrivate: boolean) {
  if (allowPrivate) return;
  const addresses = isIP(host) ? [{ address: host }] : await lookup(host, { all: true });
  const privateRange = /^(127\.|10\.|192\.168\.|169\.254\.|172\.(1[6-9]|2\d|3[01])\.|0\.|::1$|f[cd]|fe80)/i;
  if (addresses.some((a) => privateRange.test(a.address))) throw new Error('PRIVATE_ADDRESS');
}

export async function fetchFeed(url: string, allowPrivate: boolean): Promise<string> {
  const target = new URL(url.replace(/^webcal:/i, 'https:'));
  await assertPublicHost(target.hostname.replace(/^\[|\]$/g, ''), allowPrivate);
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000), redirect: 'follow', headers: { accept: 'text/calendar, */*' } });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > FEED_MAX_BYTES) throw new Error('TOO_LARGE');
  const text = await response.text();
  if (text.length > FEED_MAX_BYTES) throw new Error('TOO_LARGE');
  return text;
}

export async function importTimetableUrl(deps: Deps, actor: Actor, networkId: string, personId: string, input: { url: string; from?: string | undefined; to?: string | undefined }) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const range = resolveRange(deps, input);
  let text: string;
  try {
    text = await fetchFeed(input.url, deps.config.KRUISPUNT_ALLOW_PRIVATE_FEEDS);
  } catch (error) {
    const detail = (error as Error).name === 'TimeoutError' ? 'timeout' : String((error as Error).cause ?? (error as Error).message).slice(0, 120);
    throw new AppError('TIMETABLE_URL_UNREACHABLE', { params: { detail } });
  }
  const { blocks, skipped } = await icalToBlocks(actor.locale, text, range);
  return store(deps, actor, nid, personId, { kind: 'ical-url', url: input.url }, range, blocks, skipped);
}

export async function importTimetableCsv(deps: Deps, actor: Actor, networkId: string, personId: string, input: { csv: string; fileName?: string | undefined; from?: string | undefined; to?: string | undefined }) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const range = resolveRange(deps, input);
  const parsed = await timetableParseCsvInWorker(input.csv, { range });
  if (!parsed.ok) {
    if (timetableIsPoolFailure(parsed)) poolFailure(actor.locale, parsed);
    const reason = translate(actor.locale, `TIMETABLE_${parsed.reason}`) + (parsed.missing?.length ? `: ${parsed.missing.join(', ')}` : '');
    throw new AppError('TIMETABLE_UNUSABLE', { params: { reason }, reason: parsed.reason, missing: parsed.missing ?? [] });
  }
  const blocks = parsed.blocks.map((b) => ({ startMs: b.startMs, endMs: b.endMs, kind: b.kind, summary: b.summary, location: b.location, uid: b.uid }));
  const skipped = parsed.rejected.map((r) => ({ ref: csvRowRef(actor.locale, r.row, r.column), reason: r.reason }));
  return store(deps, actor, nid, personId, { kind: 'csv', fileName: input.fileName ?? null }, range, blocks, skipped);
}

export async function saveTimetableGrid(deps: Deps, actor: Actor, networkId: string, personId: string, input: { entries: WeekGridList; from?: string | undefined; to?: string | undefined }) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const range = resolveRange(deps, input);
  const expanded = timetableExpandWeekGrid(input.entries, range);
  if (!expanded.ok) throw new AppError('TIMETABLE_UNUSABLE', { params: { reason: translate(actor.locale, `TIMETABLE_${expanded.reason}`) } });
  return store(deps, actor, nid, personId, { kind: 'grid' }, range, expanded.blocks, []);
}

export async function readTimetable(deps: Deps, actor: Actor, networkId: string, personId: string, range: { from?: string | undefined; to?: string | undefined }) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const today = zonedDate(deps.now());
  const from = range.from ?? today;
  const to = range.to ?? dateAddDays(from, 6);
  const blocks = await listBlocks(deps.db, nid, [personId], zonedToUtc(from, '00:00'), zonedToUtc(dateAddDays(to, 1), '00:00'));
  const sources = await listSources(deps.db, nid, personId);
  return {
    personId, from, to,
    blocks: blocks.map((b) => ({ id: b.id, start: b.startAt.toISOString(), end: b.endAt.toISOString(), kind: b.kind, summary: b.summary, location: b.locationText ?? '', sourceId: b.source })),
    sources: sources.map(({ source: s, blocks: n }) => ({ id: s.id, kind: s.kind, url: s.url, fileName: s.fileName, lastImportAt: s.lastImportAt?.toISOString() ?? null, blocks: n })),
  };
}

export async function deleteTimetableSource(deps: Deps, actor: Actor, networkId: string, personId: string, sourceId: string) {
  const nid = await authorizePerson(deps, actor, networkId, personId);
  const source = await getSource(deps.db, nid, sourceId);
  if (!source || source.personId !== personId) throw new AppError('NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    await removeSource(tx, nid, sourceId);
    await recordAudit(tx, nid, actor.personId, 'delete', 'timetable', sourceId, { personId });
  });
}

/**
 * Bulk import for an institution: one CSV with a teacher column (e-mail address or name). Each
 * teacher's rows replace that teacher's earlier bulk import; rows of unknown teachers are reported.
 */
export async function importInstitutionTimetableCsv(
  deps: Deps, actor: Actor, networkId: string, institutionId: string, input: { csv: string; from?: string | undefined; to?: string | undefined },
) {
  const nid = policyAuthorize(actor, networkId, 'people:manage', institutionId);
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  if (scope !== 'all' && !scope.includes(institutionId)) throw new AppError('FORBIDDEN');
  if (!(await getInstitution(deps.db, nid, institutionId))) throw new AppError('NOT_FOUND');
  const range = resolveRange(deps, input);
  const parsed = await timetableParseCsvInWorker(input.csv, { range });
  if (!parsed.ok) {
    if (timetableIsPoolFailure(parsed)) poolFailure(actor.locale, parsed);
    const reason = translate(actor.locale, `TIMETABLE_${parsed.reason}`) + (parsed.missing?.length ? `: ${parsed.missing.join(', ')}` : '');
    throw new AppError('TIMETABLE_UNUSABLE', { params: { reason }, reason: parsed.reason });
  }
  const people = await listPeople(deps.db, nid, { institutionIds: [institutionId] });
  const find = (value: string) => {
    const v = value.trim().toLowerCase();
    return people.find((p) => p.email.toLowerCase() === v) ?? people.find((p) => p.name.toLowerCase() === v);
  };
  const byPerson = new Map<string, ParsedBlock[]>();
  const skipped: Skip[] = parsed.rejected.map((r) => ({ ref: csvRowRef(actor.locale, r.row, r.column), reason: r.reason }));
  const rowsWithoutTeacher = new Set<number>();
  for (const block of parsed.blocks) {
    const person = block.teacher ? find(block.teacher) : undefined;
    if (!person) {
      if (!rowsWithoutTeacher.has(block.row)) skipped.push({ ref: csvRowRef(actor.locale, block.row, 'teacher'), reason: block.teacher ? 'UNKNOWN_TEACHER' : 'CSV_MISSING_VALUE' });
      rowsWithoutTeacher.add(block.row);
      continue;
    }
    const list = byPerson.get(person.id) ?? [];
    list.push({ startMs: block.startMs, endMs: block.endMs, kind: block.kind, summary: block.summary, location: block.location, uid: block.uid });
    byPerson.set(person.id, list);
  }
  const reports = [];
  for (const [personId, blocks] of byPerson) {
    const report = await store(deps, actor, nid, personId, { kind: 'csv-bulk' }, range, blocks, []);
    const name = people.find((p) => p.id === personId)!.name;
    skipped.push(...personLimitSkips(report, name));
    reports.push({ personId, name: people.find((p) => p.id === personId)!.name, imported: report.imported, lessons: report.lessons, replaced: report.replaced });
  }
  return {
    teachers: reports,
    imported: reports.reduce((a, r) => a + r.imported, 0),
    skipped: presentSkips(actor.locale, skipped),
  };
}

/** Re-reads every subscribed timetable feed (the hourly job); a feed that fails keeps its last import. */
export async function refreshTimetableFeeds(deps: Deps): Promise<{ refreshed: number; failed: number }> {
  let refreshed = 0;
  let failed = 0;
  for (const source of await listFeedSources(deps.db)) {
    const nid = policyRowNetwork(source.networkId, 'job');
    try {
      const text = await fetchFeed(source.url!, deps.config.KRUISPUNT_ALLOW_PRIVATE_FEEDS);
      const range = resolveRange(deps, {});
      const parsed = await timetableParseIcalInWorker(text, range, { defaultKind: timetableDefaultKind(text) });
      if (!parsed.ok) throw new Error(parsed.reason);
      await deps.db.transaction(async (tx) => {
        const capped = await capForPerson(tx, nid, source.personId, source.id, parsed.blocks);
        await replaceSourceBlocks(tx, nid, source.personId, source.id, capped.blocks);
        await updateSourceImported(tx, nid, source.id, { at: deps.now(), report: { refreshed: true, imported: capped.blocks.length, skipped: capped.skipped } });
      });
      refreshed++;
    } catch (error) {
      failed++;
      deps.log.warn({ err: error, sourceId: source.id }, 'timetable feed refresh failed; the last import stays');
    }
  }
  return { refreshed, failed };
}

/**
 * Bulk import for an institution from iCalendar files, one per teacher, named after the
 * teacher's e-mail address or name ("j.jansen@roc.nl.ics"). Each file replaces that teacher's
 * earlier bulk file; a file that cannot be matched or read is reported and the others still count.
 */
export async function importInstitutionTimetableIcal(
  deps: Deps, actor: Actor, networkId: string, institutionId: string,
  input: { files: { fileName: string; ics: string }[]; from?: string | undefined; to?: string | undefined },
) {
  const nid = policyAuthorize(actor, networkId, 'people:manage', institutionId);
  const scope = policyInstitutionScope(actor, networkId, 'people:manage');
  if (scope !== 'all' && !scope.includes(institutionId)) throw new AppError('FORBIDDEN');
  if (!(await getInstitution(deps.db, nid, institutionId))) throw new AppError('NOT_FOUND');
  const range = resolveRange(deps, input);
  const people = await listPeople(deps.db, nid, { institutionIds: [institutionId] });
  const skipped: Skip[] = [];
  const teachers = [];
  let stored = 0;
  for (const file of input.files) {
    if (stored >= TIMETABLE_IMPORT_MAX_BLOCKS) {
      skipped.push({ ref: file.fileName, reason: 'IMPORT_BLOCK_LIMIT' });
      continue;
    }
    const key = file.fileName.replace(/\.(ics|ical|ifb|txt)$/i, '').trim().toLowerCase();
    const person = people.find((p) => p.email.toLowerCase() === key) ?? people.find((p) => p.name.toLowerCase() === key);
    if (!person) {
      skipped.push({ ref: file.fileName, reason: 'UNKNOWN_TEACHER' });
      continue;
    }
    const parsed = await timetableParseIcalInWorker(file.ics, range, { defaultKind: timetableDefaultKind(file.ics) });
    if (!parsed.ok) {
      skipped.push({ ref: file.fileName, reason: parsed.reason });
      continue;
    }
    const room = TIMETABLE_IMPORT_MAX_BLOCKS - stored;
    const blocks = parsed.blocks.slice(0, room);
    const fileSkips: Skip[] = parsed.skipped.map((x) => ({ ref: x.uid, reason: x.reason, ...(x.count ? { count: x.count } : {}) }));
    if (parsed.blocks.length > room) fileSkips.unshift({ ref: file.fileName, reason: 'IMPORT_BLOCK_LIMIT', count: parsed.blocks.length - room });
    const report = await store(deps, actor, nid, person.id, { kind: 'ical-bulk', fileName: file.fileName }, range, blocks, fileSkips);
    stored += report.imported;
    skipped.push(...personLimitSkips(report, file.fileName));
    if (parsed.blocks.length > room) skipped.push({ ref: file.fileName, reason: 'IMPORT_BLOCK_LIMIT', count: parsed.blocks.length - room });
    teachers.push({ personId: person.id, name: person.name, fileName: file.fileName, imported: report.imported, lessons: report.lessons, replaced: report.replaced });
  }
  return {
    teachers,
    imported: teachers.reduce((a, t) => a + t.imported, 0),
    skipped: presentSkips(actor.locale, skipped),
  };
}
