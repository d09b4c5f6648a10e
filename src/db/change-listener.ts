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
  close(): Promise<void>;
}

const CHANNEL_PATTERN = /^[a-z_][a-z0-9_]{0,62}$/;

function listenerCreate(pool: pg.Pool, log: Logger): ChangeListener {
  const handlers = new Map<string, Set<Handler>>();
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
