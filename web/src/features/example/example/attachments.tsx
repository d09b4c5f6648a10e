import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import type { ExampleAttachment } from '../../../../../src/domain/example/attachment/schema.ts';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES } from '../../../../../src/domain/example/attachment/rules.ts';
import type { Example } from '../../../../../src/domain/example/example/schema.ts';
import { ex } from '../queries.ts';

// An example's files: the list with name, kind and size for every reader (a download link each),
// and for coordinators an upload control (a file chooser and a button, with a progress bar while the
// bytes go up) and a remove button that asks first.

const kindLabel = (type: string) => ATTACHMENT_KINDS.find((k) => k.type === type)?.extensions[0]?.toUpperCase() ?? type;

function useSize() {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  return (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${number.format(bytes / 1024)} kB` : `${number.format(bytes / (1024 * 1024))} MB`);
}

/** Sends a file's bytes (XMLHttpRequest, for the upload's progress); rejects with the server's translated ApiError. */
function uploadFile(url: string, file: File, onProgress: (share: number) => void): Promise<unknown> {
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

function Upload({ example, networkId }: { example: Example; networkId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const send = async () => {
    const file = input.current?.files?.[0];
    setDone(null);
    const refuse = (key: string) => setError(new ApiError(400, 'EXAMPLE_ATTACHMENT', t(key)));
    if (!file) return refuse('example.files.pick');
    if (file.size === 0) return refuse('example.files.empty');
    if (file.size > ATTACHMENT_MAX_BYTES) return refuse('example.files.tooLarge');
    setError(null);
    setProgress(0);
    try {
      await uploadFile(`/networks/${networkId}/examples/${example.id}/attachments?name=${encodeURIComponent(file.name)}`, file, setProgress);
      setDone(file.name);
      if (input.current) input.current.value = '';
      await queryClient.invalidateQueries({ queryKey: ex(networkId) });
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
        <label htmlFor={inputId}>{t('example.files.choose')}</label>
        <span className="field-hint" id={`${inputId}-hint`}>{t('example.files.hint')}</span>
        <input id={inputId} ref={input} type="file" accept={ATTACHMENT_EXTENSIONS.map((x) => `.${x}`).join(',')} aria-describedby={`${inputId}-hint`} disabled={busy} onChange={() => { setError(null); setDone(null); }} />
      </div>
      {busy ? (
        <p role="status">
          {t('example.files.uploading')} <progress max={1} value={progress} aria-label={t('example.files.progress')} />
        </p>
      ) : null}
      <ErrorMessage error={error} />
      {done ? <SuccessMessage>{t('example.files.uploaded', { name: done })}</SuccessMessage> : null}
      <div className="button-row">
        <button type="submit" disabled={busy}>{busy ? t('example.files.uploading') : t('example.files.upload')}</button>
      </div>
    </form>
  );
}

/**
 * The files of an example: for every reader a download link per file (`href` gives its address:
 * the network's route or the public one); with `manage`, the coordinator's upload and remove.
 */
export function ExampleFiles({ example, href, manage }: { example: Example; href: (a: ExampleAttachment) => string; manage?: { networkId: string } }) {
  const { t } = useTranslation();
  const size = useSize();
  const queryClient = useQueryClient();
  const remove = useConfirmAction(
    (a: ExampleAttachment) => api.delete(`/networks/${manage?.networkId}/examples/${example.id}/attachments/${a.id}`),
    () => void queryClient.invalidateQueries({ queryKey: ex(manage?.networkId ?? '') }),
  );
  if (!example.attachments.length && !manage) return null;
  return (
    <section className="section" aria-labelledby="example-files-title">
      <h2 id="example-files-title">{t('example.files.title')}</h2>
      {example.attachments.length ? (
        <ul className="link-list">
          {example.attachments.map((a) => (
            <li key={a.id}>
              <a href={href(a)} download={a.name} aria-label={t('example.files.download', { name: a.name })} className="break">{a.name}</a>{' '}
              <span className="muted">({kindLabel(a.type)}, {size(a.size)})</span>
              {manage ? (
                <>
                  {' '}
                  <button type="button" className="button-danger-outline button-small" aria-label={t('example.files.removeLabel', { name: a.name })} onClick={() => remove.ask(a)}>
                    {t('example.files.remove')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p className="muted">{t('example.files.none')}</p>}
      {manage ? (
        <>
          <Upload example={example} networkId={manage.networkId} />
          <ConfirmDialog {...remove.dialog} title={t('example.files.removeTitle')} message={t('example.files.removeMessage', { name: remove.target?.name ?? '' })} confirmLabel={t('example.files.remove')} />
        </>
      ) : null}
    </section>
  );
}
