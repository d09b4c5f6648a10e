import type { ZodType } from 'zod';
import { areas } from '../../src/server/modules.ts';

// Every response an integration test receives is checked against the schema its route declares
// for that status (the same zod schemas the OpenAPI document and the browser use). A response
// that does not match fails the test that received it.

interface RouteShape {
  method: string;
  pattern: RegExp;
  params: number;
  path: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

const routes: RouteShape[] = areas.flatMap((area) => area.routes.openAPIRegistry.definitions.flatMap((d) => {
  if (d.type !== 'route') return [];
  const path = d.route.path;
  const pattern = new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);
  return [{ method: d.route.method.toUpperCase(), pattern, params: (path.match(/\{/g) ?? []).length, path, responses: d.route.responses as RouteShape['responses'] }];
}));

function isZod(schema: unknown): schema is ZodType {
  return typeof schema === 'object' && schema !== null && typeof (schema as { safeParse?: unknown }).safeParse === 'function';
}

/** Throws when `body` does not match the schema the route declares for `status`; routes or statuses without a JSON schema pass. */
export function responseCheck(method: string, url: string, status: number, contentType: string | null, body: unknown): void {
  if (!url.startsWith('/api/') || !contentType?.includes('application/json')) return;
  const path = url.slice(4).split('?')[0]!;
  const candidates = routes.filter((r) => r.method === method.toUpperCase() && r.pattern.test(path)).sort((a, b) => a.params - b.params);
  const route = candidates[0];
  if (!route) return;
  const schema = route.responses[String(status)]?.content?.['application/json']?.schema;
  if (!isZod(schema)) return;
  const result = schema.safeParse(body);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new Error(`response of ${method} ${route.path} (${status}) does not match its declared schema: ${issues}`);
  }
}
