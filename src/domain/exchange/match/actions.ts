import { editionIsMatchable } from '../edition/rules.ts';
import { AppError } from '../../../lib/errors.ts';
import { zonedToUtc, dateAddDays, zonedDate } from '../../../lib/time.ts';
import { exchangeSolve, exchangeCheck, type ExchangeInput, type ExchangeOutput, type ExchangePersonInput } from '../../../engine/index.ts';
import { zoneRulesFromIntl } from './build-engine-input.ts';
import type { Actor, AuthorizedNetworkId, Deps } from '../../foundation/auth/types.ts';
import { policyAuthorize, policyRowNetwork } from '../../foundation/auth/policy.ts';
import { recordAudit } from '../../foundation/network/mutations.ts';
import { listLocations } from '../../foundation/institution/data.ts';
import { listProgrammes } from '../../foundation/programme/data.ts';
import { listBlocks } from '../../calendar/timetable/data.ts';
import { listRegistrations } from '../registration/data.ts';
import { loadEdition } from '../edition/actions.ts';
import { editionRulesSchema } from '../edition/schema.ts';
import { listRuns, getRun, getRunForJob, nextRunNumber, listPairRules } from './data.ts';
import { createRun, updateRunProgress, updateRunInput, finishRun, upsertPairRule, deletePairRule as removePairRule } from './mutations.ts';
import { matchInputBuild, matchPairReasons } from './rules.ts';
import { computeWhatIfs } from './compute-what-ifs.ts';
import type { Run } from './schema.ts';

export interface StoredOutput extends ExchangeOutput {
  /** People left out before the engine ran (e.g. a base location without coordinates). */
  leftOut: { personId: string; side: 'a' | 'b'; reason: string }[];
  /** Visit indexes moved by hand after the run. */
  moved?: number[];
}


/** Starts a matching run in the background (or at once when no job queue runs) and returns it queued. */
export async function startMatchingRun(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Run> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const edition = await loadEdition(deps, nid, editionId);
  if (!editionIsMatchable(edition.status)) throw new AppError('EDITION_TRANSITION_NOT_ALLOWED', { params: { from: edition.status, to: 'matching' } });
  const registrations = await listRegistrations(deps.db, nid, editionId);
  if (!registrations.some((r) => r.side === 'a') || !registrations.some((r) => r.side === 'b')) throw new AppError('NO_REGISTRATIONS');
  const runId = await deps.db.transaction(async (tx) => {
    const number = await nextRunNumber(tx, nid, editionId);
    const id = await createRun(tx, nid, { editionId, number, createdBy: actor.personId });
    await recordAudit(tx, nid, actor.personId, 'start', 'matching_run', id, { number });
    return id;
  });
  if (deps.jobs) await deps.jobs.send('matching-run', { runId });
  else await executeMatchingRun(deps, runId);
  return readRun(deps, actor, networkId, editionId, runId);
}

/** Loads everything a run needs and builds the engine input (also used to re-check a moved visit). */
async function buildRunInput(deps: Deps, nid: AuthorizedNetworkId, editionId: string) {
  const edition = await loadEdition(deps, nid, editionId);
  // Visits are planned from tomorrow on: never in the past, and never today, when people have no notice.
  const tomorrow = zonedToUtc(dateAddDays(zonedDate(deps.now()), 1), '00:00').getTime();
  const start = Math.max(zonedToUtc(edition.windowStart, '00:00').getTime(), tomorrow);
  const end = Math.max(start, zonedToUtc(dateAddDays(edition.windowEnd, 1), '00:00').getTime());
  const registrations = await listRegistrations(deps.db, nid, editionId);
  const programmes = await listProgrammes(deps.db, nid);
  const iscedOf = new Map(programmes.map((p) => [p.id, p.iscedCode]));
  const blocks = await listBlocks(deps.db, nid, registrations.map((r) => r.personId), new Date(start), new Date(end));
  const rules = await listPairRules(deps.db, nid, editionId);
  return matchInputBuild({
    window: { start, end },
    zone: zoneRulesFromIntl('Europe/Amsterdam', start, end),
    rules: editionRulesSchema.parse(edition.rules ?? {}),
    groupSize: edition.groupSize === 'trio' ? 'trio' : 'pair',
    registrations: registrations.map((r) => ({
      personId: r.personId, institutionId: r.institutionId, side: r.side as 'a' | 'b',
      isced: r.programmeIds.map((id) => iscedOf.get(id)).filter((c): c is string => Boolean(c)),
      wishes: r.wishes, preferredPersonIds: r.preferredPersonIds, travelMode: r.travelMode as 'transit',
      maxTravelMinutes: r.maxTravelMinutes, baseLocationId: r.baseLocationId, unavailableDates: r.unavailableDates,
    })),
    blocks: blocks.map((b) => ({ personId: b.personId, startMs: b.startAt.getTime(), endMs: b.endAt.getTime(), kind: b.kind, locationId: b.locationId })),
    locations: await listLocations(deps.db, nid),
    pins: rules.filter((r) => r.rule.kind === 'pin').map((r) => ({ a: r.rule.aPersonId, b: r.rule.bPersonId })),
    forbidden: rules.filter((r) => r.rule.kind === 'forbid').map((r) => ({ a: r.rule.aPersonId, b: r.rule.bPersonId })),
  });
}

/** The engine on one input (the one place that knows the shape of the engine's answer). */
function solve(input: ExchangeInput): ExchangeOutput {
  const result = exchangeSolve(input);
  if (!result.ok) throw new AppError('MATCH_INPUT_REJECTED', { params: { reason: result.reason, detail: result.detail ?? '' } });
  const { ok: _ok, ...output } = result;
  return output;
}

/** The background job: phases are written to the run so the coordinator sees progress. */
export async function executeMatchingRun(deps: Deps, runId: string): Promise<void> {
  const run = await getRunForJob(deps.db, runId);
  if (!run || run.status !== 'queued') return;
  const nid = policyRowNetwork(run.networkId, 'job');
  try {
    await updateRunProgress(deps.db, runId, { status: 'running', progress: 10, phase: 'LOADING' });
    const { input, leftOut } = await buildRunInput(deps, nid, run.editionId);
    await updateRunInput(deps.db, runId, input);
    await updateRunProgress(deps.db, runId, { progress: 40, phase: 'SOLVING' });
    const started = performance.now();
    const output = solve(input);
    const ms = Math.round(performance.now() - started);
    await updateRunProgress(deps.db, runId, { progress: 80, phase: 'CHECKING' });
    const violations = exchangeCheck(input, output);
    const registered = input.sideA.length + input.sideB.length + leftOut.length;
    const paired = new Set(output.pairs.flatMap((p) => [p.aId, p.bId])).size;
    const unmatchedByReason: Record<string, number> = {};
    for (const u of [...output.unpaired, ...leftOut]) unmatchedByReason[u.reason] = (unmatchedByReason[u.reason] ?? 0) + 1;
    const summary = {
      registered, pairs: output.pairs.length, matchedPercent: registered ? Math.round((paired / registered) * 1000) / 10 : 0,
      visits: output.visits.length, unmatchedByReason, objective: output.objective, dualBound: output.dualBound, optimal: output.optimal,
      violations: violations.length, ms,
    };
    if (output.unpaired.length > 0) {
      await updateRunProgress(deps.db, runId, { progress: 90, phase: 'WHAT_IF' });
      Object.assign(summary, { whatIfs: computeWhatIfs(input, output, solve) });
    }
    const stored: StoredOutput = { ...output, leftOut };
    await finishRun(deps.db, runId, { status: 'done', output: stored, summary, at: deps.now() });
  } catch (error) {
    deps.log.error({ err: error, runId }, 'matching run failed');
    await finishRun(deps.db, runId, { status: 'failed', error: String((error as Error).message ?? error).slice(0, 500), at: deps.now() });
  }
}

type RunRow = NonNullable<Awaited<ReturnType<typeof getRun>>>;

async function presentRun(deps: Deps, nid: AuthorizedNetworkId, row: RunRow, withProposal: boolean): Promise<Run> {
  const base = {
    id: row.id, editionId: row.editionId, number: row.number, status: row.status as Run['status'], progress: row.progress, phase: row.phase,
    error: row.error, createdAt: row.createdAt.toISOString(), finishedAt: row.finishedAt?.toISOString() ?? null,
    summary: (row.summary as Run['summary']) ?? null, proposal: null,
  };
  if (!withProposal || row.status !== 'done' || !row.output || !row.input) return base;
  return { ...base, proposal: await presentProposal(deps, nid, row.editionId, row.input as ExchangeInput, row.output as StoredOutput) };
}

/** Pairs with names, institutions, programmes and reasons; visits with times and places; the unmatched with their reason. */
export async function presentProposal(deps: Deps, nid: AuthorizedNetworkId, editionId: string, input: ExchangeInput, output: StoredOutput) {
  const registrations = await listRegistrations(deps.db, nid, editionId, { includeWithdrawn: true });
  const programmes = await listProgrammes(deps.db, nid);
  const locations = await listLocations(deps.db, nid);
  const lessons = await listBlocks(deps.db, nid, output.visits.map((v) => v.hostId), new Date(input.window.start), new Date(input.window.end));
  const person = (id: string) => {
    const r = registrations.find((x) => x.personId === id);
    return {
      id, name: r?.personName ?? '?', email: r?.email ?? '', institutionName: r?.institutionName ?? '',
      programmes: (r?.programmeIds ?? []).map((p) => programmes.find((x) => x.id === p)?.name).filter((n): n is string => Boolean(n)),
    };
  };
  const now = deps.now().getTime();
  const inputPerson = new Map<string, ExchangePersonInput>([...input.sideA, ...input.sideB].map((p) => [p.id, p]));
  const visitView = (v: ExchangeOutput['visits'][number], index: number) => {
    const location = locations.find((l) => l.id === v.locationId);
    const lesson = lessons.find((b) => b.personId === v.hostId && b.startAt.getTime() === v.lessonStart);
    return {
      index, observerId: v.observerId, hostId: v.hostId,
      lessonStart: new Date(v.lessonStart).toISOString(), lessonEnd: new Date(v.lessonEnd).toISOString(),
      leaveAt: new Date(v.leaveAt).toISOString(), returnBy: new Date(v.returnBy).toISOString(),
      locationId: v.locationId, locationName: location?.name ?? '', address: location ? `${location.address}, ${location.postcode} ${location.city}` : '',
      travelMinutes: v.travelMinutes, lessonSummary: lesson?.summary ?? '', moved: (output.moved ?? []).includes(index),
      inPast: v.lessonStart <= now,
    };
  };
  const visits = output.visits.map(visitView);
  return {
    pairs: output.pairs.map((p) => ({
      a: person(p.aId), b: person(p.bId), score: p.score, pinned: p.pinned, trio: p.trio,
      reasons: matchPairReasons(inputPerson.get(p.aId)!, inputPerson.get(p.bId)!),
      visits: visits.filter((v) => (v.observerId === p.aId && v.hostId === p.bId) || (v.observerId === p.bId && v.hostId === p.aId)),
    })),
    unmatched: [...output.unpaired, ...output.leftOut].map((u) => ({ person: person(u.personId), side: u.side, reason: u.reason })),
    visitsInPast: visits.filter((v) => v.inPast).length,
  };
}

export async function listMatchingRuns(deps: Deps, actor: Actor, networkId: string, editionId: string): Promise<Run[]> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  await loadEdition(deps, nid, editionId);
  const rows = await listRuns(deps.db, nid, editionId);
  return rows.map((r) => ({
    id: r.id, editionId: r.editionId, number: r.number, status: r.status as Run['status'], progress: r.progress, phase: r.phase, error: r.error,
    createdAt: r.createdAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null, summary: (r.summary as Run['summary']) ?? null, proposal: null,
  }));
}

export async function loadRun(deps: Deps, nid: AuthorizedNetworkId, editionId: string, runId: string): Promise<RunRow> {
  const row = await getRun(deps.db, nid, runId);
  if (!row || row.editionId !== editionId) throw new AppError('NOT_FOUND');
  return row;
}

export async function readRun(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string): Promise<Run> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  return presentRun(deps, nid, await loadRun(deps, nid, editionId, runId), true);
}

/** The saved engine input of a run: `kruispunt engine exchange --input` on it reproduces the run. */
export async function readRunInput(deps: Deps, actor: Actor, networkId: string, editionId: string, runId: string): Promise<unknown> {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const row = await loadRun(deps, nid, editionId, runId);
  if (!row.input) throw new AppError('RUN_NOT_FINISHED');
  return row.input;
}

export async function compareRuns(deps: Deps, actor: Actor, networkId: string, editionId: string, aId: string, bId: string) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const [a, b] = [await loadRun(deps, nid, editionId, aId), await loadRun(deps, nid, editionId, bId)];
  if (a.status !== 'done' || b.status !== 'done') throw new AppError('RUN_NOT_FINISHED');
  const registrations = await listRegistrations(deps.db, nid, editionId, { includeWithdrawn: true });
  const name = (id: string) => registrations.find((r) => r.personId === id)?.personName ?? '?';
  const key = (p: { aId: string; bId: string }) => `${p.aId}|${p.bId}`;
  const pairsA = (a.output as StoredOutput).pairs;
  const pairsB = (b.output as StoredOutput).pairs;
  const inB = new Set(pairsB.map(key));
  const inA = new Set(pairsA.map(key));
  const view = (p: { aId: string; bId: string }) => ({ aId: p.aId, bId: p.bId, names: `${name(p.aId)} – ${name(p.bId)}` });
  return {
    a: { id: a.id, number: a.number, summary: (a.summary as Run['summary']) ?? null },
    b: { id: b.id, number: b.number, summary: (b.summary as Run['summary']) ?? null },
    kept: pairsA.filter((p) => inB.has(key(p))).map(view),
    onlyInA: pairsA.filter((p) => !inB.has(key(p))).map(view),
    onlyInB: pairsB.filter((p) => !inA.has(key(p))).map(view),
  };
}

export async function listEditionPairRules(deps: Deps, actor: Actor, networkId: string, editionId: string) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  await loadEdition(deps, nid, editionId);
  return (await listPairRules(deps.db, nid, editionId)).map((r) => ({
    id: r.rule.id, aPersonId: r.rule.aPersonId, bPersonId: r.rule.bPersonId, kind: r.rule.kind as 'pin' | 'forbid', aName: r.aName, bName: r.bName,
  }));
}

/** Pins or forbids a pair (side a person first); re-runs keep it. */
export async function setPairRule(deps: Deps, actor: Actor, networkId: string, editionId: string, input: { aPersonId: string; bPersonId: string; kind: 'pin' | 'forbid' }) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  const edition = await loadEdition(deps, nid, editionId);
  if (!editionIsMatchable(edition.status)) throw new AppError('EDITION_LOCKED');
  const registrations = await listRegistrations(deps.db, nid, editionId);
  const a = registrations.find((r) => r.personId === input.aPersonId);
  const b = registrations.find((r) => r.personId === input.bPersonId);
  const fields: { path: string; code: string }[] = [];
  if (!a || a.side !== 'a') fields.push({ path: 'aPersonId', code: 'FIELD_NOT_REGISTERED_SIDE_A' });
  if (!b || b.side !== 'b') fields.push({ path: 'bPersonId', code: 'FIELD_NOT_REGISTERED_SIDE_B' });
  if (fields.length) throw new AppError('VALIDATION_FAILED', { fields });
  await deps.db.transaction(async (tx) => {
    const id = await upsertPairRule(tx, nid, { editionId, ...input });
    await recordAudit(tx, nid, actor.personId, input.kind, 'pair_rule', id, input);
  });
  return listEditionPairRules(deps, actor, networkId, editionId);
}

export async function deletePairRule(deps: Deps, actor: Actor, networkId: string, editionId: string, id: string) {
  const nid = policyAuthorize(actor, networkId, 'edition:manage');
  await loadEdition(deps, nid, editionId);
  const removed = await deps.db.transaction(async (tx) => {
    const ok = await removePairRule(tx, nid, editionId, id);
    if (ok) await recordAudit(tx, nid, actor.personId, 'delete', 'pair_rule', id, null);
    return ok;
  });
  if (!removed) throw new AppError('NOT_FOUND');
}
