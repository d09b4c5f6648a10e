import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { harnessStart, type ApiClient, type Harness } from '../../support/harness.ts';
import { makeNetwork, makePerson, PASSWORD } from '../../support/factories.ts';
import { PDF_BYTES, makeExample } from './example-support.ts';

// An example's files: a coordinator uploads them (checked by their leading bytes and their name,
// at most 10 MB and 10 per example), every reader of the example downloads them as an attachment
// (with a safe name and nosniff), a published example's files are public and in the feed, and no
// bad upload or id gives a server error.

let h: Harness;
let nid: string;
let otherNid: string;
let coordinator: ApiClient;
let teacher: ApiClient;
let stranger: ApiClient;
let english: ApiClient;
const anonymous = () => h.client();

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from([0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0xff, 0x80, 0x00])]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xc3, 0xa9]);
const DOCX = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from('....[Content_Types].xml....word/document.xml....', 'latin1')]);
const MACRO_DOCX = Buffer.concat([DOCX, Buffer.from('word/vbaProject.bin', 'latin1')]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64, 0x90), Buffer.from('This program cannot be run in DOS mode.')]);
const CSV = Buffer.from('naam;school;uren\nAnna de Vries;Ludger College;8\nJosé Peters;ROC;6,5\n', 'utf8');

const upload = (c: ApiClient, exampleId: string, name: string | null, bytes: Uint8Array, network = nid, headers: Record<string, string> = {}) =>
  c.request('POST', `/api/networks/${network}/examples/${exampleId}/attachments${name === null ? '' : `?name=${encodeURIComponent(name)}`}`, bytes, { 'content-type': 'application/octet-stream', ...headers });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

beforeAll(async () => {
  h = await harnessStart();
  nid = (await makeNetwork(h.deps.db, 'Netwerk Bijlagen')).id;
  otherNid = (await makeNetwork(h.deps.db, 'Ander netwerk')).id;
  const c = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  coordinator = h.client();
  await coordinator.login(c.email, PASSWORD);
  const t = await makePerson(h.deps.db, nid, 'teacher', null);
  teacher = h.client();
  await teacher.login(t.email, PASSWORD);
  const en = await makePerson(h.deps.db, nid, 'network_coordinator', null);
  await h.deps.db.execute(sql`update people set locale = 'en' where id = ${en.id}`);
  english = h.client();
  await english.login(en.email, PASSWORD);
  const s = await makePerson(h.deps.db, otherNid, 'network_coordinator', null);
  stranger = h.client();
  await stranger.login(s.email, PASSWORD);
});

afterAll(async () => {
  await h?.stop();
});

describe("an example's files", () => {
  it('are uploaded by a coordinator, listed with name, type and size, and downloaded by a member as an attachment', async () => {
    const example = await makeExample(h, nid);
    const res = await upload(coordinator, example.id, 'Draaiboek week.pdf', PDF_BYTES, nid, { 'content-type': 'text/html' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Draaiboek week.pdf', type: 'application/pdf', size: PDF_BYTES.length });
    for (const [name, bytes, type] of [['foto.png', PNG, 'image/png'], ['foto.JPEG', JPEG, 'image/jpeg'], ['verslag.docx', DOCX, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'], ['deelnemers.csv', CSV, 'text/csv']] as const) {
      const r = await upload(coordinator, example.id, name, bytes);
      expect(r.status, `${name}: ${JSON.stringify(r.body)}`).toBe(201);
      expect(r.body.type).toBe(type);
    }
    const read = await teacher.request('GET', `/api/networks/${nid}/examples/${example.id}`);
    expect(read.body.attachments.map((a: { name: string }) => a.name)).toEqual(['Draaiboek week.pdf', 'foto.png', 'foto.JPEG', 'verslag.docx', 'deelnemers.csv']);
    const png = read.body.attachments[1];
    const file = await teacher.download(`/api/networks/${nid}/examples/${example.id}/attachments/${png.id}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/png');
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="foto.png"; filename*=UTF-8''foto.png`);
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect((await bytesOf(file)).equals(PNG)).toBe(true);
    const pdf = await teacher.download(`/api/networks/${nid}/examples/${example.id}/attachments/${res.body.id}`);
    expect(pdf.headers.get('content-disposition')).toBe(`attachment; filename="Draaiboek week.pdf"; filename*=UTF-8''Draaiboek%20week.pdf`);
    expect((await bytesOf(pdf)).equals(PDF_BYTES)).toBe(true);
  });

  it('refuses empty, too large, unlisted or disguised files and unusable names with a translated message, never a server error', async () => {
    const example = await makeExample(h, nid);
    const refused: [string | null, Uint8Array, number, string][] = [
      ['leeg.pdf', Buffer.alloc(0), 400, 'EXAMPLE_ATTACHMENT_EMPTY'],
      ['groot.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024)]), 413, 'PAYLOAD_TOO_LARGE'],
      ['programma.exe', EXE, 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['programma.pdf', EXE, 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['echt.exe', PDF_BYTES, 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['pagina.html', Buffer.from('<!doctype html><script>alert(1)</script>'), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['pagina.txt', Buffer.from('  <html><body><script>alert(1)</script></body></html>'), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['lijst.csv', Buffer.from('a;b\n1;<script>alert(1)</script>\n'), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['macro.docx', MACRO_DOCX, 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['binair.txt', Buffer.from([0x41, 0x00, 0x42]), 400, 'EXAMPLE_ATTACHMENT_TYPE'],
      ['zonder-extensie', PDF_BYTES, 400, 'EXAMPLE_ATTACHMENT_NAME'],
      ['...', PDF_BYTES, 400, 'EXAMPLE_ATTACHMENT_NAME'],
      ['map/', PDF_BYTES, 400, 'EXAMPLE_ATTACHMENT_NAME'],
      [null, PDF_BYTES, 400, 'VALIDATION_FAILED'],
    ];
    for (const [name, bytes, status, code] of refused) {
      const res = await upload(coordinator, example.id, name, bytes);
      expect(res.status, `${name}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(status);
      expect(res.body.error.code, String(name)).toBe(code);
      expect(res.body.error.message, String(name)).not.toBe('');
    }
    const dutch = await upload(coordinator, example.id, 'programma.pdf', EXE);
    expect(dutch.body.error.message).toContain('Dit soort bestand kan geen bijlage zijn');
    const inEnglish = await upload(english, example.id, 'programma.pdf', EXE);
    expect(inEnglish.body.error.message).toContain('This kind of file cannot be an attachment');
    expect((await upload(english, example.id, 'leeg.pdf', Buffer.alloc(0))).body.error.message).toBe('The file is empty.');
    const exactly = await upload(coordinator, example.id, 'precies.pdf', Buffer.concat([PDF_BYTES, Buffer.alloc(10 * 1024 * 1024 - PDF_BYTES.length)]));
    expect(exactly.status, JSON.stringify(exactly.body).slice(0, 200)).toBe(201);
    expect(exactly.body.size).toBe(10 * 1024 * 1024);
    const n = await h.deps.db.execute(sql`select count(*)::int as n from example_attachments where example_id = ${example.id}`);
    expect((n.rows[0] as { n: number }).n).toBe(1);
  });

  it('stores a safe name, and offers it with an ASCII fallback and the UTF-8 name', async () => {
    const example = await makeExample(h, nid);
    const res = await upload(coordinator, example.id, '../../etc/"Verslag"\r\nX-Evil: 1 één.pdf', PDF_BYTES);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.name).toBe('Verslag X-Evil 1 één.pdf');
    const file = await teacher.download(`/api/networks/${nid}/examples/${example.id}/attachments/${res.body.id}`);
    expect(file.headers.get('content-disposition')).toBe(`attachment; filename="Verslag X-Evil 1 een.pdf"; filename*=UTF-8''Verslag%20X-Evil%201%20%C3%A9%C3%A9n.pdf`);
    expect(file.headers.get('x-evil')).toBeNull();
  });

  it('holds at most 10 files per example', async () => {
    const example = await makeExample(h, nid);
    for (let i = 1; i <= 10; i++) expect((await upload(coordinator, example.id, `deel-${i}.pdf`, PDF_BYTES)).status).toBe(201);
    const eleventh = await upload(coordinator, example.id, 'deel-11.pdf', PDF_BYTES);
    expect(eleventh.status).toBe(409);
    expect(eleventh.body.error.code).toBe('EXAMPLE_ATTACHMENT_LIMIT');
    expect(eleventh.body.error.message).toContain('maximale aantal bijlagen');
  });

  it('keeps files to readers of the example: drafts to coordinators, network examples to the network, public ones to everyone and in the feed', async () => {
    const draft = await makeExample(h, nid, { visibility: 'draft' });
    const shared = await makeExample(h, nid, { visibility: 'network', title: 'Alleen in het netwerk' });
    const published = await makeExample(h, nid, { visibility: 'public', title: 'Openbaar met bijlage' });
    const d = (await upload(coordinator, draft.id, 'concept.pdf', PDF_BYTES)).body;
    const s = (await upload(coordinator, shared.id, 'netwerk.pdf', PDF_BYTES)).body;
    const p = (await upload(coordinator, published.id, 'Openbaar draaiboek.pdf', PDF_BYTES)).body;
    expect((await teacher.download(`/api/networks/${nid}/examples/${draft.id}/attachments/${d.id}`)).status).toBe(404);
    expect((await coordinator.download(`/api/networks/${nid}/examples/${draft.id}/attachments/${d.id}`)).status).toBe(200);
    // another network: its coordinator finds neither the example nor the file, through either network
    expect((await stranger.download(`/api/networks/${otherNid}/examples/${shared.id}/attachments/${s.id}`)).status).toBe(404);
    expect((await stranger.download(`/api/networks/${nid}/examples/${shared.id}/attachments/${s.id}`)).status).toBe(404);
    expect((await stranger.request('DELETE', `/api/networks/${otherNid}/examples/${shared.id}/attachments/${s.id}`)).status).toBe(404);
    expect((await upload(stranger, shared.id, 'indringer.pdf', PDF_BYTES, otherNid)).status).toBe(404);
    // a file of one example is not found under another
    expect((await teacher.download(`/api/networks/${nid}/examples/${published.id}/attachments/${s.id}`)).status).toBe(404);
    // the public route: only files of published examples
    const open = await anonymous().download(`/api/public/examples/${published.slug}/attachments/${p.id}`);
    expect(open.status).toBe(200);
    expect(open.headers.get('content-disposition')).toContain('attachment;');
    expect(open.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await bytesOf(open)).equals(PDF_BYTES)).toBe(true);
    expect((await anonymous().download(`/api/public/examples/${shared.slug}/attachments/${s.id}`)).status).toBe(404);
    expect((await anonymous().download(`/api/public/examples/${published.slug}/attachments/${s.id}`)).status).toBe(404);
    expect((await anonymous().download(`/api/public/examples/${published.slug}/attachments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await anonymous().download(`/api/public/examples/${published.slug}/attachments/niet-een-id`)).status).toBe(400);
    expect((await anonymous().request('GET', `/api/public/examples/${published.slug}`)).body.attachments).toEqual([expect.objectContaining({ name: 'Openbaar draaiboek.pdf', type: 'application/pdf' })]);
    const feed = await (await anonymous().download('/api/public/examples.atom')).text();
    expect(feed).toContain(`<link rel="enclosure" type="application/pdf" length="${PDF_BYTES.length}" title="Openbaar draaiboek.pdf" href="`);
    expect(feed).toContain(`/api/public/examples/${published.slug}/attachments/${p.id}"/>`);
    expect(feed).not.toContain('netwerk.pdf');
  });

  it('removes a file after a coordinator asks, and all files with their example', async () => {
    const example = await makeExample(h, nid);
    const a = (await upload(coordinator, example.id, 'a.pdf', PDF_BYTES)).body;
    await upload(coordinator, example.id, 'b.pdf', PDF_BYTES);
    expect((await teacher.request('DELETE', `/api/networks/${nid}/examples/${example.id}/attachments/${a.id}`)).status).toBe(403);
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/examples/${example.id}/attachments/${a.id}`)).status).toBe(200);
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/examples/${example.id}/attachments/${a.id}`)).status).toBe(404);
    expect((await coordinator.download(`/api/networks/${nid}/examples/${example.id}/attachments/${a.id}`)).status).toBe(404);
    expect((await coordinator.request('DELETE', `/api/networks/${nid}/examples/${example.id}`)).status).toBe(200);
    const left = await h.deps.db.execute(sql`select count(*)::int as n from example_attachments where example_id = ${example.id}`);
    expect((left.rows[0] as { n: number }).n).toBe(0);
    expect((await upload(coordinator, example.id, 'c.pdf', PDF_BYTES)).status).toBe(404);
  });
});
