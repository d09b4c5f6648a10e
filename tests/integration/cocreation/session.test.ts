import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { harnessStart, waitFor, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeNetwork, makeInstitution, makePerson, PASSWORD } from '../../support/factories.ts';
import { cocreationSessions, cocreationAgreements } from '../../../src/db/schema/index.ts';
import { sendCocreationReminders } from '../../../src/domain/cocreation/agreement/send-reminders.ts';
import { pdfPageCount, pdfText } from './support.ts';

// A whole session through the API, as phones and the facilitator's laptop would run it, with the
// rules of every step and what bad input gets.

let h: Harness;
let nid: string;
let otherNid: string;
let facilitator: ApiClient;
let teacherEmail: string;
const base = () => `/api/networks/${nid}/cocreation-sessions`;

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db)).id;
  otherNid = (await makeNetwork(h.deps.db)).id;
  const roc = await makeInstitution(h.deps.db, nid, { kind: 'mbo' });
  const coordinator = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  const teacher = await makePerson(h.deps.db, nid, 'teacher', roc.id);
  teacherEmail = teacher.email;
  facilitator = h.client();
  expect((await facilitator.login(coordinator.email, PASSWORD)).status).toBe(200);
});

afterAll(async () => {
  await h?.stop();
});

async function join(code: string, displayName?: string, client = h.client()) {
  const res = await client.request('POST', '/api/cocreation/join', { code, ...(displayName !== undefined ? { displayName } : {}) });
  return { client, res };
}

async function newSession(title = 'Beroepsbeeld 2026') {
  const res = await facilitator.request('POST', base(), { title, profileName: 'startende mbo-docent na twee jaar', dotBudget: 3 });
  expect(res.status).toBe(201);
  return res.body as { id: string; code: string; framework: { key: string }[] };
}

const step = (id: string, to: number) => facilitator.request('POST', `${base()}/${id}/step`, { step: to });

describe('a co-creation session', () => {
  it('runs all five steps and ends in profile version 1 and a one-page praatplaat', async () => {
    const session = await newSession();
    expect(session.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(session.framework.map((d) => d.key)).toEqual(['providing-education', 'renewing-education', 'organising-education', 'learning-together']);
    const qr = await facilitator.download(`${base()}/${session.id}/qr.svg`);
    expect(qr.headers.get('content-type')).toContain('image/svg+xml');
    expect(await qr.text()).toContain('<svg');

    // Joining: code in lower case with a space, a display name, no account.
    const a = await join(`${session.code.slice(0, 3).toLowerCase()} ${session.code.slice(3)}`, 'Anna');
    expect(a.res.status).toBe(200);
    expect(a.res.headers.get('set-cookie')).toMatch(new RegExp(`kp_cc=.*Path=/api/cocreation/sessions/${session.id}.*HttpOnly`, 'i'));
    const b = await join(session.code, 'Bram');
    const c = await join(session.code, 'Chris');
    // A logged-in teacher of the network joins as themselves, without a name.
    const teacher = h.client();
    await teacher.login(teacherEmail, PASSWORD);
    const t = await join(session.code, undefined, teacher);
    expect(t.res.status).toBe(200);
    expect(t.res.body.displayName).toMatch(/^Persoon/);
    const live = (p: { client: ApiClient }, method: string, path: string, body?: unknown) => p.client.request(method, `/api/cocreation/sessions/${session.id}${path}`, body);

    // Before step 1 nothing can be posted.
    expect((await live(a, 'POST', '/statements', { domainKey: 'providing-education', text: 'Te vroeg' })).status).toBe(409);

    // Step 1: statements and marks, consensus on the board.
    await step(session.id, 1);
    const s1 = await live(a, 'POST', '/statements', { domainKey: 'providing-education', text: 'Een startende docent stemt de les af op de groep.' });
    expect(s1.status).toBe(201);
    const s2 = await live(b, 'POST', '/statements', { domainKey: 'learning-together', text: 'Een startende docent leidt zelf intervisie.' });
    // Markup is stored and shown as text; 10,000 characters are refused with a translated field message.
    const markup = await live(c, 'POST', '/statements', { domainKey: 'organising-education', text: '<script>alert(1)</script> <b>vet</b>' });
    expect(markup.status).toBe(201);
    const long = await live(c, 'POST', '/statements', { domainKey: 'organising-education', text: 'x'.repeat(10_000) });
    expect(long.status).toBe(400);
    expect(long.body.error.fields[0].message).toContain('te lang');
    const unknownDomain = await live(c, 'POST', '/statements', { domainKey: 'nope', text: 'Hallo' });
    expect(unknownDomain.status).toBe(400);
    for (const p of [a, b, c, t]) expect((await live(p, 'PUT', `/statements/${s1.body.id}/mark`, { mark: 'agree' })).status).toBe(200);
    await live(a, 'PUT', `/statements/${s2.body.id}/mark`, { mark: 'agree' });
    await live(b, 'PUT', `/statements/${s2.body.id}/mark`, { mark: 'disagree' });
    await live(c, 'PUT', `/statements/${s2.body.id}/mark`, { mark: 'unsure' });
    let board = (await live(a, 'GET', '/board')).body;
    expect(board.statements.find((s: any) => s.id === s1.body.id).consensus).toBe('agree');
    expect(board.statements.find((s: any) => s.id === s2.body.id).consensus).toBe('split');
    expect(board.statements.find((s: any) => s.id === markup.body.id).text).toBe('<script>alert(1)</script> <b>vet</b>');

    // Reload: a new page load with the same cookie gets everything back.
    const me = await live(b, 'GET', '/me');
    expect(me.status).toBe(200);
    expect(me.body.marks[s2.body.id]).toBe('disagree');
    expect(me.body.ownStatements).toEqual([s2.body.id]);
    // Without the cookie: not joined (a clear answer, not a crash).
    const stranger = await h.client().request('GET', `/api/cocreation/sessions/${session.id}/me`);
    expect(stranger.status).toBe(401);
    expect(stranger.body.error.code).toBe('COCREATION_NOT_JOINED');

    // Step 2: attach statements to domains.
    await step(session.id, 2);
    expect((await live(a, 'POST', '/statements', { domainKey: 'providing-education', text: 'Te laat' })).status).toBe(409);
    expect((await live(a, 'PUT', `/statements/${s2.body.id}/domains`, { domainKeys: ['learning-together', 'organising-education'] })).status).toBe(200);
    board = (await live(a, 'GET', '/board')).body;
    expect(board.statements.find((s: any) => s.id === s2.body.id).attached).toEqual({ 'learning-together': 1, 'organising-education': 1 });

    // Step 3: subgroups and a proposal per domain; two editors at once lose nothing.
    const groups = await facilitator.request('PUT', `${base()}/${session.id}/subgroups`, { count: 2 });
    expect(groups.status).toBe(200);
    board = (await step(session.id, 3)).body;
    expect(board.proposals.length).toBe(4);
    const meA = (await live(a, 'GET', '/me')).body;
    const mine = board.proposals.find((p: any) => p.subgroupId === meA.subgroupId);
    const mates = [a, b, c, t];
    const mateStates = await Promise.all(mates.map(async (p) => ({ p, me: (await live(p, 'GET', '/me')).body })));
    const mate = mateStates.find((x) => x.p !== a && x.me.subgroupId === meA.subgroupId)!.p;
    const outsider = mateStates.find((x) => x.me.subgroupId !== meA.subgroupId)!.p;
    expect((await live(outsider, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 0, op: { pos: 0, del: 0, ins: 'x' } })).status).toBe(403);
    const e1 = await live(a, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 0, op: { pos: 0, del: 0, ins: 'De docent ontwerpt lessen.' } });
    expect(e1.body.version).toBe(1);
    // Both typed against version 1 at the same moment: one at the start, one in the same sentence.
    const [x1, x2] = await Promise.all([
      live(a, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 1, op: { pos: 0, del: 0, ins: 'Samen: ' } }),
      live(mate, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 1, op: { pos: 25, del: 0, ins: ' met het werkveld' } }),
    ]);
    expect([x1.status, x2.status]).toEqual([200, 200]);
    // And the same word replaced by both: both replacements survive.
    const y = await Promise.all([
      live(a, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 3, op: { pos: 18, del: 8, ins: 'maakt' } }),
      live(mate, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 3, op: { pos: 18, del: 8, ins: 'bouwt' } }),
    ]);
    expect(y.map((r) => r.status)).toEqual([200, 200]);
    board = (await live(a, 'GET', '/board')).body;
    const text = board.proposals.find((p: any) => p.id === mine.id).text as string;
    expect(text.startsWith('Samen: De docent ')).toBe(true);
    expect(text).toContain('met het werkveld');
    expect(text).toContain('maakt');
    expect(text).toContain('bouwt');
    expect(text).not.toContain('ontwerpt');
    const tooLong = await live(a, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 5, op: { pos: 0, del: 0, ins: 'y'.repeat(5000) } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error.code).toBe('COCREATION_TEXT_TOO_LONG');

    // Step 4: dots within the budget, consent with reasons for objections, the facilitator decides.
    board = (await step(session.id, 4)).body;
    const [p1, p2] = board.proposals;
    expect((await live(a, 'PUT', `/proposals/${p1.id}/dots`, { dots: 2 })).body.dotsLeft).toBe(1);
    expect((await live(a, 'PUT', `/proposals/${p1.id}/dots`, { dots: 2 })).body.dotsLeft).toBe(1); // the same vote again: still one vote
    const over = await live(a, 'PUT', `/proposals/${p2.id}/dots`, { dots: 2 });
    expect(over.status).toBe(422);
    expect(over.body.error.code).toBe('COCREATION_DOT_BUDGET');
    expect((await live(a, 'PUT', `/proposals/${p2.id}/dots`, { dots: 1 })).status).toBe(200);
    await live(b, 'PUT', `/proposals/${p1.id}/dots`, { dots: 3 });
    const noReason = await live(b, 'PUT', `/proposals/${p1.id}/consent`, { position: 'objection' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('reason');
    expect(noReason.body.error.fields[0].message).toContain('reden');
    const blankReason = await live(b, 'PUT', `/proposals/${p1.id}/consent`, { position: 'objection', reason: '   ' });
    expect(blankReason.status).toBe(400);
    expect((await live(b, 'PUT', `/proposals/${p1.id}/consent`, { position: 'objection', reason: 'Te veel voor een starter' })).status).toBe(200);
    expect((await live(a, 'PUT', `/proposals/${p1.id}/consent`, { position: 'consent' })).status).toBe(200);
    board = (await live(a, 'GET', '/board')).body;
    const votedP1 = board.proposals.find((p: any) => p.id === p1.id);
    expect(votedP1.dots).toBe(5);
    expect(votedP1.consents).toBe(1);
    expect(votedP1.objections).toEqual(['Te veel voor een starter']);
    expect((await facilitator.request('POST', `${base()}/${session.id}/present`, { proposalId: p1.id })).body.currentProposalId).toBe(p1.id);
    const amended = await facilitator.request('POST', `${base()}/${session.id}/proposals/${p1.id}/decision`, { outcome: 'amended' });
    expect(amended.status).toBe(400);
    await facilitator.request('POST', `${base()}/${session.id}/proposals/${p1.id}/decision`, { outcome: 'amended', text: 'De startende docent ontwerpt lessen met het werkveld.' });
    await facilitator.request('POST', `${base()}/${session.id}/proposals/${p2.id}/decision`, { outcome: 'rejected' });
    expect((await live(c, 'PUT', `/proposals/${p1.id}/dots`, { dots: 1 })).body.error.code).toBe('COCREATION_DECIDED');

    // Step 5: follow-up agreements.
    await step(session.id, 5);
    const agreement = await facilitator.request('POST', `${base()}/${session.id}/agreements`, { title: 'Check het curriculum', ownerName: 'Sam', ownerEmail: 'sam@example.nl', dueDate: '2030-06-01' });
    expect(agreement.status).toBe(201);
    expect((await facilitator.request('POST', `${base()}/${session.id}/agreements`, { title: 'x', ownerName: 'y', dueDate: '2030-02-31' })).status).toBe(400);

    // End: profile version 1, nothing can change any more, the code no longer lets anyone in.
    const ended = await facilitator.request('POST', `${base()}/${session.id}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.board.step).toBe(6);
    const afterEnd = await live(a, 'PUT', `/proposals/${p1.id}/consent`, { position: 'consent' });
    expect(afterEnd.status).toBe(410);
    expect(afterEnd.body.error.message).toContain('afgelopen');
    expect((await join(session.code, 'Laat')).res.status).toBe(410);
    const version = await facilitator.request('GET', `/api/networks/${nid}/cocreation-profiles/${ended.body.profileVersionId}`);
    expect(version.body.version).toBe(1);
    const domain = version.body.content.domains.find((d: any) => d.key === p1.domainKey);
    expect(domain.agreed[0]).toMatchObject({ text: 'De startende docent ontwerpt lessen met het werkveld.', outcome: 'amended' });
    expect(domain.agreed[0].decidedBy).toMatch(/^Persoon/);
    expect(domain.discussion).toContain('Te veel voor een starter');
    expect(version.body.diff.previousVersion).toBeNull();

    const pdf = await facilitator.download(`/api/networks/${nid}/cocreation-profiles/${ended.body.profileVersionId}/praatplaat.pdf`);
    expect(pdf.status).toBe(200);
    const bytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfPageCount(bytes)).toBe(1);
    const shown = pdfText(bytes).replace(/\n/g, ' ');
    expect(shown).toContain('Ons beroepsbeeld');
    expect(shown).toContain('werkveld');
    expect(shown).toContain('Check het curriculum');
    const en = pdfText(Buffer.from(await (await facilitator.download(`/api/networks/${nid}/cocreation-profiles/${ended.body.profileVersionId}/praatplaat.pdf?locale=en`)).arrayBuffer()));
    expect(en).toContain('What we agreed');
    const png = await facilitator.download(`/api/networks/${nid}/cocreation-profiles/${ended.body.profileVersionId}/praatplaat.png`);
    const pngBytes = Buffer.from(await png.arrayBuffer());
    expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
    expect(pngBytes.readUInt32BE(16)).toBeGreaterThan(pngBytes.readUInt32BE(20)); // landscape
  });

  it('numbers the next session of the same profile version 2 and shows what changed', async () => {
    const session = await newSession('Tweede ronde');
    await step(session.id, 4);
    const board = (await step(session.id, 4)).body;
    await facilitator.request('POST', `${base()}/${session.id}/proposals/${board.proposals[0].id}/decision`, { outcome: 'amended', text: 'De startende docent ontwerpt lessen met studenten en het werkveld.' });
    const ended = await facilitator.request('POST', `${base()}/${session.id}/end`);
    const version = (await facilitator.request('GET', `/api/networks/${nid}/cocreation-profiles/${ended.body.profileVersionId}`)).body;
    expect(version.version).toBe(2);
    const changed = version.diff.domains.find((d: any) => d.key === board.proposals[0].domainKey);
    expect(version.diff.previousVersion).toBe(1);
    expect(changed.added).toEqual(['De startende docent ontwerpt lessen met studenten en het werkveld.']);
    expect(changed.removed).toEqual(['De startende docent ontwerpt lessen met het werkveld.']);
    const list = (await facilitator.request('GET', `/api/networks/${nid}/cocreation-profiles`)).body;
    expect(list.map((v: any) => v.version)).toEqual([2, 1]);
  });

  it('answers a wrong or expired code clearly, and needs a name without an account', async () => {
    const session = await newSession('Codes');
    const wrong = await join('ZZZZZZ', 'Anna');
    expect(wrong.res.status).toBe(404);
    expect(wrong.res.body.error.message).toContain('code');
    expect((await join(session.code)).res.status).toBe(400);
    expect((await join(session.code, '<b>' + 'n'.repeat(100))).res.status).toBe(400);
    await h.deps.db.update(cocreationSessions).set({ codeExpiresAt: new Date(Date.now() - 1000) }).where(eq(cocreationSessions.id, session.id));
    const expired = await join(session.code, 'Anna');
    expect(expired.res.status).toBe(410);
    expect(expired.res.body.error.code).toBe('COCREATION_CODE_EXPIRED');
  });

  it('stops a flood of votes from one phone while the session keeps running for everyone else', async () => {
    const session = await newSession('Vloed');
    const flood = await join(session.code, 'Flood');
    const calm = await join(session.code, 'Calm');
    const board = (await step(session.id, 4)).body;
    await step(session.id, 4);
    const proposal = board.proposals[0].id;
    const results = [];
    for (let i = 0; i < 60; i++) results.push((await flood.client.request('PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: i % 2 })).status);
    expect(results.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await flood.client.request('PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: 1 });
    expect(limited.body.error.message).toContain('seconden');
    expect((await calm.client.request('PUT', `/api/cocreation/sessions/${session.id}/proposals/${proposal}/dots`, { dots: 2 })).status).toBe(200);
    const after = (await calm.client.request('GET', `/api/cocreation/sessions/${session.id}/board`)).body;
    expect(after.proposals[0].dots).toBeGreaterThanOrEqual(2);
  });

  it('keeps other networks out of the live board and facilitation', async () => {
    const session = await newSession('Afgeschermd');
    const outsider = await makePerson(h.deps.db, otherNid, 'network_coordinator', null);
    const client = h.client();
    await client.login(outsider.email, PASSWORD);
    expect((await client.request('GET', `/api/cocreation/sessions/${session.id}/board`)).status).toBe(401);
    expect((await client.request('GET', `/api/networks/${otherNid}/cocreation-sessions/${session.id}`)).status).toBe(404);
    expect((await client.request('GET', `/api/networks/${nid}/cocreation-sessions/${session.id}`)).status).toBe(404);
  });

  it('reminds owners of follow-up agreements by e-mail a week before and on the due date, once', async () => {
    const session = await newSession('Herinneringen');
    await step(session.id, 5);
    const today = new Date().toISOString().slice(0, 10);
    const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await facilitator.request('POST', `${base()}/${session.id}/agreements`, { title: 'Praatplaat inzetten in teamoverleg', ownerName: 'Pim', ownerEmail: 'pim@example.nl', dueDate: inFiveDays });
    await facilitator.request('POST', `${base()}/${session.id}/agreements`, { title: 'Later', ownerName: 'Lot', ownerEmail: 'lot@example.nl', dueDate: '2031-01-01' });
    const first = await sendCocreationReminders(h.deps);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    const mail = await waitFor(() => h.mails.find((m) => m.to.includes('pim@example.nl')));
    expect(mail.subject).toContain('Praatplaat inzetten');
    expect(h.mails.some((m) => m.to.includes('lot@example.nl'))).toBe(false);
    await sendCocreationReminders(h.deps);
    expect(h.mails.filter((m) => m.to.includes('pim@example.nl')).length).toBe(1);
    // On the day itself, the second reminder.
    await h.deps.db.update(cocreationAgreements).set({ dueDate: today }).where(eq(cocreationAgreements.ownerEmail, 'pim@example.nl'));
    await sendCocreationReminders(h.deps);
    await waitFor(() => h.mails.filter((m) => m.to.includes('pim@example.nl')).length === 2 || undefined);
    expect(h.mails.filter((m) => m.to.includes('pim@example.nl'))[1]!.subject).toMatch(/^Vandaag/);
  });
});
