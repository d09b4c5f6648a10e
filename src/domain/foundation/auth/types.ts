import type { Db } from '../../../db/client.ts';
import type { Logger } from '../../../lib/logger.ts';
import type { Mailer } from '../../../lib/mailer.ts';
import type { Config } from '../../../lib/config.ts';
import type { JobQueue } from '../../../lib/jobs.ts';
import type { Locale, Role } from '../person/schema.ts';
import type { Ports } from '../../area-module.ts';

/** A network id that the auth layer has checked the actor may use. Minted only in policy.ts. */
export type AuthorizedNetworkId = string & { readonly __brand: 'AuthorizedNetworkId' };

export interface ActorMembership {
  networkId: string;
  institutionId: string | null;
  role: Role;
  /** Names, when the actor was read from the database (the session loader reads them along). */
  networkName?: string;
  institutionName?: string | null;
}

export interface Actor {
  personId: string;
  name: string;
  email: string;
  locale: Locale;
  memberships: ActorMembership[];
}

/** What every action receives besides its input: the database, mail, configuration and clock. */
export interface Deps {
  db: Db;
  mailer: Mailer | null;
  config: Config;
  log: Logger;
  now: () => Date;
  /** Background jobs; null runs work at once (CLI, some tests). */
  jobs: JobQueue | null;
  /** What the areas offer each other (collected from the module list at start-up). */
  ports: Ports;
}

/** Per-request facts an action may need (links in e-mails point at baseUrl, which is PUBLIC_URL). */
export interface RequestInfo {
  baseUrl: string;
  locale: Locale;
  /** The client's address: the socket's, or with TRUST_PROXY the one the proxy saw. */
  ip: string;
  /** Reached over https (directly, or by a trusted proxy's X-Forwarded-Proto), or COOKIE_SECURE: cookies get Secure. */
  secure?: boolean;
}
