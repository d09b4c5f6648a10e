import { useCallback, useEffect, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import { conflictAutoChoices, conflictMerge, draftFromReport, draftPayload, draftProblems, draftSameContent, newActivityId, type Draft } from './draft.ts';
import { lk } from './queries.ts';
import type { LearnerReport } from './types.ts';
import { z } from 'zod';
import { learnerReportSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

/** The body of 409 REVISION_CONFLICT: the version saved in the meantime. */
const conflictBodySchema = z.object({ error: z.object({ data: z.object({ current: learnerReportSchema }) }) });

// Autosave that never loses text. Every change is written to localStorage at once (with the
// revision it is based on) and sent to the server 2 s after typing stops, on leaving the tab
// and on demand. localStorage is cleared only when the server has confirmed exactly what is
// on screen. A save based on an older revision gets 409 REVISION_CONFLICT with the stored
// version: the editor then shows both and the teacher decides; nothing is overwritten silently.

export const AUTOSAVE_DELAY_MS = 2000;
const OFFLINE_RETRY_MS = 10_000;

export type SaveStatus =
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'offline' }
  | { kind: 'invalid' }
  | { kind: 'conflict' }
  | { kind: 'error'; error: unknown };

export interface Conflict {
  mine: Draft;
  theirs: LearnerReport;
  /** The version both copies started from, when known (for the three-way comparison). */
  base: Draft | null;
}

interface Stored {
  baseRevision: number;
  draft: Draft;
  at: string;
}

const PREFIX = 'kruispunt.learner-report.';
const TAB_KEY = 'kruispunt.tab';

/** Each tab keeps its own copy, so two tabs never overwrite each other's unsaved text. */
function tabId(): string {
  try {
    let id = sessionStorage.getItem(TAB_KEY);
    if (!id) {
      id = newActivityId();
      sessionStorage.setItem(TAB_KEY, id);
    }
    return id;
  } catch {
    return 'tab';
  }
}

const draftStorageKey = (reportId: string) => `${PREFIX}${reportId}.${tabId()}`;

function keysOf(reportId: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(`${PREFIX}${reportId}.`)) out.push(key);
  }
  return out;
}

function parse(raw: string | null): Stored | null {
  try {
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/** This tab's unsaved copy; otherwise the newest one a closed (or other) tab left behind. */
function readStored(reportId: string): { stored: Stored; key: string } | null {
  try {
    const own = parse(localStorage.getItem(draftStorageKey(reportId)));
    if (own) return { stored: own, key: draftStorageKey(reportId) };
    const others = keysOf(reportId).map((key) => ({ key, stored: parse(localStorage.getItem(key)) })).filter((x): x is { key: string; stored: Stored } => x.stored !== null);
    others.sort((a, b) => b.stored.at.localeCompare(a.stored.at));
    return others[0] ?? null;
  } catch {
    return null;
  }
}

function writeStored(reportId: string, value: Stored | null) {
  try {
    if (value) localStorage.setItem(draftStorageKey(reportId), JSON.stringify(value));
    else localStorage.removeItem(draftStorageKey(reportId));
  } catch {
    /* storage full or blocked: the text stays on screen and is saved to the server */
  }
}

/** Forgets every copy of a report kept in this browser (after it was deleted). */
export function draftStorageClear(reportId: string) {
  try {
    for (const key of keysOf(reportId)) localStorage.removeItem(key);
  } catch {
    /* nothing kept */
  }
}

function bootFrom(reportId: string, initial: LearnerReport): { draft: Draft; status: SaveStatus; conflict: Conflict | null; found: { stored: Stored; key: string } | null } {
  const server = draftFromReport(initial);
  const saved = { draft: server, status: { kind: 'saved', at: initial.updatedAt } as SaveStatus, conflict: null };
  const found = readStored(reportId);
  if (!found) return { ...saved, found: null };
  if (draftSameContent(found.stored.draft, server) || initial.access !== 'owner') return { ...saved, found };
  if (found.stored.baseRevision === initial.revision && initial.status === 'draft') {
    return { draft: found.stored.draft, status: { kind: 'pending' }, conflict: null, found };
  }
  return { draft: found.stored.draft, status: { kind: 'conflict' }, conflict: { mine: found.stored.draft, theirs: initial, base: null }, found };
}

export function useAutosave(networkId: string, initial: LearnerReport) {
  const reportId = initial.id;
  const url = `/networks/${networkId}/learner-reports/${reportId}`;
  // Text left in this browser that the server never confirmed is taken up in the very first
  // render (not in an effect), so a save still under way from a previous screen cannot clear
  // it in between. Based on the stored revision it is simply saved; on an older one it is a conflict.
  const [boot] = useState(() => bootFrom(reportId, initial));
  const [base, setBaseState] = useState<LearnerReport>(initial);
  const [draft, setDraftState] = useState<Draft>(boot.draft);
  const [status, setStatus] = useState<SaveStatus>(boot.status);
  const [conflict, setConflictState] = useState<Conflict | null>(boot.conflict);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const baseRef = useRef(base);
  const draftRef = useRef(draft);
  const conflictRef = useRef<Conflict | null>(boot.conflict);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const queryClient = useQueryClient();
  // The cached report follows every stored version, so opening the report again in this tab
  // starts from the newest revision instead of running into a conflict with itself.
  const setBase = useCallback((report: LearnerReport) => {
    baseRef.current = report;
    setBaseState(report);
    queryClient.setQueryData(lk(networkId, 'report', report.id), report);
  }, [networkId, queryClient]);
  const setConflict = useCallback((value: Conflict | null) => {
    conflictRef.current = value;
    setConflictState(value);
  }, []);
  const putDraft = useCallback((value: Draft) => {
    draftRef.current = value;
    setDraftState(value);
  }, []);

  const dirty = () => !draftSameContent(draftRef.current, draftFromReport(baseRef.current));

  /** Sends the current copy if it differs from the stored one. Resolves true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      await inFlight.current;
      return dirty() ? flush() : true;
    }
    if (conflictRef.current || baseRef.current.status !== 'draft' || baseRef.current.access !== 'owner') return !dirty();
    const sent = draftRef.current;
    if (!dirty()) {
      writeStored(reportId, null);
      return true;
    }
    const problems = draftProblems(sent, baseRef.current.maxActivities);
    if (Object.keys(problems).length > 0) {
      setStatus({ kind: 'invalid' });
      return false;
    }
    setStatus({ kind: 'saving' });
    const startedFrom = baseRef.current;
    const run = (async () => {
      try {
        const saved = await api.patch(url, { revision: baseRef.current.revision, ...draftPayload(sent) }, learnerReportSchema);
        setBase(saved);
        setServerErrors({});
        if (draftSameContent(draftRef.current, draftFromReport(saved))) {
          writeStored(reportId, null);
          setStatus({ kind: 'saved', at: saved.updatedAt });
          return 'done' as const;
        }
        writeStored(reportId, { baseRevision: saved.revision, draft: draftRef.current, at: new Date().toISOString() });
        setStatus({ kind: 'pending' });
        return 'changed' as const;
      } catch (error) {
        if (error instanceof ApiError && error.code === 'REVISION_CONFLICT') {
          const current = conflictBodySchema.safeParse(error.body).data?.error.data.current;
          if (current) {
            const mine = draftRef.current;
            const theirs = draftFromReport(current);
            const base = draftFromReport(startedFrom);
            const { choices, open } = conflictAutoChoices(mine, theirs, base);
            if (open.length === 0) {
              // Only one side changed each part (or nothing differs): merge without asking.
              const merged = conflictMerge(mine, theirs, choices);
              setBase(current);
              putDraft(merged);
              if (draftSameContent(merged, theirs)) {
                writeStored(reportId, null);
                setStatus({ kind: 'saved', at: current.updatedAt });
                return 'done' as const;
              }
              writeStored(reportId, { baseRevision: current.revision, draft: merged, at: new Date().toISOString() });
              return 'retry' as const;
            }
            setConflict({ mine, theirs: current, base });
            setStatus({ kind: 'conflict' });
            return 'stopped' as const;
          }
        }
        if (error instanceof ApiError && error.code === 'NETWORK_ERROR') {
          setStatus({ kind: 'offline' });
          timer.current = setTimeout(() => void flush(), OFFLINE_RETRY_MS);
          return 'stopped' as const;
        }
        if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
          setServerErrors(Object.fromEntries(error.fields.map((f) => [f.path, f.message.replace(/^[^:]*:\s*/, '')])));
          setStatus({ kind: 'invalid' });
          return 'stopped' as const;
        }
        setStatus({ kind: 'error', error });
        return 'stopped' as const;
      }
    })();
    inFlight.current = run.then((outcome) => outcome === 'done');
    const outcome = await run;
    inFlight.current = null;
    if (outcome === 'changed' || outcome === 'retry') {
      // Typing went on while the save was under way: send the rest after the usual pause
      // (after a merge without questions: at once).
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), outcome === 'retry' ? 0 : AUTOSAVE_DELAY_MS);
    }
    return outcome === 'done';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId, url, setBase, setConflict]);

  /** Every change: into localStorage now, to the server after the pause. */
  const setDraft = useCallback((update: (d: Draft) => Draft) => {
    const next = update(draftRef.current);
    putDraft(next);
    writeStored(reportId, { baseRevision: baseRef.current.revision, draft: next, at: new Date().toISOString() });
    setStatus((s) => (s.kind === 'conflict' ? s : { kind: 'pending' }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }, [flush, putDraft, reportId]);

  useEffect(() => {
    if (!boot.found) return;
    if (boot.status.kind === 'saved') {
      localStorage.removeItem(boot.found.key);
      return;
    }
    // A copy left by another tab becomes this tab's own (if that tab is still open and saves
    // too, one of the two gets a conflict and the teacher merges: nothing is lost).
    writeStored(reportId, boot.found.stored);
    if (boot.found.key !== draftStorageKey(reportId)) localStorage.removeItem(boot.found.key);
    if (boot.status.kind === 'pending') timer.current = setTimeout(() => void flush(), 0);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId]);

  // Leaving the tab or the page: save what is there (localStorage already holds it).
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    const onOnline = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
      clearTimeout(timer.current);
      // Leaving the editor inside the app: send what is left (it stays in localStorage until confirmed).
      if (dirty()) void flush();
    };
  }, [flush]);

  /** The teacher's decision after a conflict: the merged copy is saved on top of the stored version. */
  const resolveConflict = useCallback((merged: Draft) => {
    const theirs = conflictRef.current?.theirs;
    if (!theirs) return;
    setBase(theirs);
    setConflict(null);
    putDraft(merged);
    if (draftSameContent(merged, draftFromReport(theirs))) {
      writeStored(reportId, null);
      setStatus({ kind: 'saved', at: theirs.updatedAt });
      return;
    }
    writeStored(reportId, { baseRevision: theirs.revision, draft: merged, at: new Date().toISOString() });
    void flush();
  }, [flush, putDraft, reportId, setBase, setConflict]);

  /** After complete/reopen: the server's version becomes the copy on screen. */
  const replaceWithServer = useCallback((report: LearnerReport) => {
    setBase(report);
    putDraft(draftFromReport(report));
    writeStored(reportId, null);
    setStatus({ kind: 'saved', at: report.updatedAt });
  }, [putDraft, reportId, setBase]);

  const currentRevision = useCallback(() => baseRef.current.revision, []);

  return { base, currentRevision, draft, setDraft, status, conflict, resolveConflict, flush, replaceWithServer, serverErrors, setServerErrors };
}
