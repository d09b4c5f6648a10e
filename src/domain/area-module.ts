import type { Messages } from '../lib/i18n.ts';
import type { HttpErrorStatus } from '../lib/errors.ts';
import type { Actor, AuthorizedNetworkId, Deps } from './foundation/auth/types.ts';
import type { LearnerReportCandidateSource } from './learner-report/public.ts';
import type { CalendarFileEntry } from '../lib/calendar-file.ts';

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
export type CalendarEntry = CalendarFileEntry;

export interface CalendarEntrySource {
  source: string;
  /** The person's events of this source in the network. */
  list(deps: Deps, networkId: AuthorizedNetworkId, personId: string, locale: 'nl' | 'en'): Promise<CalendarEntry[]>;
}

/**
 * The facts of one finished item of a practice (an exchange week, a leerlab, a company visit …) as a
 * draft practice example, in Dutch: who took part, what, how many, the evaluation figures. The
 * coordinator finishes the text in the example library.
 */
export interface ExampleDraft {
  title: string;
  special: string;
  story: string;
  /** vmbo, havo, vwo, mbo, hbo: the sectors of the institutions involved. */
  sectors: string[];
  /** Names of the institutions and companies involved. */
  institutions: string[];
  /** The example library's practice: exchange, leerlab, company_visit, speeddate, cocreation … */
  practice: string;
  /** The example library's themes the practice belongs to. */
  themes: string[];
}

export interface ExampleDraftSource {
  /** The source name in the route and in the example's origin, e.g. 'exchange_edition'. */
  source: string;
  /**
   * The item's facts as a draft; `finished: false` while it is not over yet; null when the network
   * holds no such item.
   */
  build(deps: Deps, networkId: AuthorizedNetworkId, id: string): Promise<{ finished: false } | { finished: true; draft: ExampleDraft } | null>;
}

/**
 * One item of a practice as its participants evaluate it (a company visit, a speeddate, a
 * co-creation session): after it ended, each participant answers once, editable (score 1–5, one line).
 */
export interface EvaluationItem {
  title: string;
  /** Whether the person took part (attended a visit session, was at the speeddate, joined the session as themselves). */
  participant: boolean;
  /** Whether it is over for the person (for a company visit: a session they attended has ended). */
  ended: boolean;
  /** Whether the actor may read the item's summary (its organiser, host or facilitator). */
  manager: boolean;
}

export interface EvaluationSource {
  /** The source name in the route and the evaluation rows, the same as the item's exampleDraftSources name. */
  source: string;
  /** The item as the actor sees it for evaluating; null when the network holds no such item. */
  read(deps: Deps, actor: Actor, networkId: AuthorizedNetworkId, id: string): Promise<EvaluationItem | null>;
  /** The items the person took part in that ended since `since`, newest first (the home page asks them to evaluate). */
  listEnded(deps: Deps, networkId: AuthorizedNetworkId, personId: string, since: Date): Promise<{ id: string; title: string; endedAt: Date }[]>;
}

/** What areas offer each other. Each area fills in the ports it provides; nothing is registered at run time. */
export interface Ports {
  /** Activities a person did in Kruispunt, offered as pre-filled learner-report activities. */
  learnerActivitySources: readonly LearnerReportCandidateSource[];
  /** Activities that credit hours, for the one professional-development record. */
  recordActivitySources: readonly RecordActivitySource[];
  /** Finished items of a practice that can become a draft practice example. */
  exampleDraftSources: readonly ExampleDraftSource[];
  /** Items of a practice that participants evaluate after they ended (the foundation's evaluation reads them). */
  evaluationSources: readonly EvaluationSource[];
  /** Events for the personal calendar feed (the feed itself lives in the exchange area). */
  calendarEntrySources: readonly CalendarEntrySource[];
  /** Every area's privacy declaration, in the order of the list of areas (export and erasure walk it). */
  privacyTables: readonly (PrivacyTable & { area: string; table: string })[];
  /** Every area's retention rules, in the order of the list of areas. */
  retentionRules: readonly (RetentionRule & { area: string; table: string })[];
}

/**
 * What happens to a person's rows of one table when they ask for erasure:
 * - `delete`: the rows are removed (their own texts, settings, sessions …);
 * - `anonymise`: the row stays for others (an edition's counts) but the columns in `anonymise` are
 *   overwritten (their texts emptied, a name replaced);
 * - `keep-anonymous-placeholder`: the row stays as it is; its person columns keep pointing at the
 *   person's row, which becomes an anonymous placeholder (`people.erased_at`), so a partner's visit
 *   or a decision stays in the history without a name;
 * - `cascade`: removed with a parent row that erasure deletes (named in `through`).
 */
export type PrivacyErase = 'delete' | 'anonymise' | 'keep-anonymous-placeholder' | 'cascade';

/**
 * How one table holds personal data, and what export and erasure do with it (SQL names throughout).
 * A row belongs to the person when one of `personColumns` holds their id, one of `emailColumns`
 * their e-mail address, one of `personArrayColumns` contains their id, or its `through` parent does.
 */
export interface PrivacyTable {
  /** Columns holding a person's id (people.id). */
  personColumns: readonly string[];
  /** What erasure does with the person's rows. */
  erase: PrivacyErase;
  /** Per column, when rows matched by it are treated differently (a creator kept, a subject deleted). */
  eraseBy?: Readonly<Record<string, PrivacyErase>>;
  /** JSON arrays of person ids: erasure removes the id from the array (the row itself stays). */
  personArrayColumns?: readonly string[];
  /** Columns holding an e-mail address typed in for the person (mail, invitations, contacts). */
  emailColumns?: readonly string[];
  /** Rows that belong to the person through a parent row, e.g. a report's revisions. */
  through?: { column: string; table: string; personColumn: string };
  /** Whether the person's rows go into their export. */
  export: boolean;
  /** Columns left out of the export (secrets and hashes). */
  omitFromExport?: readonly string[];
  /**
   * A file stored in each row (its bytes and name columns, the row has an `id`): the export puts the
   * file itself into the ZIP under files/<table>/ and the row names that path (`file`) instead of the bytes.
   */
  exportFile?: { bytes: string; name: string };
  /** For `anonymise`: the columns overwritten and their new value (`{id}` in a string: the person's id). */
  anonymise?: Readonly<Record<string, string | number | boolean | null | readonly unknown[]>>;
  /** Per matching column, other columns to overwrite than `anonymise`. */
  anonymiseBy?: Readonly<Record<string, Readonly<Record<string, string | number | boolean | null | readonly unknown[]>>>>;
  /** Why, in one sentence (docs/privacy.md; shown to the person before erasure). */
  note: string;
}

/** An area's declaration of the personal data in its tables (see docs/privacy.md). */
export interface AreaPrivacy {
  /** Every table of the area that holds a person's id or e-mail address, by SQL name. */
  tables: Record<string, PrivacyTable>;
}

/** The retention settings (src/lib/config.ts) a table's rows can be kept by, in days. */
export type RetentionSetting = 'RETENTION_AUDIT_DAYS' | 'RETENTION_OUTBOX_DAYS' | 'RETENTION_REPORT_REVISIONS_DAYS';

/**
 * How long a table's rows are kept: either rows whose `column` is older than the setting's days are
 * removed by the foundation's hourly job, or the area applies its own rule (`appliedByArea`).
 */
export type RetentionRule =
  | { column: string; setting: RetentionSetting; note: string }
  | { appliedByArea: true; note: string };

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
  /**
   * The personal data in the area's tables and what export and erasure do with it. Optional in the
   * type so an area can land in steps; tests/integration/privacy-coverage.test.ts fails for every
   * table with a person reference that no declaration covers.
   */
  privacy?: AreaPrivacy;
  /** Tables whose rows are removed after a retention period, by SQL name (the beheerder sees them under Bewaartermijnen). */
  retention?: Record<string, RetentionRule>;
}

/** The ports of all areas, collected from the module list. */
export function portsCollect(modules: readonly AreaModule[]): Ports {
  return {
    learnerActivitySources: modules.flatMap((m) => m.ports?.learnerActivitySources ?? []),
    recordActivitySources: modules.flatMap((m) => m.ports?.recordActivitySources ?? []),
    calendarEntrySources: modules.flatMap((m) => m.ports?.calendarEntrySources ?? []),
    exampleDraftSources: modules.flatMap((m) => m.ports?.exampleDraftSources ?? []),
    evaluationSources: modules.flatMap((m) => m.ports?.evaluationSources ?? []),
    privacyTables: modules.flatMap((m) => Object.entries(m.privacy?.tables ?? {}).map(([table, t]) => ({ ...t, area: m.name, table }))),
    retentionRules: modules.flatMap((m) => Object.entries(m.retention ?? {}).map(([table, r]) => ({ ...r, area: m.name, table }))),
  };
}
