import type { Deps } from '../domain/foundation/auth/types.ts';
import type { JobHandler } from '../lib/jobs.ts';
import { areas } from './modules.ts';

/** The hourly tick's queue; its work is each area's `hourly` list, in the order of the areas. */
export const HOURLY_JOB = 'hourly';

/** What each background job does: the jobs the areas declare, and the hourly tick over all areas. */
export function jobHandlersCreate(deps: Deps): Record<string, JobHandler> {
  const handlers: Record<string, JobHandler> = {};
  for (const { module } of areas) {
    for (const [name, run] of Object.entries(module.jobs ?? {})) {
      handlers[name] = async (data) => {
        await run(deps, data);
      };
    }
  }
  handlers[HOURLY_JOB] = async () => {
    for (const { module } of areas) {
      for (const task of module.hourly ?? []) {
        try {
          await task(deps);
        } catch (error) {
          // one area's failure does not stop the others' reminders
          deps.log.error({ err: error, area: module.name }, 'hourly task failed');
        }
      }
    }
  };
  return handlers;
}
