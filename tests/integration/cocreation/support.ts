import { inflateSync } from 'node:zlib';
import type { Harness } from '../../support/harness.ts';
import { makePerson } from '../../support/factories.ts';
import type { Actor } from '../../../src/domain/foundation/auth/types.ts';
import { createCocreationSession, moveCocreationStep } from '../../../src/domain/cocreation/session/actions.ts';
import { endCocreationSession } from '../../../src/domain/cocreation/profile/actions.ts';
import { createCocreationAgreement } from '../../../src/domain/cocreation/agreement/actions.ts';
import { decideCocreationProposal } from '../../../src/domain/cocreation/proposal/actions.ts';
import { sessionBoardApply } from '../../../src/domain/cocreation/session/rules.ts';
import type { Board } from '../../../src/domain/cocreation/session/schema.ts';

// Fixtures for co-creation tests: a facilitator, sessions in a given step, a profile version.

export async function makeFacilitator(h: Harness, nid: string): Promise<Actor> {
  const person = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  return { personId: person.id, name: person.name, email: person.email, locale: 'nl', memberships: [{ networkId: nid, institutionId: null, role: 'network_coordinator' }] };
}

export async function makeSession(h: Harness, nid: string, step = 0, title = 'Beroepsbeeld startende docent') {
  const actor = await makeFacilitator(h, nid);
  const session = await createCocreationSession(h.deps, actor, nid, { title, profileName: 'startende mbo-docent na twee jaar' });
  for (let s = 1; s <= step; s++) await moveCocreationStep(h.deps, actor, nid, session.id, s);
  return { actor, session };
}

export async function makeSessionWithProposal(h: Harness, nid: string, step: number) {
  const made = await makeSession(h, nid, step);
  const board = await moveCocreationStep(h.deps, made.actor, nid, made.session.id, step);
  return { ...made, proposalId: board.proposals[0]!.id };
}

export async function makeAgreement(h: Harness, nid: string) {
  const made = await makeSession(h, nid, 5);
  const board = await createCocreationAgreement(h.deps, made.actor, nid, made.session.id, { title: 'Check met de visie', ownerName: 'Eigenaar', dueDate: '2030-01-01' });
  return { ...made, agreementId: board.agreements[0]!.id };
}

export async function makeProfileVersion(h: Harness, nid: string) {
  const made = await makeSession(h, nid, 4);
  const board = await moveCocreationStep(h.deps, made.actor, nid, made.session.id, 4);
  await decideCocreationProposal(h.deps, made.actor, nid, made.session.id, board.proposals[0]!.id, { outcome: 'amended', text: 'De startende docent ontwerpt lessen samen met het werkveld.' });
  const ended = await endCocreationSession(h.deps, made.actor, nid, made.session.id);
  return ended.profileVersionId;
}

/** The text shown by a pdfkit PDF: inflates its content streams and decodes the TJ strings (WinAnsi ≈ latin1). */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\-0-9.])*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}

export function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
}

export interface SseClient {
  /** The board after each event, as a screen shows it (whole boards and deltas applied). */
  boards: { seq: number; at: number; board: any }[];
  /** Every event as it came: its name, id and raw size. */
  events: { event: string; id: number; bytes: number; data: any }[];
  /** Deltas that did not follow on the board (the whole board was read again). */
  gaps: number;
  /** Resolves with the first board (already received or arriving) for which `pred` holds. */
  waitForBoard(pred: (board: any) => boolean, timeoutMs?: number): Promise<{ board: any; at: number }>;
  close(): void;
}

/**
 * Opens the board's event stream like the browser does (cookies given as a header): a "board"
 * event replaces the board, a "delta" is applied to it, and a delta that does not follow on
 * (a missed change) makes it read the whole board with GET …/board.
 */
export async function sseOpen(url: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  if (response.status !== 200 || !response.body) throw new Error(`SSE ${url} → ${response.status}`);
  const client: SseClient = { boards: [], events: [], gaps: 0, waitForBoard: undefined as never, close: () => controller.abort() };
  const waiters: { pred: (b: any) => boolean; resolve: (v: { board: any; at: number }) => void }[] = [];
  let current: Board | null = null;
  const show = (board: Board) => {
    current = board;
    const entry = { seq: board.seq, at: performance.now(), board };
    client.boards.push(entry);
    for (const w of [...waiters]) if (w.pred(board)) { waiters.splice(waiters.indexOf(w), 1); w.resolve({ board, at: entry.at }); }
  };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const lines = buffer.slice(0, cut).split('\n');
          buffer = buffer.slice(cut + 2);
          const field = (name: string) => lines.filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart()).join('\n');
          const data = field('data');
          if (data) {
            const event = field('event') || 'message';
            const parsed = JSON.parse(data);
            client.events.push({ event, id: Number(field('id')), bytes: data.length, data: parsed });
            if (event === 'board') show(parsed);
            else if (event === 'delta' && current) {
              const next = sessionBoardApply(current, parsed);
              if (next) { if (next !== current) show(next); } else {
                client.gaps++;
                const res = await fetch(url.replace(/\/events$/, '/board'), { headers });
                show(await res.json() as Board);
              }
            }
          }
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      /* closed */
    }
  })();
  client.waitForBoard = (pred, timeoutMs = 10_000) => {
    const found = client.boards.find((b) => pred(b.board));
    if (found) return Promise.resolve({ board: found.board, at: found.at });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no such board arrived')), timeoutMs);
      waiters.push({ pred, resolve: (v) => { clearTimeout(timer); resolve(v); } });
    });
  };
  return client;
}
