import type { EditOp } from './schema.ts';

// Writing one text together without losing keystrokes: every edit is a splice typed against a
// version of the text; the server applies edits in order and transforms an edit typed against an
// older version through the edits applied since. Inserted text is never lost: when an edit's
// deletion would swallow text another person inserted meanwhile, the deletion stops before it.

export function proposalEditApply(text: string, op: EditOp): string {
  const pos = Math.min(op.pos, text.length);
  const del = Math.min(op.del, text.length - pos);
  return text.slice(0, pos) + op.ins + text.slice(pos + del);
}

/** `a` as it must be applied after `b` (both typed against the same text; `b` was applied first). */
export function proposalEditTransform(a: EditOp, b: EditOp): EditOp {
  const bEnd = b.pos + b.del;
  const shift = b.ins.length - b.del;
  const mapStart = (x: number) => {
    if (x < b.pos) return x;
    if (x === b.pos && b.del === 0) return x + b.ins.length; // both insert at one spot: the earlier edit first
    if (x < bEnd) return b.pos + b.ins.length; // inside text b deleted: after b's insertion
    return x + shift;
  };
  const mapEnd = (y: number) => {
    if (y <= b.pos) return y;
    if (y < bEnd) return b.pos; // the part b deleted already is gone
    return y + shift;
  };
  const start = mapStart(a.pos);
  let end = Math.max(start, mapEnd(a.pos + a.del));
  // a's deletion spans b's inserted text: keep b's text, delete only what lies before it.
  if (b.ins.length > 0 && start <= b.pos && end > b.pos) end = b.pos;
  return { pos: start, del: Math.max(0, end - start), ins: a.ins };
}

/** The one splice that turns `before` into `after` (common start and end kept). */
export function proposalEditDiff(before: string, after: string): EditOp {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let end = 0;
  while (end < max - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  return { pos: start, del: before.length - start - end, ins: after.slice(start, after.length - end) };
}

export function proposalEditIsNoop(op: EditOp): boolean {
  return op.del === 0 && op.ins === '';
}

/**
 * Carries local, unsent typing over onto a newer server text: `local` was typed on `base`; the
 * server now has `server`. Returns what the text box should show.
 */
export function proposalEditRebase(base: string, local: string, server: string): string {
  const mine = proposalEditDiff(base, local);
  if (proposalEditIsNoop(mine)) return server;
  const theirs = proposalEditDiff(base, server);
  return proposalEditApply(server, proposalEditTransform(mine, theirs));
}

/** How many dots a participant may still give, given their dots on other proposals. */
export function proposalDotsLeft(budget: number, dotsElsewhere: number): number {
  return Math.max(0, budget - dotsElsewhere);
}
