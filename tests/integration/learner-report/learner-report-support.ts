import { inflateSync } from 'node:zlib';
import type { Harness } from '../../support/harness.ts';
import { PASSWORD } from '../../support/factories.ts';

// Raw HTTP for learner-report tests: binary bodies (PDFs) and text extraction from pdfkit output.

export interface RawResponse {
  status: number;
  bytes: Buffer;
  text: string;
  json: any;
  headers: Headers;
}

export interface RawClient {
  personId: string;
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<RawResponse>;
}

export async function rawLogin(h: Harness, email: string, personId: string): Promise<RawClient> {
  const login = await fetch(`${h.baseUrl}/api/auth/login`, {
    method: 'POST', headers: { origin: h.baseUrl, 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((l) => l.split(';')[0]).join('; ');
  return {
    personId,
    async request(method, url, body, headers = {}) {
      const res = await fetch(`${h.baseUrl}${url}`, {
        method,
        headers: { origin: h.baseUrl, cookie, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      const type = res.headers.get('content-type') ?? '';
      const text = type.includes('pdf') ? pdfText(bytes) : bytes.toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, bytes, text, json, headers: res.headers };
    },
  };
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
      continue; // fonts, images: not page content
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[\s\-0-9.])*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((x) => Buffer.from(x[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}
