import type { SandwichPhase } from './schema.ts';

// Small pure rules of places, waitlists, phases and hours.

/** A new registration takes a place while there is one, else joins the waitlist. */
export function registrationPlaceDecide(confirmed: number, capacity: number): 'confirmed' | 'waitlisted' {
  return confirmed < capacity ? 'confirmed' : 'waitlisted';
}

/** How many from the waitlist move up when places are free. */
export function registrationPromotions(confirmed: number, capacity: number, waitlisted: number): number {
  return Math.max(0, Math.min(capacity - confirmed, waitlisted));
}

/** Busy blocks that overlap [start, end). */
export function registrationClashes<T extends { startAt: Date; endAt: Date }>(blocks: readonly T[], start: Date, end: Date): T[] {
  return blocks.filter((b) => b.startAt < end && b.endAt > start);
}

/** Before the session starts, during it, after it ends. */
export function registrationPhase(startAt: Date, endAt: Date, now: Date): SandwichPhase {
  if (now < startAt) return 'before';
  if (now < endAt) return 'during';
  return 'after';
}

/** Hours are credited once a confirmed place's session took place (ended and not cancelled). */
export function registrationCreditedHours(hours: number, registration: { status: string }, session: { status: string; endAt: Date }, now: Date): number {
  return registration.status === 'confirmed' && session.status === 'planned' && session.endAt <= now ? hours : 0;
}

/** The deadline is the last day one can register (Europe/Amsterdam dates, YYYY-MM-DD). */
export function registrationDeadlinePassed(deadline: string | null, today: string): boolean {
  return deadline !== null && today > deadline;
}
