// The audit log's page cursor: the exact position (microsecond timestamp and id) of the last
// entry of a page, e.g. `20261203093549123456-<32 hex digits>`; clients pass it back unchanged.

export interface AuditPosition {
  /** ISO 8601 in UTC with microseconds, as PostgreSQL stores it. */
  at: string;
  id: string;
}

const CURSOR = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{6})-([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})$/;

export function auditCursorEncode(position: AuditPosition): string {
  return `${position.at.replace(/\D/g, '')}-${position.id.replace(/-/g, '').toLowerCase()}`;
}

/** The position in a cursor, or undefined when it is not one. */
export function auditCursorDecode(cursor: string): AuditPosition | undefined {
  const m = CURSOR.exec(cursor);
  if (!m) return undefined;
  return { at: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`, id: `${m[8]}-${m[9]}-${m[10]}-${m[11]}-${m[12]}` };
}

const csvCell = (value: string) => {
  // A cell that a spreadsheet would read as a formula is prefixed with a quote.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

/** The audit log as semicolon-separated CSV, UTF-8 with BOM (opens in Dutch Excel). */
export function auditCsvRender(rows: { at: string; actorName: string | null; action: string; entity: string; entityId: string | null; data: unknown }[]): string {
  const header = ['at', 'actor', 'action', 'entity', 'entity_id', 'data'];
  const lines = rows.map((r) => [r.at, r.actorName ?? '', r.action, r.entity, r.entityId ?? '', r.data == null ? '' : JSON.stringify(r.data)].map(csvCell).join(';'));
  return `\uFEFF${[header.join(';'), ...lines].join('\r\n')}\r\n`;
}
