import { UPLOAD_EXTENSIONS, uploadCheck, uploadKindLabel } from '../../../lib/upload-file.ts';

// Pure rules of an activity's evidence files: how large and how many. Which kinds are allowed (by
// leading bytes AND extension) and the safe name are the product's one file checker, src/lib/upload-file.ts.

/** At most this many bytes per file (10 MiB). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** At most this many files per activity. */
export const EVIDENCE_MAX_COUNT = 5;
/** The allowed extensions, for the file chooser. */
export const EVIDENCE_EXTENSIONS = UPLOAD_EXTENSIONS;

export type EvidenceCheck =
  | { ok: true; name: string; type: string }
  | { ok: false; code: 'RECORD_EVIDENCE_NAME' | 'RECORD_EVIDENCE_EMPTY' | 'RECORD_EVIDENCE_TOO_LARGE' | 'RECORD_EVIDENCE_TYPE' };

/** Whether a file may be evidence of an activity: the shared checker with this area's size limit and error codes. */
export function evidenceCheck(rawName: string, bytes: Uint8Array): EvidenceCheck {
  const checked = uploadCheck(rawName, bytes, EVIDENCE_MAX_BYTES);
  return checked.ok ? checked : { ok: false, code: `RECORD_EVIDENCE_${checked.reason}` };
}

/** A short label of a stored media type ("PDF", "XLSX"), for the list. */
export const evidenceKindLabel = uploadKindLabel;
