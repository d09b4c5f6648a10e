import { z } from 'zod';

// The one way the browser talks to the API: same-origin JSON with the session cookie.
// Errors become ApiError with the server's (already translated) message and field issues.
// A response is parsed with the zod schema the server declares for it (from the domain's
// schema.ts), never cast: one that does not match becomes ApiError RESPONSE_INVALID.

export interface FieldIssue {
  path: string;
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldIssue[] = [],
    readonly body: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

// The error envelope of every failed request (src/server/error-handler.ts).
const errorBodySchema = z.object({
  error: z.object({
    code: z.string().optional(),
    message: z.string().optional(),
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
  }),
});

/** Sends one request; resolves with the parsed JSON body of a 2xx answer, throws ApiError otherwise. */
export async function apiRequest(method: string, url: string, body?: unknown): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`/api${url}`, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '');
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!response.ok) {
    const error = errorBodySchema.safeParse(parsed).data?.error;
    throw new ApiError(response.status, error?.code ?? 'HTTP_ERROR', error?.message ?? '', error?.fields ?? [], parsed);
  }
  return parsed;
}

/** Checks a response against its schema; a mismatch is a clear error, not a crash somewhere later. */
export function responseParse<S extends z.ZodType>(schema: S, data: unknown, where: string): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  console.error(`Unexpected response from ${where}`, issues);
  throw new ApiError(200, 'RESPONSE_INVALID', '', [], { where, issues });
}

function call<S extends z.ZodType>(method: string, url: string, body: unknown, schema: S | undefined): Promise<z.output<S> | void> {
  return apiRequest(method, url, body).then((data) => (schema ? responseParse(schema, data, `${method} ${url}`) : undefined));
}

type Get = <S extends z.ZodType>(url: string, schema: S) => Promise<z.output<S>>;
interface Send {
  /** With the response's schema: resolves with the parsed answer. */
  <S extends z.ZodType>(url: string, body: unknown, schema: S): Promise<z.output<S>>;
  /** Without: the answer (`{ ok: true }` and the like) is not used. */
  (url: string, body?: unknown): Promise<void>;
}
interface Delete {
  <S extends z.ZodType>(url: string, schema: S): Promise<z.output<S>>;
  (url: string): Promise<void>;
}

export const api: { get: Get; post: Send; patch: Send; put: Send; delete: Delete } = {
  get: (url, schema) => call('GET', url, undefined, schema) as never,
  post: ((url: string, body?: unknown, schema?: z.ZodType) => call('POST', url, body ?? {}, schema)) as Send,
  patch: ((url: string, body?: unknown, schema?: z.ZodType) => call('PATCH', url, body, schema)) as Send,
  put: ((url: string, body?: unknown, schema?: z.ZodType) => call('PUT', url, body, schema)) as Send,
  delete: ((url: string, schema?: z.ZodType) => call('DELETE', url, undefined, schema)) as Delete,
};
