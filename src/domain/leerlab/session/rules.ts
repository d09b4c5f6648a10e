/** Credited hours for a session that took place: its length, in quarter hours. */
export function sessionHours(start: Date, end: Date): number {
  return Math.round(((end.getTime() - start.getTime()) / 3_600_000) * 4) / 4;
}
