import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { ErrorMessage, SuccessMessage } from './status.tsx';

// Uploading a file to a route that takes its bytes as the body (an example's attachments, the
// evidence of a record activity): a file chooser and a button, a progress bar while the bytes go up,
// the server's translated error, and a size as people read it.

/** A file size as people read it: "512 B", "12,5 kB", "3,2 MB". */
export function useFileSize() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / (1024 * 1024))} MB`);
}

/** Sends a file's bytes (XMLHttpRequest, for the upload's progress); rejects with the server's translated ApiError. */
export function uploadFile(url: string, file: File, onProgress: (share: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${url}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK_ERROR', ''));
    xhr.onload = () => {
      let body: { error?: { code?: string; message?: string } } | undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(body);
      else reject(new ApiError(xhr.status, body?.error?.code ?? 'HTTP_ERROR', body?.error?.message ?? '', [], body));
    };
    xhr.send(file);
  });
}

/**
 * The upload form. Its texts come from the feature's catalogue under `prefix` (choose, hint, pick,
 * empty, tooLarge, upload, uploading, progress, uploaded), with `values` for interpolation.
 */
export function FileUploadForm({ url, extensions, maxBytes, prefix, values = {}, onUploaded }: {
  url: string; extensions: readonly string[]; maxBytes: number; prefix: string; values?: Record<string, string>; onUploaded: () => unknown;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const text = (key: string, more: Record<string, string> = {}) => t(`${prefix}.${key}`, { ...values, ...more });
  const send = async () => {
    const file = input.current?.files?.[0];
    setDone(null);
    const refuse = (key: string) => setError(new ApiError(400, 'UPLOAD_REFUSED', text(key)));
    if (!file) return refuse('pick');
    if (file.size === 0) return refuse('empty');
    if (file.size > maxBytes) return refuse('tooLarge');
    setError(null);
    setProgress(0);
    try {
      await uploadFile(`${url}?name=${encodeURIComponent(file.name)}`, file, setProgress);
      setDone(file.name);
      if (input.current) input.current.value = '';
      await onUploaded();
    } catch (e) {
      setError(e);
    } finally {
      setProgress(null);
    }
  };
  const busy = progress !== null;
  return (
    <form className="form" noValidate aria-busy={busy} onSubmit={(e) => { e.preventDefault(); void send(); }} style={{ marginTop: '1rem' }}>
      <div className="field">
        <label htmlFor={inputId}>{text('choose')}</label>
        <span className="field-hint" id={`${inputId}-hint`}>{text('hint')}</span>
        <input id={inputId} ref={input} type="file" accept={extensions.map((x) => `.${x}`).join(',')} aria-describedby={`${inputId}-hint`} disabled={busy} onChange={() => { setError(null); setDone(null); }} />
      </div>
      {busy ? (
        <p role="status">
          {text('uploading')} <progress max={1} value={progress} aria-label={text('progress')} />
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {done ? <SuccessMessage>{text('uploaded', { name: done })}</SuccessMessage> : null}
      <div className="button-row">
        <button type="submit" disabled={busy}>{busy ? text('uploading') : text('upload')}</button>
      </div>
    </form>
  );
}
