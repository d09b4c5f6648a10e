import PgBoss from 'pg-boss';
import type { Logger } from './logger.ts';

// Background work (matching runs, mail, reminders) through pg-boss: jobs live in PostgreSQL,
// so any app process — or a separate `kruispunt worker` — can pick them up.

/** A queue name, declared by an area module (or the hourly tick). */
export type JobName = string;
export type JobHandler = (data: Record<string, unknown>) => Promise<void>;

export interface JobQueue {
  send(name: JobName, data: Record<string, unknown>): Promise<void>;
}

export interface JobRunner extends JobQueue {
  stop(): Promise<void>;
}

export async function jobsStart(
  connectionString: string,
  handlers: Partial<Record<JobName, JobHandler>>,
  log: Logger,
  options: { work: boolean; schedules?: Partial<Record<JobName, string>> } = { work: true },
): Promise<JobRunner> {
  const schedules = options.schedules ?? {};
  const boss = new PgBoss({ connectionString, max: 3, schema: 'pgboss', supervise: true, schedule: Object.keys(schedules).length > 0 });
  boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  await boss.start();
  for (const name of Object.keys(handlers) as JobName[]) {
    await boss.createQueue(name);
    if (!options.work) continue;
    const handler = handlers[name]!;
    await boss.work<Record<string, unknown>>(name, { pollingIntervalSeconds: 0.5, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        try {
          await handler(job.data);
        } catch (error) {
          log.error({ err: error, job: name }, 'job failed');
          throw error;
        }
      }
    });
  }
  // Cron schedules run once per tick across all app processes (pg-boss keeps the lock).
  for (const [name, cron] of Object.entries(schedules) as [JobName, string][]) await boss.schedule(name, cron, {}, { tz: 'Europe/Amsterdam' });
  return {
    async send(name, data) {
      await boss.send(name, data, { retryLimit: 0 });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
