import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { unzipSync, strFromU8 } from 'fflate';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeInstitution, makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { pdfText } from '../learner-report/learner-report-support.ts';
import { recordEvidenceFiles } from '../../../src/db/schema/index.ts';
import type { RecordView } from '../../../src/domain/record/entry/schema.ts';
import { PDF_BYTES, makeManualActivity } from './record-support.ts';

// The evidence files of an activity a teacher added by hand: only its teacher uploads and removes
// them (checked by leading bytes and name, at most 10 MB and 5 per activity); the teacher and — only
// while the teacher shows the activity — the team lead download them as an attachment; nothing
// across networks; bad input gets a translated answer and never a server error; the files go with
// the activity, are in the person's data export and are gone after erasure.

let h: Harness;
let nid: string;
let otherNid: string;
let inst: string;
let teacher: ApiClient;
let teacherId: string;
let colleague: ApiClient;
let lead: ApiClient;
let leadId: string;
let stranger: ApiClient;

const XLSX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('....[Content_Types].xml....xl/workbook.xml....', 'latin1')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x80, 0x00])]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);

const base = (network = nid) => `/api/networks/${network}/record/activities`;
const upload = (c: ApiClient, activityId: string, name: string | null, bytes: Uint8Array, network = nid, headers: Record<string, string> = {}) =>
  c.request('POST', `${base(network)}/${activityId}/attachments${name === null ? '' : `?name=${encodeURIComponent(name)}`}`, bytes, { 'content-type': 'application/octet-stream', ...headers });
const fileUrl = (activityId: string, fileId: string, network = nid) => `${base(network)}/${activityId}/attachments/${fileId}`;
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const stored = async (activityId: string) => (await h.deps.db.select({ id: recordEvidenceFiles.id }).from(recordEvidenceFiles).where(eq(recordEvidenceFiles.activityId, activityId))).length;
const ownView = async (c: ApiClient = teacher) => (await c.request('GET', `/api/networks/${nid}/record`)).body as RecordView;

async function login(network: string, role: 'teacher' | 'team_lead', institutionId: string | null) {
  const p = await makePerson(h.deps.db, network, role, institutionId);
  const c = h.client();
  expect((await c.login(p.email, PASSWORD)).status).toBe(200);
  return { client: c, id: p.id, email: p.email };
}

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db, 'Netwerk Bewijs')).id;
  otherNid = (await makeNetwork(h.deps.db, 'Ander netwerk')).id;
  inst = (await makeInstitution(h.deps.db, nid, { kind: 'mbo' })).id;
  ({ client: teacher, id: teacherId } = await login(nid, 'teacher', inst));
  ({ client: colleague } = await login(nid, 'teacher', inst));
  ({ client: lead, id: leadId } = await login(nid, 'team_lead', inst));
  ({ client: stranger } = await login(otherNid, 'teacher', null));
});

afterAll(async () => {
  await h?.stop();
});

describe('evidence files of a hand-added activity', () => {
  it('are uploaded by the teacher, listed in the record with name and size, and downloaded with the same bytes as an attachment', async () => {
    const activity = await makeManualActivity(h, nid, teacherId, { title: 'Cursus EHBO' });
    const pdf = await upload(teacher, activity, 'Certificaat EHBO.pdf', PDF_BYTES);
    expect(pdf.status, JSON.stringify(pdf.body)).toBe(201);
    expect(pdf.body).toMatchObject({ name: 'Certificaat EHBO.pdf', type: 'application/pdf', size: PDF_BYTES.length });
    expect((await upload(teacher, activity, 'presentielijst.png', PNG)).status).toBe(201);
    expect((await upload(teacher, activity, 'uren.xlsx', XLSX)).status).toBe(201);

    const entry = (await ownView()).entries.find((e) => e.sourceId === activity)!;
    expect(entry.files.map((f) => [f.name, f.size])).toEqual([['Certificaat EHBO.pdf', PDF_BYTES.length], ['presentielijst.png', PNG.length], ['uren.xlsx', XLSX.length]]);
    expect(JSON.stringify(entry.files)).not.toContain('bytes');

    const file = await teacher.download(fileUrl(activity, pdf.body.id));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Certificaat EHBO.pdf"; filename*=UTF-8''Certificaat%20EHBO.pdf`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(file.headers.get('cache-control')).toBe('private, no-store');
    expect((await bytesOf(file)).equals(PDF_BYTES)).toBe(true);
    const xlsx = entry.files.find((f) => f.name === 'uren.xlsx')!;
    expect((await bytesOf(await teacher.download(fileUrl(activity, xlsx.id)))).equals(XLSX)).toBe(true);

    // The PDF overview names the files under their activity; the CSV for task allocation does not.
    const overview = pdfText(await bytesOf(await teacher.download(`/api/networks/${nid}/record.pdf`)));
    expect(overview).toContain('Bewijsstukken: Certificaat EHBO.pdf, presentielijst.png, uren.xlsx');
    expect(await (await teacher.download(`/api/networks/${nid}/record.csv`)).text()).not.toContain('Certificaat EHBO.pdf');
    // A badge is shown to anyone: it never names or points to a file, nor does its public check.
    const badge = await teacher.request('POST', `/api/networks/${nid}/record/entries/manual/${activity}/credential`);
    expect(badge.status).toBe(201);
    const document = JSON.stringify(badge.body.document);
    for (const leak of ['Certificaat EHBO', 'presentielijst', 'attachments', pdf.body.id]) expect(document).not.toContain(leak);
    const checked = await h.client().request('POST', '/api/public/credentials/verify', { credential: document });
    expect(checked.body.valid).toBe(true);
    expect(JSON.stringify(checked.body)).not.toContain('Certificaat EHBO');
  });

  it('refuses empty, too large, unlisted or disguised files with a translated message, writing nothing, never a server error', async () => {
    const activity = await makeManualActivity(h, nid, teacherId);
    const refused: [string | null, Uint8Array, number, string][] = [
      ['leeg.pdf', Buffer.alloc(0), 400, 'RECORD_EVIDENCE_EMPTY'],
      ['groot.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['programma.exe', EXE, 400, 'RECORD_EVIDENCE_TYPE'],
      ['certificaat.pdf', EXE, 400, 'RECORD_EVIDENCE_TYPE'],
      ['echt.exe', PDF_BYTES, 400, 'RECORD_EVIDENCE_TYPE'],
      ['pagina.html', Buffer.from('<!doctype html><script>alert(1)</script>'), 400, 'RECORD_EVIDENCE_TYPE'],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 400, 'RECORD_EVIDENCE_TYPE'],
      ['foto.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), 400, 'RECORD_EVIDENCE_TYPE'],
      ['lijst.csv', Buffer.from('a;b\n1;<script>alert(1)</script>\n'), 400, 'RECORD_EVIDENCE_TYPE'],
      ['binair.txt', Buffer.from([0x41, 0x00, 0x42]), 400, 'RECORD_EVIDENCE_TYPE'],
      ['zonder-extensie', PDF_BYTES, 400, 'RECORD_EVIDENCE_NAME'],
      ['../..', PDF_BYTES, 400, 'RECORD_EVIDENCE_NAME'],
      [null, PDF_BYTES, 400, 'VALIDATION_FAILED'],
      ['x'.repeat(2000), PDF_BYTES, 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, bytes, status, code] of refused) {
      const res = await upload(teacher, activity, name, bytes);
      expect(res.status, `${name?.slice(0, 20)}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(status);
      expect(res.body.error.code, String(name).slice(0, 20)).toBe(code);
      expect(res.body.error.message, String(name).slice(0, 20)).not.toBe('');
    }
    expect((await upload(teacher, activity, 'programma.pdf', EXE)).body.error.message).toContain('Dit soort bestand kan geen bewijsstuk zijn');
    expect(await stored(activity)).toBe(0);
    const english = await login(nid, 'teacher', inst);
    await h.deps.db.execute(sql`update people set locale = 'en' where id = ${english.id}`);
    const theirs = await makeManualActivity(h, nid, english.id);
    expect((await upload(english.client, theirs, 'programma.pdf', EXE)).body.error.message).toContain('This kind of file cannot be evidence');
    expect((await upload(english.client, theirs, 'leeg.pdf', Buffer.alloc(0))).body.error.message).toBe('The file is empty.');
    expect((await upload(english.client, theirs, 'bewijs-1.pdf', PDF_BYTES)).status).toBe(201);
    expect(await stored(theirs)).toBe(1);
  });

  it('holds at most 5 files per activity', async () => {
    const activity = await makeManualActivity(h, nid, teacherId);
    for (let i = 1; i <= 5; i++) expect((await upload(teacher, activity, `bewijs-${i}.pdf`, PDF_BYTES)).status).toBe(201);
    const sixth = await upload(teacher, activity, 'bewijs-6.pdf', PDF_BYTES);
    expect(sixth.status).toBe(409);
    expect(sixth.body.error.code).toBe('RECORD_EVIDENCE_LIMIT');
    expect(sixth.body.error.message).toContain('maximum van 5 bewijsstukken');
    expect(await stored(activity)).toBe(5);
    // at once: still no more than 5
    const other = await makeManualActivity(h, nid, teacherId);
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => upload(teacher, other, `tegelijk-${i}.pdf`, PDF_BYTES)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(5);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    expect(await stored(other)).toBe(5);
  });

  it('belong to their teacher: another teacher, another network or an unknown id gets 403 or 404, and nothing changes', async () => {
    const activity = await makeManualActivity(h, nid, teacherId);
    const own = await upload(teacher, activity, 'bewijs.pdf', PDF_BYTES);
    expect(own.status).toBe(201);
    // another teacher of the same school
    expect((await upload(colleague, activity, 'van-mij.pdf', PDF_BYTES)).status).toBe(403);
    expect((await colleague.download(fileUrl(activity, own.body.id))).status).toBe(403);
    expect((await colleague.request('DELETE', fileUrl(activity, own.body.id))).status).toBe(403);
    // a teacher of another network: through their own network the ids do not exist, through ours they are no member
    expect((await upload(stranger, activity, 'van-mij.pdf', PDF_BYTES, otherNid)).status).toBe(404);
    expect((await stranger.download(fileUrl(activity, own.body.id, otherNid))).status).toBe(404);
    expect((await stranger.request('DELETE', fileUrl(activity, own.body.id, otherNid))).status).toBe(404);
    expect((await upload(stranger, activity, 'van-mij.pdf', PDF_BYTES)).status).toBe(404);
    expect((await stranger.download(fileUrl(activity, own.body.id))).status).toBe(404);
    // unknown and malformed ids
    expect((await upload(teacher, crypto.randomUUID(), 'bewijs.pdf', PDF_BYTES)).status).toBe(404);
    expect((await teacher.download(fileUrl(activity, crypto.randomUUID()))).status).toBe(404);
    expect((await teacher.download(fileUrl(crypto.randomUUID(), own.body.id))).status).toBe(404);
    expect((await teacher.request('DELETE', fileUrl(activity, crypto.randomUUID()))).status).toBe(404);
    const malformed = await teacher.request('GET', `${base()}/niet-een-id/attachments/${own.body.id}`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).not.toBe('');
    // a file of one activity through another activity of the same teacher
    const second = await makeManualActivity(h, nid, teacherId);
    expect((await teacher.download(fileUrl(second, own.body.id))).status).toBe(404);
    expect((await teacher.request('DELETE', fileUrl(second, own.body.id))).status).toBe(404);
    expect(await stored(activity)).toBe(1);
    expect((await bytesOf(await teacher.download(fileUrl(activity, own.body.id)))).equals(PDF_BYTES)).toBe(true);
  });

  it('are shown to the team lead only while the teacher shows the activity', async () => {
    const activity = await makeManualActivity(h, nid, teacherId, { title: 'Intervisie met bewijs' });
    const file = (await upload(teacher, activity, 'verslag intervisie.pdf', PDF_BYTES)).body;
    const leadView = async () => (await lead.request('GET', `/api/networks/${nid}/people/${teacherId}/record`)).body as RecordView;
    expect((await leadView()).entries.find((e) => e.sourceId === activity)).toBeUndefined();
    expect(JSON.stringify(await leadView())).not.toContain('verslag intervisie.pdf');
    expect((await lead.download(fileUrl(activity, file.id))).status).toBe(404);

    const show = (on: boolean) => teacher.request('PATCH', `/api/networks/${nid}/record/entries/manual/${activity}`, { visibleToLead: on });
    expect((await show(true)).status).toBe(200);
    const shown = (await leadView()).entries.find((e) => e.sourceId === activity)!;
    expect(shown.files.map((f) => f.name)).toEqual(['verslag intervisie.pdf']);
    const download = await lead.download(fileUrl(activity, file.id));
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await bytesOf(download)).equals(PDF_BYTES)).toBe(true);
    // the lead's download is in the audit log (the teacher's own downloads are not)
    const audited = (await h.deps.db.execute<{ actor: string; data: { activityId: string; personId: string } }>(sql`
      select actor_id::text as actor, data from audit_log where network_id = ${nid} and action = 'export' and entity = 'record_evidence_file' and entity_id = ${file.id}`)).rows;
    expect(audited).toEqual([{ actor: leadId, data: { activityId: activity, personId: teacherId } }]);
    // the lead reads, never writes
    expect((await upload(lead, activity, 'van-de-leider.pdf', PDF_BYTES)).status).toBe(403);
    expect((await lead.request('DELETE', fileUrl(activity, file.id))).status).toBe(403);
    // another teacher still sees nothing, shown or not
    expect((await colleague.download(fileUrl(activity, file.id))).status).toBe(403);

    expect((await show(false)).status).toBe(200);
    expect((await lead.download(fileUrl(activity, file.id))).status).toBe(404);
  });

  it('are removed by the teacher, and go with their activity', async () => {
    const activity = await makeManualActivity(h, nid, teacherId);
    const a = (await upload(teacher, activity, 'a.pdf', PDF_BYTES)).body;
    const b = (await upload(teacher, activity, 'b.pdf', PDF_BYTES)).body;
    expect((await teacher.request('DELETE', fileUrl(activity, a.id))).status).toBe(200);
    expect((await teacher.download(fileUrl(activity, a.id))).status).toBe(404);
    expect((await teacher.request('DELETE', fileUrl(activity, a.id))).status).toBe(404);
    expect((await ownView()).entries.find((e) => e.sourceId === activity)!.files.map((f) => f.id)).toEqual([b.id]);
    expect((await teacher.request('DELETE', `${base()}/${activity}`)).status).toBe(200);
    expect(await stored(activity)).toBe(0);
    expect((await teacher.download(fileUrl(activity, b.id))).status).toBe(404);
  });

  it("are in the person's data export, and gone after erasure", async () => {
    const t = await login(nid, 'teacher', inst);
    const activity = await makeManualActivity(h, nid, t.id, { title: 'Training' });
    const file = (await upload(t.client, activity, 'certificaat training.pdf', PDF_BYTES)).body;
    const zip = unzipSync(new Uint8Array(await (await t.client.download('/api/auth/me/export')).arrayBuffer()));
    const listed = JSON.parse(strFromU8(zip['record_evidence_files.json']!)) as Record<string, unknown>[];
    const path = `files/record_evidence_files/${file.id}-certificaat training.pdf`;
    expect(listed).toEqual([expect.objectContaining({ id: file.id, name: 'certificaat training.pdf', type: 'application/pdf', size: PDF_BYTES.length, activity_id: activity, file: path })]);
    expect(listed[0]).not.toHaveProperty('bytes');
    // the file itself, byte for byte, and no file of anyone else
    expect(Buffer.from(zip[path]!).equals(PDF_BYTES)).toBe(true);
    expect(Object.keys(zip).filter((p) => p.startsWith('files/'))).toEqual([path]);
    expect(strFromU8(zip['index.html']!)).toContain('certificaat training.pdf');

    const plan = (await t.client.request('GET', '/api/auth/me/erasure')).body as { steps: { table: string; rows: number }[] };
    expect(plan.steps).toContainEqual(expect.objectContaining({ table: 'record_evidence_files', rows: 1 }));
    expect((await t.client.request('POST', '/api/auth/me/erasure', { email: t.email })).status).toBe(200);
    const left = await h.deps.db.execute(sql`select count(*)::int as n from record_evidence_files where person_id = ${t.id} or activity_id = ${activity}`);
    expect((left.rows[0] as { n: number }).n).toBe(0);
  });
});
