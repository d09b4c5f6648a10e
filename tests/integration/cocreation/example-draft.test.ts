import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { demoLogin, demoNetworkId } from '../../support/demo.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { profileContentBuild } from '../../../src/domain/cocreation/profile/rules.ts';
import { sessionConsensus, sessionProposalPairs, sessionSubgroupCount } from '../../../src/domain/cocreation/session/rules.ts';
import { proposalEditApply } from '../../../src/domain/cocreation/proposal/rules.ts';
import type { Board } from '../../../src/domain/cocreation/session/schema.ts';
import type { ProfileContent } from '../../../src/domain/cocreation/profile/schema.ts';

// From co-creation to practice example: an ended session becomes a draft whose numbers — who took
// part and from which institutions, statements, proposals, how many were agreed, agreements — are
// those the database holds, and never nought for a session that ran. Once for a session run
// through the API from the first join to the end, once for the demo's ended session, whose rows
// must also be what the running product would have written (rules of every step, version 1).

let h: Harness;

beforeAll(async () => {
  h = await harnessStart({ demo: true, smtp: false });
});

afterAll(async () => {
  await h?.stop();
});

interface Counts { participants: number; statements: number; proposals: number; agreed: number; agreements: number }

async function counted(sessionId: string): Promise<Counts> {
  return (await h.deps.db.execute<Counts & Record<string, unknown>>(sql`select
    (select count(*)::int from cocreation_participants where session_id = ${sessionId}) as participants,
    (select count(*)::int from cocreation_statements where session_id = ${sessionId}) as statements,
    (select count(*)::int from cocreation_proposals where session_id = ${sessionId}) as proposals,
    (select count(*)::int from cocreation_proposals where session_id = ${sessionId} and decision in ('accepted', 'amended')) as agreed,
    (select count(*)::int from cocreation_agreements where session_id = ${sessionId}) as agreements`)).rows[0]!;
}

async function institutionsOf(sessionId: string) {
  return (await h.deps.db.execute<{ name: string; kind: string }>(sql`
    select distinct i.name, i.kind::text from cocreation_participants p join institutions i on i.id = p.institution_id where p.session_id = ${sessionId}`)).rows;
}

/** The draft, checked against the counts: every number is there and none is nought. */
async function expectDraftMatches(c: ApiClient, nid: string, sessionId: string, title: string) {
  const res = await c.request('POST', `/api/networks/${nid}/examples/from/cocreation_session/${sessionId}`, {});
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const n = await counted(sessionId);
  for (const [key, value] of Object.entries(n)) expect(value, key).toBeGreaterThan(0);
  expect(res.body).toMatchObject({ visibility: 'draft', practice: 'cocreation', title, origin: { source: 'cocreation_session', sourceId: sessionId } });
  expect(res.body.special).toContain(`${n.participants} deelnemers van `);
  expect(res.body.story).toContain(`schreven ${n.participants} deelnemers ${n.statements} uitspraken; daaruit kwamen ${n.proposals} voorstellen, waarvan ${n.agreed} ${n.agreed === 1 ? 'werd' : 'werden'} aangenomen.`);
  expect(res.body.story).toContain(`De sessie leverde ${n.agreements} ${n.agreements === 1 ? 'afspraak' : 'afspraken'} op.`);
  const insts = await institutionsOf(sessionId);
  expect(insts.length).toBeGreaterThan(0);
  expect([...res.body.institutions].sort()).toEqual(insts.map((i) => i.name).sort());
  expect([...res.body.sectors].sort()).toEqual([...new Set(insts.map((i) => i.kind).filter((k) => ['vmbo', 'havo', 'vwo', 'mbo', 'hbo'].includes(k)))].sort());
  expect(res.body.themes.length).toBeGreaterThan(0);
  return { draft: res.body, counts: n };
}

describe('from co-creation session to practice example', () => {
  it('drafts a session run through the API with the counts the database holds', async () => {
    const nid = (await makeNetwork(h.deps.db)).id;
    const roc = await makeInstitution(h.deps.db, nid, { kind: 'mbo', name: 'ROC Testdal' });
    const hs = await makeInstitution(h.deps.db, nid, { kind: 'hbo', name: 'Hogeschool Testdal' });
    const coordinator = await makePerson(h.deps.db, nid, 'network_coordinator', null);
    const facilitator = h.client();
    expect((await facilitator.login(coordinator.email, PASSWORD)).status).toBe(200);
    const base = `/api/networks/${nid}/cocreation-sessions`;
    const created = await facilitator.request('POST', base, { title: 'Beroepsbeeld Testdal', profileName: 'startende mbo-docent na twee jaar', dotBudget: 3 });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    // two teachers join as themselves (their institution comes along), one guest by name
    const people: ApiClient[] = [];
    for (const inst of [roc, hs]) {
      const t = await makePerson(h.deps.db, nid, 'teacher', inst.id);
      const c = h.client();
      await c.login(t.email, PASSWORD);
      expect((await c.request('POST', '/api/cocreation/join', { code: created.body.code })).status).toBe(200);
      people.push(c);
    }
    const guest = h.client();
    expect((await guest.request('POST', '/api/cocreation/join', { code: created.body.code, displayName: 'Gast' })).status).toBe(200);
    people.push(guest);
    const live = (c: ApiClient, method: string, path: string, body?: unknown) => c.request(method, `/api/cocreation/sessions/${id}${path}`, body);
    const step = (to: number) => facilitator.request('POST', `${base}/${id}/step`, { step: to });

    // not over yet: refused
    const early = await facilitator.request('POST', `/api/networks/${nid}/examples/from/cocreation_session/${id}`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('EXAMPLE_SOURCE_NOT_FINISHED');

    await step(1);
    const texts = ['Een startende docent betrekt het werkveld.', 'Een startende docent vraagt feedback.', 'Een startende docent kent de examens.'];
    for (const [i, c] of people.entries()) expect((await live(c, 'POST', '/statements', { domainKey: i === 2 ? 'organising-education' : 'providing-education', text: texts[i] })).status).toBe(201);
    let board = (await step(3)).body as Board;
    const me = (await live(people[0]!, 'GET', '/me')).body;
    const mine = board.proposals.find((p) => p.subgroupId === me.subgroupId)!;
    expect((await live(people[0]!, 'POST', `/proposals/${mine.id}/edits`, { baseVersion: 0, op: { pos: 0, del: 0, ins: 'De startende docent ontwerpt lessen met het werkveld.' } })).status).toBe(200);
    board = (await step(4)).body as Board;
    expect((await live(people[1]!, 'PUT', `/proposals/${mine.id}/dots`, { dots: 2 })).status).toBe(200);
    expect((await live(people[1]!, 'PUT', `/proposals/${mine.id}/consent`, { position: 'consent' })).status).toBe(200);
    expect((await facilitator.request('POST', `${base}/${id}/proposals/${mine.id}/decision`, { outcome: 'accepted' })).status).toBe(200);
    const other = board.proposals.find((p) => p.id !== mine.id)!;
    expect((await facilitator.request('POST', `${base}/${id}/proposals/${other.id}/decision`, { outcome: 'rejected' })).status).toBe(200);
    await step(5);
    expect((await facilitator.request('POST', `${base}/${id}/agreements`, { title: 'Check met het curriculum', ownerName: 'Sam', dueDate: '2030-06-01' })).status).toBe(201);
    expect((await facilitator.request('POST', `${base}/${id}/end`)).status).toBe(200);

    const { counts } = await expectDraftMatches(facilitator, nid, id, 'Beroepsbeeld Testdal');
    expect(counts).toEqual({ participants: 3, statements: 3, proposals: board.proposals.length, agreed: 1, agreements: 1 });
  });

  it('drafts the demo\'s ended session with non-zero counts equal to the database, and its rows are what the product writes', async () => {
    const coordinator = await demoLogin(h, 'network_coordinator');
    const nid = await demoNetworkId(coordinator);
    const [ended] = (await h.deps.db.execute<{ id: string; title: string; dot_budget: number; framework: { key: string }[] }>(sql`
      select id, title, dot_budget, framework from cocreation_sessions where network_id = ${nid} and step = 6`)).rows;
    expect(ended, 'the demo has an ended session').toBeTruthy();
    const { counts } = await expectDraftMatches(coordinator, nid, ended!.id, ended!.title);
    // who took part: teachers of schools and professionals of companies, each as themselves
    const kinds = (await institutionsOf(ended!.id)).map((i) => i.kind);
    expect(kinds).toContain('company');
    expect(kinds.some((k) => k === 'mbo' || k === 'hbo')).toBe(true);
    expect((await h.deps.db.execute(sql`select 1 from cocreation_participants where session_id = ${ended!.id} and (person_id is null or subgroup_id is null)`)).rows).toEqual([]);

    // the rules of the steps: subgroups and proposal pairs as the product makes them, every
    // proposal's text is its edits replayed, nobody spent more dots than the budget, every
    // objection has a reason, every proposal is decided
    const board = (await coordinator.request('GET', `/api/networks/${nid}/cocreation-sessions/${ended!.id}/board`)).body as Board;
    expect(board.step).toBe(6);
    const domains = ended!.framework.length;
    expect(board.subgroups.length).toBe(sessionSubgroupCount(counts.participants, domains));
    const pairs = sessionProposalPairs(board.subgroups.length, domains);
    expect(board.proposals.map((p) => [p.subgroupName, p.domainKey])).toEqual(pairs.map((p) => [board.subgroups[p.subgroup]!.name, ended!.framework[p.domain]!.key]));
    const edits = (await h.deps.db.execute<{ proposal_id: string; version: number; op: { pos: number; del: number; ins: string } }>(sql`
      select e.proposal_id, e.version, e.op from cocreation_proposal_edits e join cocreation_proposals p on p.id = e.proposal_id where p.session_id = ${ended!.id} order by e.proposal_id, e.version`)).rows;
    for (const p of board.proposals) {
      const mine = edits.filter((e) => e.proposal_id === p.id);
      expect(mine.map((e) => e.version)).toEqual(Array.from({ length: p.version }, (_, i) => i + 1));
      expect(mine.reduce((text, e) => proposalEditApply(text, e.op), '')).toBe(p.text);
      expect(p.decision).not.toBeNull();
    }
    const spent = (await h.deps.db.execute<{ dots: number }>(sql`
      select sum(v.dots)::int as dots from cocreation_votes v join cocreation_proposals p on p.id = v.proposal_id where p.session_id = ${ended!.id} group by v.participant_id`)).rows;
    expect(spent.length).toBeGreaterThan(0);
    for (const s of spent) expect(s.dots).toBeLessThanOrEqual(ended!.dot_budget);
    expect((await h.deps.db.execute(sql`select 1 from cocreation_consents c join cocreation_proposals p on p.id = c.proposal_id
      where p.session_id = ${ended!.id} and c.position = 'objection' and coalesce(trim(c.reason), '') = ''`)).rows).toEqual([]);
    expect(board.proposals.reduce((s, p) => s + p.consents + p.objections.length, 0)).toBeGreaterThan(0);
    // statements were marked and some left discussion
    expect(board.statements.every((s) => s.consensus === sessionConsensus(s))).toBe(true);
    expect(board.statements.some((s) => s.consensus === 'split')).toBe(true);
    expect(board.statements.some((s) => Object.keys(s.attached).length > 0)).toBe(true);

    // version 1 of the profile is what ending this session writes
    const [version] = (await h.deps.db.execute<{ content: ProfileContent; decided_on: string }>(sql`
      select v.content, to_char(s.ended_at at time zone 'Europe/Amsterdam', 'YYYY-MM-DD') as decided_on
      from cocreation_profile_versions v join cocreation_sessions s on s.id = v.session_id where v.session_id = ${ended!.id} and v.version = 1`)).rows;
    expect(version).toBeTruthy();
    const deciders = new Map(((await h.deps.db.execute<{ id: string; name: string }>(sql`
      select p.id, pe.name from cocreation_proposals p join people pe on pe.id = p.decided_by where p.session_id = ${ended!.id}`)).rows).map((r) => [r.id, r.name]));
    const expected = profileContentBuild(board, deciders, version!.decided_on, ended!.id);
    const sorted = (c: ProfileContent) => ({ ...c, domains: c.domains.map((d) => ({ ...d, discussion: [...d.discussion].sort() })) });
    expect(sorted(version!.content)).toEqual(sorted(expected));
    expect(version!.content.domains.every((d) => d.agreed.length > 0)).toBe(true);
  });
});
