// HTTP throughput of Kruispunt's main authenticated reads beside a bare Hono server, in one run
// on one machine, so the ratio means something even when the machine is busy. The suite starts
// both servers itself, each in its own process: a hello-JSON Hono app on @hono/node-server, and
// Kruispunt as `kruispunt start` does it (embedded PostgreSQL in a temporary directory, the demo
// network, pino logging at info into a file). It logs in as the demo network coordinator and
// drives every target with autocannon (BENCH_HTTP_CONNECTIONS, default 100, for
// BENCH_HTTP_SECONDS, default 10, after a short warm-up). One JSON line per target: req/s, p50,
// p99, non-2xx answers and the ratio to the bare server; then the load average. Exits 0 whenever
// it measured. The main reads are measured twice: as a school opens them (the same page again and
// again, answered from the read cache after the first time) and with every request a new URL
// (`-uncached`: each one reads the database).
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, openSync, rmSync, closeSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir, cpus } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 100);
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
// The app runs under tsx and warms its JIT for a few seconds; shorter warm-ups measure the compiler.
const WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 5);
const line = (o: Record<string, unknown>): void => void process.stdout.write(`${JSON.stringify({ suite: 'http', ...o })}\n`);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering ${url} (its log: ${logTail()})`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${url}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function withoutKeys(env: NodeJS.ProcessEnv, keys: string[]): NodeJS.ProcessEnv {
  const copy = { ...env };
  for (const key of keys) delete copy[key];
  return copy;
}

const BARE = `
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
const app = new Hono();
app.get('/', (c) => c.json({ hello: 'world' }));
serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });
`;

interface Measured { reqPerSec: number; p50: number; p99: number; non2xx: number; errors: number; timeouts: number }

/** `distinct`: every request gets its own query string, so no answer can come from the read cache. */
async function drive(url: string, headers: Record<string, string>, seconds: number, distinct = false): Promise<Measured> {
  let n = 0;
  const result = await autocannon({
    url, connections: CONNECTIONS, duration: seconds, headers,
    ...(distinct ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, path: `${new URL(url).pathname}?uncached=${++n}` }) }] } : {}),
  });
  return {
    reqPerSec: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const children: ChildProcess[] = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'kruispunt-bench-http-'));
chmodSync(dataDir, 0o755); // the embedded PostgreSQL runs as its own user when we are root
const logTail = (): string => {
  try {
    return readFileSync(path.join(dataDir, 'server.log'), 'utf8').slice(-2000);
  } catch {
    return '(none)';
  }
};
try {
  const barePort = await freePort();
  const bare = spawn(process.execPath, ['--input-type=module', '-e', BARE], { cwd: repoRoot, env: { ...process.env, PORT: String(barePort) }, stdio: 'ignore' });
  children.push(bare);

  const kpPort = await freePort();
  const logFd = openSync(path.join(dataDir, 'server.log'), 'a');
  const kp = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'start'], {
    cwd: repoRoot,
    env: {
      ...withoutKeys(process.env, ['DATABASE_URL', 'PUBLIC_URL', 'SMTP_URL']),
      PORT: String(kpPort),
      HOST: '127.0.0.1',
      KRUISPUNT_DATA_DIR: path.join(dataDir, 'data'),
      KRUISPUNT_DEMO: '1',
      LOG_LEVEL: process.env.BENCH_HTTP_LOG_LEVEL ?? 'info',
    },
    stdio: ['ignore', logFd, logFd],
  });
  children.push(kp);
  closeSync(logFd);

  const bareUrl = `http://127.0.0.1:${barePort}/`;
  const kpUrl = `http://127.0.0.1:${kpPort}`;
  await waitUntilUp(bareUrl, bare);
  await waitUntilUp(`${kpUrl}/api/health`, kp);

  const login = await fetch(`${kpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: kpUrl },
    body: JSON.stringify({ email: 'coordinator@demo.kruispunt.nl', password: 'kruispunt-demo' }),
  });
  if (!login.ok) throw new Error(`demo login failed: ${login.status} ${await login.text()} (server log: ${logTail()})`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const me = (await login.json()) as { memberships: { networkId: string; role: string }[] };
  const networkId = me.memberships.find((m) => m.role === 'network_coordinator')?.networkId ?? me.memberships[0]!.networkId;
  const editions = (await (await fetch(`${kpUrl}/api/networks/${networkId}/editions`, { headers: { cookie } })).json()) as { id: string }[];
  const editionId = editions[0]?.id;

  // The main reads are answered from the in-process read cache after the first time (src/server/read-cache.ts);
  // the `-uncached` targets give every request its own URL, so each one reads the database.
  const targets: { name: string; url: string; headers: Record<string, string>; distinct?: boolean }[] = [
    { name: 'bare-hono-hello', url: bareUrl, headers: {} },
    { name: 'health', url: `${kpUrl}/api/health`, headers: {} },
    { name: 'auth-me', url: `${kpUrl}/api/auth/me`, headers: { cookie } },
    { name: 'editions', url: `${kpUrl}/api/networks/${networkId}/editions`, headers: { cookie } },
    ...(editionId ? [{ name: 'registrations', url: `${kpUrl}/api/networks/${networkId}/editions/${editionId}/registrations`, headers: { cookie } }] : []),
    { name: 'editions-uncached', url: `${kpUrl}/api/networks/${networkId}/editions`, headers: { cookie }, distinct: true },
    ...(editionId ? [{ name: 'registrations-uncached', url: `${kpUrl}/api/networks/${networkId}/editions/${editionId}/registrations`, headers: { cookie }, distinct: true }] : []),
  ];
  const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
  line({ event: 'start', connections: CONNECTIONS, seconds: SECONDS, cpus: cpus().length, loadavg: load() });
  let bareRate = 0;
  for (const target of targets) {
    const probe = await fetch(target.url, { headers: target.headers });
    const bytes = (await probe.arrayBuffer()).byteLength;
    await drive(target.url, target.headers, WARMUP_SECONDS, target.distinct);
    const m = await drive(target.url, target.headers, SECONDS, target.distinct);
    if (target.name === 'bare-hono-hello') bareRate = m.reqPerSec;
    line({ target: target.name, status: probe.status, bytes, ...m, ratio: bareRate ? Math.round((m.reqPerSec / bareRate) * 1000) / 1000 : null, loadavg: load() });
  }
} catch (error) {
  process.stderr.write(`bench http could not measure: ${(error as Error).stack ?? String(error)}\n`);
  process.exitCode = 1;
} finally {
  for (const child of children) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => {
        const timer = setTimeout(() => { child.kill('SIGKILL'); r(undefined); }, 10_000);
        child.once('exit', () => { clearTimeout(timer); r(undefined); });
      });
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
}
