import type { Context } from 'hono';
import type { Actor, Deps, RequestInfo } from '../domain/foundation/auth/types.ts';
import type { Locale } from '../lib/i18n.ts';
import type { Logger } from '../lib/logger.ts';
import { AppError } from '../lib/errors.ts';

export interface AppEnv {
  Variables: {
    deps: Deps;
    log: Logger;
    actor: Actor | undefined;
    sessionToken: string | undefined;
    locale: Locale;
    request: RequestInfo;
  };
}

export const SESSION_COOKIE = 'kp_session';
export const LOCALE_COOKIE = 'kp_lang';

/** The logged-in actor, or UNAUTHENTICATED. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}
