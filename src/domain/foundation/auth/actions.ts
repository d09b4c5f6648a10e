import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../lib/errors.ts';
import { translate } from '../messages.ts';
import type { Deps, Actor, RequestInfo } from './types.ts';
import type { LoginInput } from './schema.ts';
import { getActor, getPersonByEmail, getSessionActor, getPasswordReset, hasRequiredProvider } from './data.ts';
import {
  createSession, deleteSession, createPasswordReset, markPasswordResetUsed, updatePassword, deleteSessionsOfPerson,
  claimThrottles, deleteThrottles, deleteThrottlesByPrefix, pruneThrottles, rotateSession, touchSession, pruneSessions,
} from './mutations.ts';
import {
  tokenCreate, tokenHash, addMinutes, RESET_MINUTES, RESET_THROTTLE, throttleKeys, throttleLoginPolicies,
} from './rules.ts';
import { recordAccountAudit } from '../network/mutations.ts';
import { changeCacheCreate, changeListenerFor, type ChangeCache } from '../../../db/change-listener.ts';
import { createOutboxMessage } from '../mail/mutations.ts';
import { deliverMail } from '../mail/actions.ts';

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Verified against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

/**
 * Checks an account's password under the login throttle. Before the password is checked the
 * attempt is claimed on two throttle keys (the account, and the account from this IP address) under
 * a row lock, so parallel attempts are counted one by one; over the limit the answer is
 * TOO_MANY_ATTEMPTS with the seconds to wait, without checking the password. Another account
 * behind the same address (a school) is not affected. Failures and lock-outs go into the audit log;
 * a success lifts the throttle. Returns the person.
 */
export async function verifyPasswordThrottled(deps: Deps, email: string, password: string, request: RequestInfo) {
  const policies = throttleLoginPolicies(deps.config);
  const accountKey = throttleKeys.loginAccount(email);
  const addressKey = throttleKeys.loginAccountAtAddress(email, request.ip);
  const claim = await deps.db.transaction((tx) => claimThrottles(tx, [
    { key: accountKey, policy: policies.account },
    { key: addressKey, policy: policies.accountAtAddress },
  ], deps.now));
  if (!claim.allowed) {
    throw new AppError('TOO_MANY_ATTEMPTS', { params: { minutes: Math.ceil(claim.retryAfterSeconds / 60) }, retryAfterSeconds: claim.retryAfterSeconds });
  }
  const person = await getPersonByEmail(deps.db, email);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = person?.passwordHash
    ? await verify(person.passwordHash, password)
    : (await verify(await dummyHash, password), false);
  if (!person || !ok) {
    await deps.db.transaction(async (tx) => {
      const who = person ? { ip: request.ip } : { ip: request.ip, email };
      await recordAccountAudit(tx, person?.id ?? null, 'login_failed', who);
      for (const delay of claim.delaysStarted) {
        await recordAccountAudit(tx, person?.id ?? null, 'login_locked', {
          ...who, scope: delay.key === accountKey ? 'account' : 'account_ip', until: delay.until.toISOString(),
        });
      }
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  await deleteThrottles(deps.db, [accountKey, addressKey]);
  return person;
}

/** When a session started now ends at the latest (SESSION_ABSOLUTE_HOURS). */
export function sessionExpiry(deps: Deps, now: Date): Date {
  return addMinutes(now, deps.config.SESSION_ABSOLUTE_HOURS * 60);
}

/**
 * Logs in: the password is checked under the login throttle, then a new session starts (the
 * session this browser had, if any, ends: the token rotates). People of an institution that
 * requires its identity provider are refused (PASSWORD_LOGIN_DISABLED).
 */
export async function login(deps: Deps, input: LoginInput, request: RequestInfo, currentToken?: string): Promise<{ token: string; actor: Actor }> {
  const person = await verifyPasswordThrottled(deps, input.email, input.password, request);
  if (await hasRequiredProvider(deps.db, person.id)) {
    await deps.db.transaction((tx) => recordAccountAudit(tx, person.id, 'login_refused', { ip: request.ip, reason: 'provider_required' }));
    throw new AppError('PASSWORD_LOGIN_DISABLED');
  }
  const now = deps.now();
  const token = tokenCreate();
  await deps.db.transaction(async (tx) => {
    if (currentToken) await deleteSession(tx, tokenHash(currentToken));
    await createSession(tx, { tokenHash: tokenHash(token), personId: person.id, expiresAt: sessionExpiry(deps, now), now });
    await recordAccountAudit(tx, person.id, 'login', { ip: request.ip });
  });
  const actor = await getActor(deps.db, person.id);
  return { token, actor: actor! };
}

/** Ends this session; `actor` is the session's owner (the session loader read it already). */
export async function logout(deps: Deps, token: string, actor: Actor | undefined, request: RequestInfo): Promise<void> {
  sessionCacheFor(deps).delete(tokenHash(token));
  await deps.db.transaction(async (tx) => {
    await deleteSession(tx, tokenHash(token));
    if (actor) await recordAccountAudit(tx, actor.personId, 'logout', { ip: request.ip });
  });
}

function idleSince(deps: Deps, now: Date): Date {
  return addMinutes(now, -deps.config.SESSION_IDLE_MINUTES);
}

/** The actor behind a session cookie: one query (session, person and memberships), run on every request. */
export async function getActorFromSession(deps: Deps, token: string): Promise<Actor | undefined> {
  const now = deps.now();
  return (await getSessionActor(deps.db, tokenHash(token), now, idleSince(deps, now)))?.actor;
}

interface CachedSession { actor: Actor; personId: string; lastSeenAt: Date; expiresAt: Date }

/**
 * Sessions with their actor, per database: most requests find their session here instead of in the
 * database. A session's entry is dropped as soon as any app server ends, rotates or moves back the
 * session, or changes the person or their memberships (kp_change notifications), and also when a
 * network or an institution is renamed (the actor carries their names); entries live at most
 * SESSION_CACHE_TTL_MS and only while the notifications arrive.
 */
const SESSION_CACHE_TTL_MS = 30_000;
const sessionCaches = new WeakMap<object, ChangeCache<CachedSession>>();
export function sessionCacheFor(deps: Deps): ChangeCache<CachedSession> {
  let cache = sessionCaches.get(deps.db);
  if (!cache) {
    cache = changeCacheCreate<CachedSession>(changeListenerFor(deps.db, deps.log), {
      ttlMs: SESSION_CACHE_TTL_MS,
      maxEntries: 20_000,
      personTables: ['sessions', 'people', 'memberships'],
      dropAllOn: ['networks', 'institutions'],
    });
    sessionCaches.set(deps.db, cache);
  }
  return cache;
}

/**
 * The session loader: the actor, unless the session reached its absolute end or was idle for
 * SESSION_IDLE_MINUTES. Marks the session used (at most once a minute), and when the person's roles
 * changed since (rotate), replaces its token: `token` is then the new cookie value.
 */
export async function loadSession(deps: Deps, token: string): Promise<{ actor: Actor; token?: string } | undefined> {
  const now = deps.now();
  const hash = tokenHash(token);
  const idle = idleSince(deps, now);
  const cache = sessionCacheFor(deps);
  const hit = cache.get(hash);
  if (hit && hit.expiresAt > now && hit.lastSeenAt > idle) {
    if (now.getTime() - hit.lastSeenAt.getTime() > 60_000) {
      hit.lastSeenAt = now;
      await touchSession(deps.db, hash, now);
    }
    return { actor: hit.actor };
  }
  const generation = cache.generation();
  const found = await getSessionActor(deps.db, hash, now, idle);
  if (!found) {
    cache.delete(hash);
    return undefined;
  }
  if (found.rotate) {
    cache.delete(hash);
    const next = tokenCreate();
    if (await rotateSession(deps.db, hash, tokenHash(next), now)) return { actor: found.actor, token: next };
    return undefined;
  }
  let lastSeenAt = found.lastSeenAt;
  if (now.getTime() - lastSeenAt.getTime() > 60_000) {
    await touchSession(deps.db, hash, now);
    lastSeenAt = now;
  }
  cache.set(hash, { actor: found.actor, personId: found.actor.personId, lastSeenAt, expiresAt: found.expiresAt }, generation, { personId: found.actor.personId });
  return { actor: found.actor };
}

/**
 * Mails a reset link. Always answers the same way, so it does not reveal whether an address has an
 * account; requests over the limit per address or per IP address send nothing. The link starts
 * with PUBLIC_URL (request.baseUrl), never with what the request's Host header says.
 */
export async function requestPasswordReset(deps: Deps, email: string, request: RequestInfo): Promise<void> {
  const claim = await deps.db.transaction((tx) => claimThrottles(tx, [
    { key: throttleKeys.resetAddress(email), policy: RESET_THROTTLE.address },
    { key: throttleKeys.resetIp(request.ip), policy: RESET_THROTTLE.ip },
  ], deps.now));
  if (!claim.allowed) {
    deps.log.info({ ip: request.ip, retryAfterSeconds: claim.retryAfterSeconds }, 'password reset throttled');
    return;
  }
  const person = await getPersonByEmail(deps.db, email);
  if (!person) return;
  const actor = await getActor(deps.db, person.id);
  const token = tokenCreate();
  const locale = actor?.locale ?? request.locale;
  const id = await deps.db.transaction(async (tx) => {
    await createPasswordReset(tx, { tokenHash: tokenHash(token), personId: person.id, expiresAt: addMinutes(deps.now(), RESET_MINUTES) });
    await recordAccountAudit(tx, person.id, 'password_reset_requested', { ip: request.ip });
    return createOutboxMessage(tx, {
      networkId: actor?.memberships[0]?.networkId ?? null,
      to: person.email,
      subject: translate(locale, 'MAIL_RESET_SUBJECT'),
      text: translate(locale, 'MAIL_RESET_TEXT', { name: person.name, link: `${request.baseUrl}/wachtwoord-herstellen/${token}` }),
    });
  });
  await deliverMail(deps, [id]);
}

/** Sets the new password, ends every session of the person and lifts their login throttling. */
export async function confirmPasswordReset(deps: Deps, token: string, password: string, request: RequestInfo): Promise<void> {
  const reset = await getPasswordReset(deps.db, tokenHash(token));
  if (!reset || reset.usedAt) throw new AppError('TOKEN_INVALID');
  if (reset.expiresAt <= deps.now()) throw new AppError('TOKEN_EXPIRED');
  const passwordHash = await hashPassword(password);
  const person = await getActor(deps.db, reset.personId);
  await deps.db.transaction(async (tx) => {
    await updatePassword(tx, reset.personId, passwordHash);
    await markPasswordResetUsed(tx, reset.tokenHash, deps.now());
    await deleteSessionsOfPerson(tx, reset.personId);
    if (person) {
      await deleteThrottles(tx, [throttleKeys.loginAccount(person.email)]);
      await deleteThrottlesByPrefix(tx, `${throttleKeys.loginAccount(person.email)} `);
    }
    await recordAccountAudit(tx, reset.personId, 'password_reset', { ip: request.ip });
  });
  sessionCacheFor(deps).dropPerson(reset.personId);
}

/** Hourly: forgets throttle keys quiet for RETENTION_LOGIN_THROTTLE_HOURS (not in a delay) and ended sessions. */
export async function pruneAuthThrottles(deps: Deps): Promise<void> {
  const now = deps.now();
  await pruneThrottles(deps.db, addMinutes(now, -deps.config.RETENTION_LOGIN_THROTTLE_HOURS * 60), now);
  await pruneSessions(deps.db, now, idleSince(deps, now));
}
