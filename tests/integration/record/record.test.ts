import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { learnerReports, mailOutbox, notifications, recordEffectCounts, recordManualActivities } from '../../../src/db/schema/index.ts';
import { openBadgeCredentialSchema } from '../../../src/domain/record/credential/schema.ts';
import { credentialLoader, getNetworkKeyPair } from '../../../src/domain/record/credential/issue-credential.ts';
import { getPublicIssuer } from '../../../src/domain/record/credential/data.ts';
import { buildDocumentLoader } from '../../../src/domain/record/credential/build-document-loader.ts';
import { STATUS_LIST_LENGTH, credentialStatusPosition } from '../../../src/domain/record/credential/rules.ts';
import { sendFollowUps } from '../../../src/domain/record/follow-up/send-follow-ups.ts';
import { policyRowNetwork } from '../../../src/domain/foundation/auth/policy.ts';
import type { RecordView } from '../../../src/domain/record/entry/schema.ts';

// The professional record: totals equal the ledger, the team lead sees only what the teacher
// allows, bad hours get translated field errors, badges verify (and a changed byte, another key,
// expiry and revocation do not), and the lasting-effect question reaches the learner report.

let h: Harness;
let nid: string;
let inst: string;
let teacher: ApiClient;
let teacherId: string;
let lead: ApiClient;
let voTeacher: ApiClient;

async function login(role: 'teacher' | 'team_lead' | 'network_coordinator', institutionId: string | null) {
  const p = await makePerson(h.deps.db, nid, role, institutionId);
  const c = h.client();
  expect((await c.login(p.email, PASSWORD)).status).toBe(200);
  return { client: c, id: p.id };
}

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db, 'Netwerk Dossier')).id;
  inst = (await makeInstitution(h.deps.db, nid, { kind: 'mbo' })).id;
  const vo = (await makeInstitution(h.deps.db, nid, { kind: 'havo' })).id;
  ({ client: teacher, id: teacherId } = await login('teacher', inst));
  ({ client: lead } = await login('team_lead', inst));
  ({ client: voTeacher } = await login('teacher', vo));
});

afterAll(async () => {
  await h?.stop();
});

/** Reads bit `index` of a Bitstring Status List's encodedList without the library: multibase "u", base64url, GZIP, left-most bit first. */
function statusBit(encodedList: string, index: number): number {
  expect(encodedList[0]).toBe('u');
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  expect(bytes.length * 8).toBeGreaterThanOrEqual(STATUS_LIST_LENGTH);
  return (bytes[index >> 3]! >> (7 - (index % 8))) & 1;
}
const bitsSet = (encodedList: string) => [...gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'))].reduce((n, b) => n + b.toString(2).replaceAll('0', '').length, 0);

const add = (c: ApiClient, body: Record<string, unknown>) => c.request('POST', `/api/networks/${nid}/record/activities`, body);

describe('the professional record', () => {
  it('refuses negative, absurd and inconsistent hours with translated field errors', async () => {
    const negative = await add(teacher, { title: 'Cursus', date: '2026-09-01', hours: -2, contactHours: 0, primaryProcess: true });
    expect(negative.status).toBe(400);
    expect(negative.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'hours', code: 'FIELD_TOO_SMALL' })]));
    const absurd = await add(teacher, { title: 'Cursus', date: '2026-09-01', hours: 10_000, contactHours: 0, primaryProcess: true });
    expect(absurd.body.error.fields[0]).toMatchObject({ path: 'hours', code: 'FIELD_TOO_BIG' });
    const contact = await teacher.request('POST', `/api/networks/${nid}/record/activities`, { title: 'Cursus', date: '2026-09-01', hours: 2, contactHours: 5, primaryProcess: true });
    expect(contact.body.error.fields[0]).toMatchObject({ path: 'contactHours', code: 'RECORD_CONTACT_EXCEEDS_HOURS' });
    expect(contact.body.error.fields[0].message).toContain('mag niet meer zijn dan het totaal aantal uren');
    const nan = await add(teacher, { title: 'Cursus', date: '2026-02-30', hours: 'veel', contactHours: 0, primaryProcess: true });
    expect(nan.status).toBe(400);
  });

  it('totals per school year and over four years equal the sum of the ledger rows, against the norm', async () => {
    const rows = [
      { title: 'Masterclass didactiek', date: '2025-10-02', hours: 6, contactHours: 4, primaryProcess: true, subjectSpecific: true },
      { title: 'Congres mbo', date: '2026-03-12', hours: 8, contactHours: 8, primaryProcess: false },
      { title: 'Leesgroep', date: '2026-09-20', hours: 2.5, contactHours: 1, primaryProcess: true, evidenceUrl: 'https://example.nl/bewijs' },
    ];
    for (const r of rows) expect((await add(teacher, r)).status).toBe(201);
    const view = (await teacher.request('GET', `/api/networks/${nid}/record`)).body as RecordView;
    const [sum] = await h.deps.db.select({ hours: sql<number>`sum(hours)::float`, contact: sql<number>`sum(contact_hours)::float`, primary: sql<number>`sum(hours) filter (where primary_process)::float` })
      .from(recordManualActivities).where(and(eq(recordManualActivities.networkId, nid), eq(recordManualActivities.personId, teacherId)));
    const entriesSum = view.entries.reduce((s, e) => s + e.hours, 0);
    expect(entriesSum).toBe(sum!.hours);
    expect(view.totals.schoolYears.reduce((s, y) => s + y.hours, 0)).toBe(sum!.hours);
    expect(view.totals.schoolYears.reduce((s, y) => s + y.contactHours, 0)).toBe(sum!.contact);
    expect(view.totals.schoolYears.reduce((s, y) => s + y.primaryProcessHours, 0)).toBe(sum!.primary);
    expect(view.totals.schoolYears.map((y) => y.schoolYear)).toEqual(['2025-2026', '2026-2027']);
    expect(view.totals.period.hours).toBe(16.5);
    expect(view.totals.period.selfStudyHours).toBe(3.5);
    expect(view.totals.period.norm).toEqual({ hours: 160, primaryProcessHours: 100, subjectSpecificHours: null });
    expect(view.totals.period.met).toBe(false);
    expect(view.secondary).toBe(false);
    const vo = (await voTeacher.request('GET', `/api/networks/${nid}/record`)).body as RecordView;
    expect(vo.secondary).toBe(true);
    expect(vo.totals.period.norm.subjectSpecificHours).toBe(40);
    const csv = await teacher.download(`/api/networks/${nid}/record.csv`);
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toBe('datum;schooljaar;activiteit;uren;contacturen;zelfstudie;primair proces;vakspecifiek;bron');
    expect(text).toContain('Leesgroep;2,5;1;1,5;ja;nee;manual');
    const pdf = await teacher.download(`/api/networks/${nid}/record.pdf`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the team lead sees the totals and only the activities the teacher chose to show', async () => {
    const own = (await teacher.request('GET', `/api/networks/${nid}/record`)).body as RecordView;
    const before = await lead.request('GET', `/api/networks/${nid}/people/${teacherId}/record`);
    expect(before.status).toBe(200);
    expect(before.body.access).toBe('lead');
    expect(before.body.entries).toEqual([]);
    expect(before.body.totals).toEqual(own.totals);
    const shown = own.entries.find((e) => e.title === 'Congres mbo')!;
    expect((await teacher.request('PATCH', `/api/networks/${nid}/record/entries/${shown.source}/${shown.sourceId}`, { visibleToLead: true })).status).toBe(200);
    const after = (await lead.request('GET', `/api/networks/${nid}/people/${teacherId}/record`)).body as RecordView;
    expect(after.entries.map((e) => e.title)).toEqual(['Congres mbo']);
    expect(JSON.stringify(after)).not.toContain('Masterclass didactiek');
    expect(JSON.stringify(after)).not.toContain('example.nl/bewijs');
    // another teacher sees nothing of it
    expect((await voTeacher.request('GET', `/api/networks/${nid}/people/${teacherId}/record`)).status).toBe(403);
  });

  it('changes an activity added by hand in place, with translated errors, and keeps a badge\'s facts', async () => {
    const created = (await add(voTeacher, { title: 'Studiedag', date: '2025-11-04', hours: 5, contactHours: 3, primaryProcess: true })).body as RecordView;
    const before = created.entries.find((e) => e.title === 'Studiedag')!;
    const patch = (c: ApiClient, body: Record<string, unknown>, id = before.sourceId) => c.request('PATCH', `/api/networks/${nid}/record/activities/${id}`, body);
    const changed = await patch(voTeacher, { title: 'Studiedag LOB', hours: 6, subjectSpecific: true });
    expect(changed.status).toBe(200);
    const after = (changed.body as RecordView).entries.find((e) => e.sourceId === before.sourceId)!;
    expect(after).toMatchObject({ title: 'Studiedag LOB', hours: 6, contactHours: 3, selfStudyHours: 3, subjectSpecific: true, date: '2025-11-04' });
    expect((changed.body as RecordView).totals.period.hours).toBe(created.totals.period.hours + 1);

    // Contact hours against the stored hours; negative, absurd and empty changes; Dutch, then English.
    const over = await patch(voTeacher, { hours: 2 });
    expect(over.status).toBe(400);
    expect(over.body.error.fields[0]).toMatchObject({ path: 'hours', code: 'RECORD_CONTACT_EXCEEDS_HOURS' });
    expect(over.body.error.fields[0].message).toContain('mag niet meer zijn dan het totaal aantal uren');
    const overEn = await voTeacher.request('PATCH', `/api/networks/${nid}/record/activities/${before.sourceId}`, { contactHours: 7 }, { 'Accept-Language': 'en' });
    expect(overEn.body.error.fields[0]).toMatchObject({ path: 'contactHours', code: 'RECORD_CONTACT_EXCEEDS_HOURS' });
    expect((await patch(voTeacher, { hours: -1 })).body.error.fields[0]).toMatchObject({ path: 'hours' });
    expect((await patch(voTeacher, { hours: 1e9 })).body.error.fields[0]).toMatchObject({ path: 'hours', code: 'FIELD_TOO_BIG' });
    expect((await patch(voTeacher, { date: '2025-02-30' })).body.error.fields[0]).toMatchObject({ path: 'date', code: 'FIELD_INVALID_DATE' });
    expect((await patch(voTeacher, {})).status).toBe(400);
    // Someone else's activity, or one that does not exist.
    expect((await patch(teacher, { hours: 4 })).status).toBe(403);
    expect((await patch(voTeacher, { hours: 4 }, crypto.randomUUID())).status).toBe(404);

    // With a standing badge, the facts it names stay; the classification and the note still change.
    expect((await voTeacher.request('POST', `/api/networks/${nid}/record/entries/manual/${before.sourceId}/credential`)).status).toBe(201);
    const locked = await patch(voTeacher, { title: 'Iets anders' });
    expect(locked.status).toBe(409);
    expect(locked.body.error.message).toContain('Trek de badge eerst in');
    expect((await patch(voTeacher, { primaryProcess: false, evidenceNote: 'Verslag in mijn map' })).status).toBe(200);
  });

  it('hands every badge of a network its own scattered bit, moving on to the next list when one is full', () => {
    const seen = new Set<number>();
    for (let n = 0; n < STATUS_LIST_LENGTH; n++) seen.add(credentialStatusPosition(n).index);
    expect(seen.size).toBe(STATUS_LIST_LENGTH);
    expect([0, 1, 2].map((n) => credentialStatusPosition(n).index)).not.toEqual([0, 1, 2]);
    expect(credentialStatusPosition(STATUS_LIST_LENGTH)).toEqual({ list: 1, index: credentialStatusPosition(0).index });
  });

  it('issues a badge that verifies; a changed byte, another key, expiry and revocation do not', async () => {
    const own = (await teacher.request('GET', `/api/networks/${nid}/record`)).body as RecordView;
    const entry = own.entries.find((e) => e.title === 'Masterclass didactiek')!;
    const cert = await teacher.download(`/api/networks/${nid}/record/entries/${entry.source}/${entry.sourceId}/certificate.pdf`);
    expect(cert.status).toBe(200);
    const issued = await teacher.request('POST', `/api/networks/${nid}/record/entries/${entry.source}/${entry.sourceId}/credential`);
    expect(issued.status).toBe(201);
    const doc = issued.body.document as Record<string, any>;
    expect(openBadgeCredentialSchema.safeParse(doc).success).toBe(true);
    expect(doc.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(doc.issuer.name).toBe('Netwerk Dossier');
    const download = await teacher.request('GET', `/api/networks/${nid}/record/credentials/${issued.body.id}`);
    expect(download.body).toEqual(doc);
    const text = JSON.stringify(doc);
    const anonymous = h.client();
    const verify = (credential: string) => anonymous.request('POST', '/api/public/credentials/verify', { credential });

    const ok = await verify(text);
    expect(ok.body).toMatchObject({ valid: true, reason: null, issuerName: 'Netwerk Dossier', achievement: 'Masterclass didactiek' });

    const changed = text.replace('"Masterclass didactiek"', '"Masterclass didactieK"');
    expect(changed).not.toBe(text);
    expect((await verify(changed)).body).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });
    expect((await verify(text.replace(/"hours"|6 uur/, '7 uur'))).body.valid).toBe(false);
    expect((await verify('{"niet": "af"')).body).toMatchObject({ valid: false, reason: 'NOT_JSON' });
    expect((await verify('{"type": ["VerifiableCredential"]}')).body).toMatchObject({ valid: false, reason: 'NOT_A_BADGE' });

    // Signed by another key, claiming to be the network.
    const { proof: _proof, ...unsigned } = doc;
    const base = doc.issuer.id as string;
    const other = await Ed25519Multikey.generate({ id: `${base}/key`, controller: base });
    const loader = credentialLoader(h.deps, async () => ({ publicKeyMultibase: other.publicKeyMultibase }));
    const forged = await vc.issue({ credential: { ...unsigned }, suite: new DataIntegrityProof({ signer: other.signer(), cryptosuite }), documentLoader: loader });
    expect((await verify(JSON.stringify(forged))).body).toMatchObject({ valid: false, reason: 'BAD_SIGNATURE' });

    // Expired: signed by the network's own key, valid until yesterday.
    const key = await getNetworkKeyPair(h.deps, policyRowNetwork(nid, 'job'));
    const expired = await vc.issue({
      credential: { ...unsigned, id: `urn:uuid:${crypto.randomUUID()}`, validFrom: '2025-01-01T00:00:00Z', validUntil: '2025-12-31T00:00:00Z' },
      suite: new DataIntegrityProof({ signer: key.signer(), cryptosuite }), now: new Date('2025-06-01T00:00:00Z'),
      documentLoader: credentialLoader(h.deps, (n) => getPublicIssuer(h.deps.db, n)),
    });
    expect((await verify(JSON.stringify(expired))).body).toMatchObject({ valid: false, reason: 'EXPIRED' });

    // Its revocation status: a BitstringStatusListEntry pointing to the network's public, signed list.
    const status = doc.credentialStatus as Record<string, string>;
    expect(status).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListCredential: `${base}/status/0` });
    const index = Number(status.statusListIndex);
    expect(Number.isInteger(index) && index >= 0 && index < STATUS_LIST_LENGTH).toBe(true);
    const publicUrl = (url: string) => url.slice(url.indexOf('/api/'));
    const fetchList = async () => {
      const res = await anonymous.request('GET', publicUrl(status.statusListCredential!));
      expect(res.status).toBe(200);
      return res.body as { type: string[]; issuer: string; credentialSubject: { type: string; statusPurpose: string; encodedList: string }; proof: { cryptosuite: string } };
    };
    // An outside verifier: fetches the list and the key over HTTP, checks the list's signature, reads the bit.
    const outsideLoader = buildDocumentLoader(async (url) => (url.startsWith(base) ? (await anonymous.request('GET', publicUrl(url))).body : null));
    const outsideRevoked = async () => {
      const list = await fetchList();
      expect(list).toMatchObject({ type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: base, credentialSubject: { type: 'BitstringStatusList', statusPurpose: 'revocation' }, proof: { cryptosuite: 'eddsa-rdfc-2022' } });
      const listCheck = await vc.verifyCredential({ credential: list, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: outsideLoader });
      expect(listCheck.verified).toBe(true);
      const tampered = { ...list, credentialSubject: { ...list.credentialSubject, encodedList: `${list.credentialSubject.encodedList}A` } };
      expect((await vc.verifyCredential({ credential: tampered, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: outsideLoader })).verified).toBe(false);
      return { bit: statusBit(list.credentialSubject.encodedList, index), set: bitsSet(list.credentialSubject.encodedList) };
    };
    expect(await outsideRevoked()).toEqual({ bit: 0, set: 0 });
    expect((await anonymous.request('GET', `/api/public/issuers/${nid}/status/7`)).status).toBe(404);
    expect((await anonymous.request('GET', `/api/public/issuers/${nid}/status/zeven`)).status).toBe(400);

    // Revoked by the teacher: the bit is set in the served list, and the page and the outside check agree.
    expect((await teacher.request('POST', `/api/networks/${nid}/record/credentials/${issued.body.id}/revoke`)).status).toBe(200);
    const revoked = await verify(text);
    expect(revoked.body).toMatchObject({ valid: false, reason: 'REVOKED' });
    expect(revoked.body.checks).toContainEqual({ check: 'revocation', ok: false });
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    expect(await outsideRevoked()).toEqual({ bit: 1, set: 1 });
    // Revocation is read from the list: with the record's own row cleared, the list still says revoked.
    await h.deps.db.execute(sql`update credentials set revoked_at = null where id = ${issued.body.id}`);
    expect((await verify(text)).body).toMatchObject({ valid: false, reason: 'REVOKED' });

    // The public key at its stable URL.
    const keyDoc = await anonymous.request('GET', `/api/public/issuers/${nid}/key`);
    expect(keyDoc.body).toMatchObject({ type: 'Multikey', controller: base, publicKeyMultibase: key.publicKeyMultibase });
    expect(JSON.stringify((await anonymous.request('GET', `/api/public/issuers/${nid}`)).body)).not.toContain('secretKey');
  });

  it('asks the lasting-effect question after the configured delay; the answer lands in the learner report and counts anonymously', async () => {
    const coordinator = (await login('network_coordinator', null)).client;
    expect((await coordinator.request('PATCH', `/api/networks/${nid}/record/settings`, { followUpDays: 30 })).status).toBe(200);
    // Only activities from the ports are asked about; the record of this network has none yet, so
    // a source is offered for the test through the port list of the running server.
    const port = { source: 'test_practice', list: async (_d: unknown, n: string, p: string) => (n === nid && p === teacherId ? [{ source: 'test_practice', sourceId: 'ed-1', title: 'Bedrijfsbezoek', date: '2026-08-01', hours: 3, contactHours: 3, primaryProcess: true, link: null }] : []) };
    (h.deps.ports.recordActivitySources as unknown[]).push(port);
    try {
      h.clock.set(new Date('2026-09-15T10:00:00Z'));
      expect((await sendFollowUps(h.deps)).asked).toBe(1);
      expect((await sendFollowUps(h.deps)).asked).toBe(0);
      const mail = await h.deps.db.select().from(mailOutbox).where(eq(mailOutbox.networkId, nid));
      expect(mail.some((m) => m.subject.includes('Bedrijfsbezoek'))).toBe(true);
      const notes = await h.deps.db.select().from(notifications).where(and(eq(notifications.networkId, nid), eq(notifications.personId, teacherId)));
      expect(notes.map((n) => n.kind)).toContain('RECORD_FOLLOW_UP');
      const open = (await teacher.request('GET', `/api/networks/${nid}/record/follow-ups`)).body as { id: string; answeredAt: string | null }[];
      expect(open).toHaveLength(1);
      const answer = await teacher.request('POST', `/api/networks/${nid}/record/follow-ups/${open[0]!.id}/answer`, { impact: 'Ik plan nu elke periode een gastles.', effect: 'changed' });
      expect(answer.status).toBe(200);
      const [report] = await h.deps.db.select().from(learnerReports).where(eq(learnerReports.id, answer.body.learnerReportId));
      expect(JSON.stringify(report!.content)).toContain('Ik plan nu elke periode een gastles.');
      expect((await teacher.request('POST', `/api/networks/${nid}/record/follow-ups/${open[0]!.id}/answer`, { impact: 'nog eens', effect: 'partly' })).status).toBe(409);
      const effects = (await coordinator.request('GET', `/api/networks/${nid}/record/effects`)).body;
      // one answer: counted, but its kind stays hidden below three answers (the small-numbers rule)
      expect(effects).toEqual([{ source: 'test_practice', sourceId: 'ed-1', title: 'Bedrijfsbezoek', asked: 1, answered: 1, changed: null, partly: null, unchanged: null }]);
      const [stored] = await h.deps.db.select().from(recordEffectCounts).where(and(eq(recordEffectCounts.networkId, nid), eq(recordEffectCounts.sourceId, 'ed-1')));
      expect(stored!.changed).toBe(1);
      expect(JSON.stringify(effects)).not.toContain(teacherId);
    } finally {
      (h.deps.ports.recordActivitySources as unknown[]).pop();
      h.clock.reset();
    }
  });
});
