import type { Messages } from '../lib/i18n.ts';
import type { HttpErrorStatus } from '../lib/errors.ts';
import type { AuthorizedNetworkId, Deps } from './foundation/auth/types.ts';
import type { LearnerReportCandidateSource } from './learner-report/public.ts';

// The contract of an area. Each practice (exchange week, learner reports, …) is an area, cut the
// same way in every layer: src/domain/<area>/, src/db/schema/<area>.ts, src/server/routes/<area>/,
// web/src/features/<area>/, tests/*/<area>/, docs/<area>.md. An area declares in its
// src/domain/<area>/module.ts what it adds to the app; the server, the job runner, the error
// mapper and the i18n catalogue loop over the list in src/server/modules.ts and never name an area.

/**
 * One activity that credits a person professional-development hours: an exchange visit, a company
 * visit, a twin meeting, a leerlab session … Every practice offers its activities through the
 * `recordActivitySources` port; the professional record (and the certificate) reads them all.
 */
export interface RecordActivity {
  /** The offering area's source name, e.g. 'exchange_visit'. */
  source: string;
  /** Stable id within the source (so an activity is counted once). */
  sourceId: string;
  title: string;
  /** YYYY-MM-DD (Europe/Amsterdam) on which it took place. */
  date: string;
  /** Credited hours (0 when it has not taken place yet). */
  hours: number;
  /** Contact hours with others, or self-study (preparation, reflection), as the register of teachers counts them. */
  contactHours: number;
  /** Whether it relates to the primary process (teaching). */
  primaryProcess: boolean;
  /** The network-relative path of a page that shows it, for evidence. */
  link: string | null;
}

export interface RecordActivitySource {
  source: string;
  /** The person's activities of this source in the network, oldest first. */
  list(deps: Deps, networkId: AuthorizedNetworkId, personId: string): Promise<RecordActivity[]>;
}

/**
 * One event in a person's calendar feed besides the exchange visits: a company visit, a
 * masterclass … The UID stays the same for good; a change raises SEQUENCE; a cancelled event
 * stays in the feed as cancelled.
 */
export interface CalendarEntry {
  uid: string;
  sequence: number;
  cancelled: boolean;
  start: Date;
  end: Date;
  summary: string;
  description: string;
  location: string;
  stamp: Date;
}

export interface CalendarEntrySource {
  source: string;
  /** The person's events of this source in the network. */
  list(deps: Deps, networkId: AuthorizedNetworkId, personId: string, locale: 'nl' | 'en'): Promise<CalendarEntry[]>;
}

/** What areas offer each other. Each area fills in the ports it provides; nothing is registered at run time. */
export interface Ports {
  /** Activities a person did in Kruispunt, offered as pre-filled learner-report activities. */
  learnerActivitySources: readonly LearnerReportCandidateSource[];
  /** Activities that credit hours, for the one professional-development record. */
  recordActivitySources: readonly RecordActivitySource[];
  /** Events for the personal calendar feed (the feed itself lives in the exchange area). */
  calendarEntrySources: readonly CalendarEntrySource[];
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
  return {
    learnerActivitySources: modules.flatMap((m) => m.ports?.learnerActivitySources ?? []),
    recordActivitySources: modules.flatMap((m) => m.ports?.recordActivitySources ?? []),
    calendarEntrySources: modules.flatMap((m) => m.ports?.calendarEntrySources ?? []),
  };
}
