import pg from 'pg';
import type { Db } from './client.ts';
import type { Logger } from '../lib/logger.ts';

// Change notification between app servers: PostgreSQL LISTEN/NOTIFY. A writer calls
// `select pg_notify(channel, payload)` inside its transaction (delivered on commit, to every
// server); each process keeps ONE dedicated connection per database pool that listens, hands
// payloads to local subscribers, and reconnects (with back-off) when the connection dies. State
// never lives here: a subscriber that missed something re-reads the database.

type Handler = (payload: string) => void;

export interface ChangeListener {
  /** Calls `handler` for every notification on `channel`; returns the unsubscribe function. */
  subscribe(channel: string, handler: Handler): () => void;
  /** Resolves once the LISTEN connection is up (subscribers may miss nothing after this). */
  ready(): Promise<void>;
  /** Whether the LISTEN connection is up right now (a cache may trust notifications only then). */
  live(): boolean;
  /**
   * Resolves once this process has heard every change committed before the call: it sends a
   * marker and waits for it to come back (notifications arrive in commit order), at most
   * `timeoutMs`. A writer that awaits it before answering answers only after the database has
   * told every server of its change.
   */
  fence(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;
const FENCE_CHANNEL = 'kp_fence';

function listenerCreate(pool: pg.Pool, log: Logger): ChangeListener {
  const handlers = new Map<string, Set<Handler>>();
  const fences = new Map<string, () => void>();
  let fenceCount = 0;
  const fencePrefix = `${process.pid.toString(36)}-${Math.random().toString(36).slice(2, 8)}-`;
  handlers.set(FENCE_CHANNEL, new Set([(payload: string) => {
    if (!payload) {
      // reconnected: nothing older can still be on its way
      for (const resolve of fences.values()) resolve();
      return;
    }
    fences.get(payload)?.();
  }]));
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;
  let retryMs = 250;
  let readyResolve: () => void = () => undefined;
  let readyPromise = new Promise<void>((resolve) => { readyResolve = resolve; });
  // A pool that was ended (its server stopped) takes the listener with it.
  const watch = setInterval(() => {
    if ((pool as unknown as { ending?: boolean }).ending) void api.close();
  }, 2000);
  watch.unref();

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ ...(pool as unknown as { options: pg.ClientConfig }).options, keepAlive: true });
    next.on('error', (error) => {
      log.warn({ err: error }, 'change listener connection lost; reconnecting');
      drop(next);
    });
    next.on('end', () => drop(next));
    next.on('notification', (message) => {
      for (const handler of handlers.get(message.channel) ?? []) {
        try {
          handler(message.payload ?? '');
        } catch (error) {
          log.error({ err: error }, 'change subscriber failed');
        }
      }
    });
    try {
      await next.connect();
      for (const channel of handlers.keys()) await next.query(`listen ${channel}`);
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      retryMs = 250;
      readyResolve();
      // Reconnected: tell subscribers that they may have missed something.
      for (const [, set] of handlers) for (const handler of set) handler('');
    } catch (error) {
      log.warn({ err: error }, 'change listener could not connect; retrying');
      await next.end().catch(() => undefined);
      scheduleReconnect();
    }
  }

  function drop(which: pg.Client) {
    if (client !== which) return;
    client = null;
    readyPromise = new Promise<void>((resolve) => { readyResolve = resolve; });
    void which.end().catch(() => undefined);
    scheduleReconnect();
  }

  function scheduleReconnect() {
    if (closed) return;
    const timer = setTimeout(() => { connecting = connect().finally(() => { connecting = null; }); }, retryMs);
    timer.unref();
    retryMs = Math.min(retryMs * 2, 5000);
  }

  const api: ChangeListener = {
    subscribe(channel, handler) {
      if (!CHANNEL_PATTERN.test(channel)) throw new Error(`invalid channel ${channel}`);
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        if (client) void client.query(`listen ${channel}`).catch((error) => log.warn({ err: error }, 'listen failed'));
      }
      set.add(handler);
      if (!client && !connecting && !closed) connecting = connect().finally(() => { connecting = null; });
      return () => { set.delete(handler); };
    },
    ready: () => readyPromise,
    live: () => client !== null && !closed,
    async fence(timeoutMs = 1000) {
      if (!client || closed) return;
      const token = fencePrefix + (++fenceCount).toString(36);
      let timer: NodeJS.Timeout | undefined;
      const heard = new Promise<void>((resolve) => {
        fences.set(token, resolve);
        timer = setTimeout(resolve, timeoutMs);
        timer.unref();
      });
      try {
        await pool.query('select pg_notify($1, $2)', [FENCE_CHANNEL, token]);
        await heard;
      } catch (error) {
        log.warn({ err: error }, 'change fence failed');
      } finally {
        clearTimeout(timer);
        fences.delete(token);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(watch);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
  return api;
}

const listeners = new WeakMap<object, ChangeListener>();

/** This process's listener for the database behind `db` (one dedicated connection per pool). */
export function changeListenerFor(db: Db, log: Logger): ChangeListener {
  const pool = (db as unknown as { $client: pg.Pool }).$client;
  let listener = listeners.get(pool);
  if (!listener) {
    listener = listenerCreate(pool, log);
    listeners.set(pool, listener);
  }
  return listener;
}

// ---------------------------------------------------------------------------------------------
// Caches kept fresh by the database: triggers (migration notify_cache_changes) send NOTIFY
// kp_change on commit for every write to the tables behind sessions and the main reads, with the
// table name, or `table:personId` for sessions, people and memberships.

export const CHANGE_CHANNEL = 'kp_change';

/** One change as the triggers report it; `null` means "anything may have changed" (the listener reconnected). */
export interface TableChange { table: string; personId: string | undefined }

export function tableChangeParse(payload: string): TableChange | null {
  if (!payload) return null;
  const at = payload.indexOf(':');
  return at < 0 ? { table: payload, personId: undefined } : { table: payload.slice(0, at), personId: payload.slice(at + 1) };
}

/**
 * An in-process cache that drops what a change makes stale. It is trusted only while this
 * process's LISTEN connection is up and for at most `ttlMs` (a bound in case a notification is
 * lost); a read that started before an invalidation is not stored (generations), so a value
 * read concurrently with a change never outlives it.
 */
export interface ChangeCache<V> {
  get(key: string): V | undefined;
  /** The generation to pass to `set` for a value read from now on. */
  generation(): number;
  set(key: string, value: V, generation: number, tags: { personId?: string; tables?: readonly string[] }): void;
  delete(key: string): void;
  /** Drops every value of this person, or everything. */
  dropPerson(personId: string): void;
  clear(): void;
  readonly size: number;
}

interface Entry<V> { value: V; at: number; personId: string | undefined; tables: readonly string[] | undefined }

export function changeCacheCreate<V>(listener: ChangeListener, options: {
  ttlMs: number;
  maxEntries: number;
  /** Tables whose any change drops every value (besides the person-tagged ones and each value's own tables). */
  dropAllOn?: readonly string[];
  /** Tables whose person-tagged change drops that person's values. */
  personTables?: readonly string[];
}): ChangeCache<V> {
  const entries = new Map<string, Entry<V>>();
  const byPerson = new Map<string, Set<string>>();
  let gen = 0;
  const dropAllOn = new Set(options.dropAllOn ?? []);
  const personTables = new Set(options.personTables ?? []);

  const remove = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    if (e.personId) byPerson.get(e.personId)?.delete(key);
  };
  const clear = () => {
    gen++;
    entries.clear();
    byPerson.clear();
  };
  const dropPerson = (personId: string) => {
    gen++;
    for (const key of byPerson.get(personId) ?? []) entries.delete(key);
    byPerson.delete(personId);
  };
  listener.subscribe(CHANGE_CHANNEL, (payload) => {
    const change = tableChangeParse(payload);
    // '' = the listener (re)connected: whatever happened while it was down was not heard.
    if (!change || dropAllOn.has(change.table)) return clear();
    if (change.personId && personTables.has(change.table)) dropPerson(change.personId);
    let dropped = false;
    for (const [key, e] of entries) {
      if (e.tables?.includes(change.table)) {
        remove(key);
        dropped = true;
      }
    }
    if (dropped) gen++;
  });

  return {
    get(key) {
      const e = entries.get(key);
      if (!e) return undefined;
      if (!listener.live() || performance.now() - e.at > options.ttlMs) {
        remove(key);
        return undefined;
      }
      return e.value;
    },
    generation: () => gen,
    set(key, value, generation, tags) {
      if (generation !== gen || !listener.live()) return;
      if (entries.size >= options.maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest !== undefined) remove(oldest);
      }
      remove(key);
      entries.set(key, { value, at: performance.now(), personId: tags.personId, tables: tags.tables });
      if (tags.personId) {
        let set = byPerson.get(tags.personId);
        if (!set) byPerson.set(tags.personId, (set = new Set()));
        set.add(key);
      }
    },
    delete(key) {
      gen++;
      remove(key);
    },
    dropPerson,
    clear,
    get size() { return entries.size; },
  };
}
