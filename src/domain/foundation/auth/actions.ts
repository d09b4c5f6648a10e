import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../../../lib/errors.ts';
import { translate } from '../messages.ts';
import type { Deps, Actor, RequestInfo } from './types.ts';
import type { LoginInput } from './schema.ts';
import { getActor, getPersonByEmail, getSessionActor, countLoginFailures, getPasswordReset } from './data.ts';
import {
  createSession, deleteSession, recordLoginFailure, clearLoginFailures, createPasswordReset,
  markPasswordResetUsed, updatePassword, deleteSessionsOfPerson,
} from './mutations.ts';
import { tokenCreate, tokenHash, addMinutes, SESSION_DAYS, RESET_MINUTES } from './rules.ts';
import { createOutboxMessage } from '../mail/mutations.ts';
import { deliverMail } from '../mail/actions.ts';

const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
// Verified against when the e-mail is unknown, so both paths take the same time.
let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON);
}

export async function login(deps: Deps, input: LoginInput, request: RequestInfo): Promise<{ token: string; actor: Actor }> {
  const now = deps.now();
  const since = addMinutes(now, -deps.config.LOGIN_WINDOW_MINUTES);
  const keys = [`email:${input.email}`, `ip:${request.ip}`];
  for (const key of keys) {
    const limit = key.startsWith('ip:') ? deps.config.LOGIN_MAX_ATTEMPTS * 5 : deps.config.LOGIN_MAX_ATTEMPTS;
    if ((await countLoginFailures(deps.db, key, since)) >= limit) {
      throw new AppError('TOO_MANY_ATTEMPTS', { params: { minutes: deps.config.LOGIN_WINDOW_MINUTES } });
    }
  }
  const person = await getPersonByEmail(deps.db, input.email);
  dummyHash ??= hashPassword('not-a-real-password');
  const ok = person?.passwordHash
    ? await verify(person.passwordHash, input.password)
    : (await verify(await dummyHash, input.password), false);
  if (!person || !ok) {
    for (const key of keys) await recordLoginFailure(deps.db, key, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  await clearLoginFailures(deps.db, keys[0]!);
  const token = tokenCreate();
  await createSession(deps.db, { tokenHash: tokenHash(token), personId: person.id, expiresAt: addMinutes(now, SESSION_DAYS * 1440), now });
  const actor = await getActor(deps.db, person.id);
  return { token, actor: actor! };
}

export async function logout(deps: Deps, token: string): Promise<void> {
  await deleteSession(deps.db, tokenHash(token));
}

/** The actor behind a session cookie: one query (session, person and memberships), run on every request. */
export async function getActorFromSession(deps: Deps, token: string): Promise<Actor | undefined> {
  return getSessionActor(deps.db, tokenHash(token), deps.now());
}

/** Always answers the same way, so it does not reveal whether an address has an account. */
export async function requestPasswordReset(deps: Deps, email: string, request: RequestInfo): Promise<void> {
  const person = await getPersonByEmail(deps.db, email);
  if (!person) return;
  const actor = await getActor(deps.db, person.id);
  const token = tokenCreate();
  const locale = actor?.locale ?? request.locale;
  const id = await deps.db.transaction(async (tx) => {
    await createPasswordReset(tx, { tokenHash: tokenHash(token), personId: person.id, expiresAt: addMinutes(deps.now(), RESET_MINUTES) });
    return createOutboxMessage(tx, {
      networkId: actor?.memberships[0]?.networkId ?? null,
      to: person.email,
      subject: translate(locale, 'MAIL_RESET_SUBJECT'),
      text: translate(locale, 'MAIL_RESET_TEXT', { name: person.name, link: `${request.baseUrl}/wachtwoord-herstellen/${token}` }),
    });
  });
  await deliverMail(deps, [id]);
}

export async function confirmPasswordReset(deps: Deps, token: string, password: string): Promise<void> {
  const reset = await getPasswordReset(deps.db, tokenHash(token));
  if (!reset || reset.usedAt) throw new AppError('TOKEN_INVALID');
  if (reset.expiresAt <= deps.now()) throw new AppError('TOKEN_EXPIRED');
  const passwordHash = await hashPassword(password);
  await deps.db.transaction(async (tx) => {
    await updatePassword(tx, reset.personId, passwordHash);
    await markPasswordResetUsed(tx, reset.tokenHash, deps.now());
    await deleteSessionsOfPerson(tx, reset.personId);
  });
}
