// The engine answers expected input failures as data ({ ok: false, reason }); a bench input is
// generated or shipped, so a failure there is a bug in the bench: stop with its code.
export function resultOk<R extends { readonly ok: boolean }>(result: R): Extract<R, { readonly ok: true }> {
  if (!result.ok) {
    const failure = result as unknown as { reason: string; detail?: string };
    throw new Error(`engine refused the input: ${failure.reason}${failure.detail ? ` ${failure.detail}` : ''}`);
  }
  return result as Extract<R, { readonly ok: true }>;
}
