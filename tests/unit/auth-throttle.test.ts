import { describe, expect, it } from 'vitest';
import { throttleClaim, type ThrottlePolicy, type ThrottleState } from '../../src/domain/foundation/auth/rules.ts';

// The throttle rule: `limit` claims in a row, then growing delays with one claim after each.

const policy: ThrottlePolicy = { limit: 3, firstDelayMinutes: 1, maxDelayMinutes: 15, quietMinutes: 15 };
const t0 = new Date('2026-12-03T09:00:00Z');
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function claimAt(state: ThrottleState | undefined, seconds: number) {
  const decision = throttleClaim(state, at(seconds), policy);
  return { decision, state: decision.allowed ? decision.next : state };
}

describe('throttleClaim', () => {
  it('allows `limit` claims, the last of which starts a one-minute delay', () => {
    let state: ThrottleState | undefined;
    for (let i = 1; i <= 3; i++) {
      const r = claimAt(state, i);
      expect(r.decision).toMatchObject({ allowed: true, delayStarted: i === 3 });
      state = r.state;
    }
    expect(claimAt(state, 4).decision).toEqual({ allowed: false, retryAfterSeconds: 59 });
  });

  it('doubles the delay after each further claim, up to the maximum', () => {
    let state: ThrottleState | undefined;
    let now = 0;
    for (let i = 0; i < 3; i++) state = claimAt(state, now).state;
    const delays: number[] = [];
    for (let round = 0; round < 6; round++) {
      now = (state!.lockedUntil!.getTime() - t0.getTime()) / 1000; // the moment the delay ends
      const r = claimAt(state, now);
      expect(r.decision.allowed).toBe(true);
      state = r.state;
      delays.push((state!.lockedUntil!.getTime() - at(now).getTime()) / 60_000);
    }
    expect(delays).toEqual([2, 4, 8, 15, 15, 15]);
  });

  it('starts over after a quiet period', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 3; i++) state = claimAt(state, i).state;
    const r = claimAt(state, 2 + 60 + 15 * 60);
    expect(r.decision).toMatchObject({ allowed: true, delayStarted: false, next: { attempts: 1, level: 0, lockedUntil: null } });
  });
});
