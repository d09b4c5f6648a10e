import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { FileUploadForm, useFileSize } from '../../../components/file-upload.tsx';
import type { ExampleAttachment } from '../../../../../src/domain/example/attachment/schema.ts';
import { ATTACHMENT_EXTENSIONS, ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES } from '../../../../../src/domain/example/attachment/rules.ts';
import type { Example } from '../../../../../src/domain/example/example/schema.ts';
import { ex } from '../queries.ts';

// An example's files: the list with name, kind and size for every reader (a download link each),
// and for coordinators an upload control (a file chooser and a button, with a progress bar while the
// bytes go up) and a remove button that asks first.

const kindLabel = (type: string) => ATTACHMENT_KINDS.find((k) => k.type === type)?.extensions[0]?.toUpperCase() ?? type;

/**
 * The files of an example: for every reader a download link per file (`href` gives its address:
 * the network's route or the public one); with `manage`, the coordinator's upload and remove.
 */
export function ExampleFiles({ example, href, manage }: { example: Example; href: (a: ExampleAttachment) => string; manage?: { networkId: string } }) {
  const { t } = useTranslation();
  const size = useFileSize();
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
          <FileUploadForm
            url={`/networks/${manage.networkId}/examples/${example.id}/attachments`} extensions={ATTACHMENT_EXTENSIONS} maxBytes={ATTACHMENT_MAX_BYTES} prefix="example.files"
            onUploaded={() => queryClient.invalidateQueries({ queryKey: ex(manage.networkId) })}
          />
          <ConfirmDialog {...remove.dialog} title={t('example.files.removeTitle')} message={t('example.files.removeMessage', { name: remove.target?.name ?? '' })} confirmLabel={t('example.files.remove')} />
        </>
      ) : null}
    </section>
  );
}
