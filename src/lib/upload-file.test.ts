import { describe, expect, it } from 'vitest';
import { UPLOAD_KINDS, uploadCheck, uploadDisposition, uploadKindLabel, uploadResponse, uploadSafeName } from './upload-file.ts';

// The one checker of uploaded files: kinds by leading bytes AND extension, a safe name, the download's headers.

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
const text = (s: string) => new TextEncoder().encode(s);

describe('uploadCheck', () => {
  it('accepts a file whose name and leading bytes are of one allowed kind, with the type decided by the server', () => {
    expect(uploadCheck('Certificaat.PDF', PDF, 100)).toEqual({ ok: true, name: 'Certificaat.PDF', type: 'application/pdf' });
    expect(uploadCheck('foto.png', PNG, 100)).toEqual({ ok: true, name: 'foto.png', type: 'image/png' });
    expect(uploadCheck('lijst.csv', text('naam;uren\nJosé;2,5\n'), 100)).toMatchObject({ ok: true, type: 'text/csv' });
  });

  it('refuses by reason: no usable name, empty, over the given limit, or another kind than the name says', () => {
    expect(uploadCheck('zonder-extensie', PDF, 100)).toEqual({ ok: false, reason: 'NAME' });
    expect(uploadCheck('../', PDF, 100)).toEqual({ ok: false, reason: 'NAME' });
    expect(uploadCheck('leeg.pdf', new Uint8Array(), 100)).toEqual({ ok: false, reason: 'EMPTY' });
    expect(uploadCheck('groot.pdf', PDF, PDF.length - 1)).toEqual({ ok: false, reason: 'TOO_LARGE' });
    expect(uploadCheck('groot.pdf', PDF, PDF.length)).toMatchObject({ ok: true });
    expect(uploadCheck('foto.png', PDF, 100)).toEqual({ ok: false, reason: 'TYPE' });
    expect(uploadCheck('pagina.html', text('<html></html>'), 100)).toEqual({ ok: false, reason: 'TYPE' });
    expect(uploadCheck('logo.svg', text('<svg/>'), 100)).toEqual({ ok: false, reason: 'TYPE' });
    expect(uploadCheck('notitie.txt', text('  <script>alert(1)</script>'), 100)).toEqual({ ok: false, reason: 'TYPE' });
    expect(uploadCheck('notitie.txt', new Uint8Array([0xc3, 0x28]), 100)).toEqual({ ok: false, reason: 'TYPE' });
  });

  it('never allows a kind a browser would run or render as a page', () => {
    const types = UPLOAD_KINDS.map((k) => k.type);
    for (const t of ['text/html', 'image/svg+xml', 'application/javascript', 'application/xhtml+xml']) expect(types).not.toContain(t);
    expect(uploadKindLabel('application/pdf')).toBe('PDF');
    expect(uploadKindLabel('application/x-onbekend')).toBe('application/x-onbekend');
  });
});

describe('a safe name and the download', () => {
  it('keeps only the last path segment, without control or reserved characters or leading dots, at most 200 characters with the extension', () => {
    expect(uploadSafeName('C:\\map\\..\\"Verslag"\r\nX: één?.pdf')).toBe('Verslag X één.pdf');
    expect(uploadSafeName('...verborgen.pdf')).toBe('verborgen.pdf');
    const long = uploadSafeName(`${'a'.repeat(500)}.xlsx`);
    expect(long).toHaveLength(200);
    expect(long.endsWith('.xlsx')).toBe(true);
  });

  it('is always offered as an attachment with an ASCII fallback, the UTF-8 name, nosniff, a sandbox and no caching', async () => {
    expect(uploadDisposition('één (1).pdf')).toBe(`attachment; filename="een _1_.pdf"; filename*=UTF-8''%C3%A9%C3%A9n%20%281%29.pdf`);
    const res = uploadResponse({ name: 'bewijs.pdf', type: 'application/pdf', bytes: PDF });
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'application/pdf', 'content-length': String(PDF.length), 'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox", 'cache-control': 'private, no-store',
    });
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });
});
