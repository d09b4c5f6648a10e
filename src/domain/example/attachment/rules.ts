import { UPLOAD_EXTENSIONS, UPLOAD_KINDS, uploadCheck } from '../../../lib/upload-file.ts';

// Pure rules of an example's files: how large and how many. Which kinds are allowed (by leading
// bytes AND extension), the safe name and the download's headers are the product's one file
// checker, src/lib/upload-file.ts.

/** At most this many bytes per file (10 MiB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** At most this many files per example. */
export const ATTACHMENT_MAX_COUNT = 10;
/** The allowed kinds and their extensions, for the file chooser and the list. */
export const ATTACHMENT_KINDS = UPLOAD_KINDS;
export const ATTACHMENT_EXTENSIONS = UPLOAD_EXTENSIONS;

export type AttachmentCheck =
  | { ok: true; name: string; type: string }
  | { ok: false; code: 'EXAMPLE_ATTACHMENT_NAME' | 'EXAMPLE_ATTACHMENT_EMPTY' | 'EXAMPLE_ATTACHMENT_TOO_LARGE' | 'EXAMPLE_ATTACHMENT_TYPE' };

/** Whether a file may be attached to an example: the shared checker with this area's size limit and error codes. */
export function attachmentCheck(rawName: string, bytes: Uint8Array): AttachmentCheck {
  const checked = uploadCheck(rawName, bytes, ATTACHMENT_MAX_BYTES);
  return checked.ok ? checked : { ok: false, code: `EXAMPLE_ATTACHMENT_${checked.reason}` };
}
