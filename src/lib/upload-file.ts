// The one checker of uploaded files, for every area that keeps files (an example's attachments, the
// evidence of a record activity): an allow-list of kinds checked by the file's leading bytes AND its
// name's extension (never by what the browser claims), the safe name a file is stored and offered
// under, and the headers of a download (always an attachment, never rendered). Pure; the limits of
// size and count per use stay in each area's rules.

/** At most this many characters in a stored file name. */
export const UPLOAD_NAME_MAX = 200;

export interface UploadKind {
  /** Extensions (lower case, without the dot) a file of this kind may have. */
  extensions: readonly string[];
  /** The media type it is stored and served with. */
  type: string;
  /** Whether the leading bytes are of this kind. */
  matches: (bytes: Uint8Array) => boolean;
}

const startsWith = (bytes: Uint8Array, ...sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
const zip = (bytes: Uint8Array) => startsWith(bytes, 0x50, 0x4b, 0x03, 0x04);
/** The bytes as latin-1 text, for looking up names in a zip's local headers and central directory. */
const latin1 = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);
/** An Office Open XML package (docx, xlsx, pptx): a zip holding [Content_Types].xml and the part of its kind, no macros. */
const ooxml = (part: string) => (bytes: Uint8Array) => {
  if (!zip(bytes)) return false;
  const s = latin1(bytes);
  return s.includes('[Content_Types].xml') && s.includes(part) && !s.includes('vbaProject.bin');
};
/** An OpenDocument file: a zip whose first entry is `mimetype` with the document's media type. */
const odf = (type: string) => (bytes: Uint8Array) => zip(bytes) && ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 38 + type.length) === type;

/**
 * Plain text (CSV, TXT): valid UTF-8 without NUL or other control bytes (tab, line breaks and
 * form feed excepted), and nothing that a browser would take for markup or a script.
 */
export function uploadPlainText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  if (/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text)) return false;
  const start = text.replace(/^\uFEFF/, '').trimStart().slice(0, 64).toLowerCase();
  if (start.startsWith('<') || start.startsWith('#!')) return false;
  return !/<\s*(script|html|svg|iframe|object|embed)\b|javascript:/i.test(text);
}

/** The allowed kinds: PDF, images (no SVG), office documents without macros, OpenDocument, CSV and plain text. */
export const UPLOAD_KINDS: readonly UploadKind[] = [
  { extensions: ['pdf'], type: 'application/pdf', matches: (b) => ascii(b, 0, 5) === '%PDF-' },
  { extensions: ['png'], type: 'image/png', matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  { extensions: ['jpg', 'jpeg'], type: 'image/jpeg', matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  { extensions: ['gif'], type: 'image/gif', matches: (b) => ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a' },
  { extensions: ['webp'], type: 'image/webp', matches: (b) => ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP' },
  { extensions: ['docx'], type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: ooxml('word/') },
  { extensions: ['xlsx'], type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: ooxml('xl/') },
  { extensions: ['pptx'], type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: ooxml('ppt/') },
  { extensions: ['odt'], type: 'application/vnd.oasis.opendocument.text', matches: odf('application/vnd.oasis.opendocument.text') },
  { extensions: ['ods'], type: 'application/vnd.oasis.opendocument.spreadsheet', matches: odf('application/vnd.oasis.opendocument.spreadsheet') },
  { extensions: ['odp'], type: 'application/vnd.oasis.opendocument.presentation', matches: odf('application/vnd.oasis.opendocument.presentation') },
  { extensions: ['csv'], type: 'text/csv', matches: uploadPlainText },
  { extensions: ['txt'], type: 'text/plain', matches: uploadPlainText },
];

/** The extensions on the allow-list, for the file chooser and the error message. */
export const UPLOAD_EXTENSIONS = UPLOAD_KINDS.flatMap((k) => k.extensions);

/** A short label of a stored media type ("PDF", "XLSX"), for lists. */
export function uploadKindLabel(type: string): string {
  return UPLOAD_KINDS.find((k) => k.type === type)?.extensions[0]?.toUpperCase() ?? type;
}

/**
 * A file name made safe to store and to offer on download: the last path segment only, no control
 * characters, quotes, slashes or characters Windows refuses, no leading dots, at most 200 characters
 * (the extension kept). Empty when nothing usable is left.
 */
export function uploadSafeName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  let name = last.normalize('NFC').replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ').replace(/["*:<>?|\u202A-\u202E\u2066-\u2069]/g, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  if (name.length > UPLOAD_NAME_MAX) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, UPLOAD_NAME_MAX - ext.length).trimEnd() + ext;
  }
  return name;
}

/** Why a file is refused; each area turns it into its own translated error code. */
export type UploadRefusal = 'NAME' | 'EMPTY' | 'TOO_LARGE' | 'TYPE';
export type UploadCheck = { ok: true; name: string; type: string } | { ok: false; reason: UploadRefusal };

/** Whether a file may be kept: a usable name, not empty, at most `maxBytes`, and its name and leading bytes of one allowed kind. */
export function uploadCheck(rawName: string, bytes: Uint8Array, maxBytes: number): UploadCheck {
  const name = uploadSafeName(rawName);
  const dot = name.lastIndexOf('.');
  if (!name || dot <= 0) return { ok: false, reason: 'NAME' };
  if (bytes.length === 0) return { ok: false, reason: 'EMPTY' };
  if (bytes.length > maxBytes) return { ok: false, reason: 'TOO_LARGE' };
  const ext = name.slice(dot + 1).toLowerCase();
  const kind = UPLOAD_KINDS.find((k) => k.extensions.includes(ext));
  if (!kind || !kind.matches(bytes)) return { ok: false, reason: 'TYPE' };
  return { ok: true, name, type: kind.type };
}

/** The Content-Disposition of a download: always an attachment, with an ASCII fallback name and the UTF-8 name (RFC 6266 / 8187). */
export function uploadDisposition(name: string): string {
  const fallback = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]/g, '_').replace(/^[._ ]+/, '') || 'bestand';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** A stored file as offered for download. */
export interface UploadDownload { name: string; type: string; bytes: Uint8Array }

/**
 * The response of a download: the stored type, a safe name as an attachment, nosniff, a sandbox
 * CSP (should it ever be opened in place) and no caching, so a file is never rendered by the app's origin.
 */
export function uploadResponse(file: UploadDownload): Response {
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': file.type, 'Content-Length': String(file.bytes.length), 'Content-Disposition': uploadDisposition(file.name),
      'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': "default-src 'none'; sandbox", 'Cache-Control': 'private, no-store',
    },
  });
}
