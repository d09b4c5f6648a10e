import type { MiddlewareHandler } from 'hono';
import type { Deps } from '../domain/foundation/auth/types.ts';
import { changeCacheCreate, changeListenerFor, type ChangeCache } from '../db/change-listener.ts';
import type { AppEnv } from './context.ts';

// The main authenticated reads that a whole school opens at once (the editions of a network, an
// edition's registrations) are answered from memory after the first time, per person: the JSON
// body of a 200 answer is kept until a table it was read from changes. Every app server hears of
// every write to those tables on commit (kp_change notifications, see src/db/change-listener.ts);
// a write through this server also empties the cache when its request ends. Bodies live at most
// READ_CACHE_TTL_MS and only while the notifications arrive.

const READ_CACHE_TTL_MS = 10_000;
/** Who may read what (roles) and the names the reads show. */
const ACCESS = ['networks', 'memberships', 'people', 'institutions'] as const;

export interface CachedRead {
  pattern: RegExp;
  /** Every table the answer is read from (besides ACCESS). */
  tables: readonly string[];
}

export const cachedReads: CachedRead[] = [
  { pattern: /^\/api\/networks\/[0-9a-f-]{36}\/editions$/, tables: ['editions', 'edition_institutions', 'registrations'] },
  { pattern: /^\/api\/networks\/[0-9a-f-]{36}\/editions\/[0-9a-f-]{36}\/registrations$/, tables: ['editions', 'edition_institutions', 'registrations', 'timetable_blocks'] },
];

export function readCacheCreate(deps: Deps, reads: CachedRead[] = cachedReads): { cache: ChangeCache<Uint8Array<ArrayBuffer>>; middleware: MiddlewareHandler<AppEnv> } {
  const cache = changeCacheCreate<Uint8Array<ArrayBuffer>>(changeListenerFor(deps.db, deps.log), { ttlMs: READ_CACHE_TTL_MS, maxEntries: 5_000 });
  const tablesOf = reads.map((r) => [...ACCESS, ...r.tables]);
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    const actor = c.get('actor');
    if (c.req.method !== 'GET' || !actor) return next();
    const path = c.req.path;
    const index = reads.findIndex((r) => r.pattern.test(path));
    if (index < 0) return next();
    const query = c.req.url.indexOf('?');
    const key = `${actor.personId} ${c.get('locale')} ${path}${query < 0 ? '' : c.req.url.slice(query)}`;
    const hit = cache.get(key);
    if (hit !== undefined) return c.body(hit, 200, { 'content-type': 'application/json' });
    const generation = cache.generation();
    await next();
    const res = c.res;
    if (res.status !== 200 || res.headers.has('set-cookie') || !res.headers.get('content-type')?.startsWith('application/json')) return;
    // Kept as bytes: a hit is written out without encoding the text again.
    const bytes = new Uint8Array(await res.arrayBuffer());
    c.res = new Response(bytes, { status: res.status, headers: res.headers });
    cache.set(key, bytes, generation, { personId: actor.personId, tables: tablesOf[index] });
  };
  return { cache, middleware };
}
