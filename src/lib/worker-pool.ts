// A pool of worker threads for CPU-bound work on untrusted input (timetable files), so that the
// event loop serving requests never runs it. Threads come from piscina (a maintained pool:
// start-up, reuse, replacement of a killed thread, memory limits); this module adds what
// Kruispunt needs around it:
//  - a time limit per task, counted from the moment a thread takes the task (not while it
//    waits): a task that exceeds it is aborted, which terminates its thread, and answered with
//    { ok: false, reason: 'TIME_LIMIT' }; piscina starts a fresh thread in its place;
//  - a bounded queue: beyond `maxQueue` waiting tasks the answer is { ok: false, reason: 'BUSY' };
//  - a memory limit per thread: running out of it answers { ok: false, reason: 'MEMORY_LIMIT' }.
// Errors thrown by the task function itself (bugs) are rethrown to the caller.
//
// The task module is TypeScript run by tsx; a worker thread does not inherit the parent's
// loader, so each thread first loads worker-pool-entry.mjs, which registers tsx and imports the
// module. The module's default export receives the input and returns the output (values that
// survive structured cloning).
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

export type WorkerPoolFailure = 'TIME_LIMIT' | 'MEMORY_LIMIT' | 'BUSY';
export type WorkerPoolOutcome<O> = { ok: true; value: O } | { ok: false; reason: WorkerPoolFailure };

export interface WorkerPoolOptions {
  /** The task module (file URL); its default export is the task function. */
  module: URL;
  /** Longest time one task may run, in ms. */
  timeLimitMs: number;
  /** Threads running at once. Default: one less than the CPUs, at least 1 and at most 4. */
  threads?: number;
  /** Tasks that may wait for a thread before new ones are refused as BUSY. Default 100. */
  maxQueue?: number;
  /** Old-generation heap of one thread, in MB. Default 512. */
  memoryLimitMb?: number;
}

export interface WorkerPool<I, O> {
  /** Runs one task on a thread; `timeLimitMs` overrides the pool's limit for this task. */
  run(input: I, options?: { timeLimitMs?: number }): Promise<WorkerPoolOutcome<O>>;
  /** Stops every thread; tasks still running or waiting are rejected. */
  close(): Promise<void>;
}

const entry = new URL('./worker-pool-entry.mjs', import.meta.url);

export function workerPoolCreate<I, O>(options: WorkerPoolOptions): WorkerPool<I, O> {
  const threads = Math.max(1, options.threads ?? Math.min(4, availableParallelism() - 1));
  const maxQueue = options.maxQueue ?? 100;
  const piscina = new Piscina({
    filename: entry.href,
    workerData: { moduleUrl: options.module.href },
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
    // The entry registers tsx itself; nothing of the parent's command line (loaders, inspector)
    // is carried into the threads.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: options.memoryLimitMb ?? 512 },
  });
  // Tasks wait here rather than in piscina's queue, so that a task's clock starts when a thread
  // is free for it.
  let running = 0;
  const waiting: (() => void)[] = [];
  const acquire = async (): Promise<boolean> => {
    if (running < threads) {
      running++;
      return true;
    }
    if (waiting.length >= maxQueue) return false;
    await new Promise<void>((resolve) => waiting.push(resolve));
    return true;
  };
  const release = (): void => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };

  return {
    async run(input, runOptions = {}) {
      if (!(await acquire())) return { ok: false, reason: 'BUSY' };
      try {
        const value = (await piscina.run(input, { signal: AbortSignal.timeout(runOptions.timeLimitMs ?? options.timeLimitMs) })) as O;
        return { ok: true, value };
      } catch (error) {
        const e = error as { name?: string; code?: string };
        if (e.name === 'AbortError' || e.name === 'TimeoutError') return { ok: false, reason: 'TIME_LIMIT' };
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') return { ok: false, reason: 'MEMORY_LIMIT' };
        throw error;
      } finally {
        release();
      }
    },
    async close() {
      await piscina.destroy();
    },
  };
}
