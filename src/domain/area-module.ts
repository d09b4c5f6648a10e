import type { Messages } from '../lib/i18n.ts';
import type { HttpErrorStatus } from '../lib/errors.ts';
import type { Deps } from './foundation/auth/types.ts';
import type { LearnerReportCandidateSource } from './learner-report/public.ts';

// The contract of an area. Each practice (exchange week, learner reports, …) is an area, cut the
// same way in every layer: src/domain/<area>/, src/db/schema/<area>.ts, src/server/routes/<area>/,
// web/src/features/<area>/, tests/*/<area>/, docs/<area>.md. An area declares in its
// src/domain/<area>/module.ts what it adds to the app; the server, the job runner, the error
// mapper and the i18n catalogue loop over the list in src/server/modules.ts and never name an area.

/** What areas offer each other. Each area fills in the ports it provides; nothing is registered at run time. */
export interface Ports {
  /** Activities a person did in Kruispunt, offered as pre-filled learner-report activities. */
  learnerActivitySources: readonly LearnerReportCandidateSource[];
}

export interface AreaModule {
  /** The area's folder name in every layer. */
  name: string;
  /** The error codes this area throws, with their HTTP status. */
  errors: Record<string, HttpErrorStatus>;
  /** The area's server messages (error codes, e-mails, exports) in Dutch and English. */
  messages: Messages;
  /** The area's tables (the exports of src/db/schema/<area>.ts). */
  tables: Record<string, unknown>;
  /** Background jobs by queue name; `deps.jobs.send(name, data)` starts one. */
  jobs?: Record<string, (deps: Deps, data: Record<string, unknown>) => Promise<unknown>>;
  /** Work for the hourly tick (reminders, feed refresh): runs once per tick across all app processes. */
  hourly?: readonly ((deps: Deps) => Promise<unknown>)[];
  /** What this area offers to other areas. */
  ports?: Partial<Ports>;
}

/** The ports of all areas, collected from the module list. */
export function portsCollect(modules: readonly AreaModule[]): Ports {
  return { learnerActivitySources: modules.flatMap((m) => m.ports?.learnerActivitySources ?? []) };
}
