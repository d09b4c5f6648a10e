import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { FileUploadForm, useFileSize } from '../../../components/file-upload.tsx';
import { SuccessMessage } from '../../../components/status.tsx';
import type { RecordEntry } from '../../../../../src/domain/record/entry/schema.ts';
import type { RecordEvidenceFile } from '../../../../../src/domain/record/evidence/schema.ts';
import { EVIDENCE_EXTENSIONS, EVIDENCE_MAX_BYTES, evidenceKindLabel } from '../../../../../src/domain/record/evidence/rules.ts';
import { rk } from '../queries.ts';

/**
 * The evidence files of an activity added by hand: name, kind and size with a download link (for
 * the teacher, and for a team lead when the teacher shows the activity); for the teacher also an
 * upload (behind "Bewijsstuk toevoegen", with a progress bar) and a remove button that asks first.
 */
export function EvidenceFiles({ entry, owner }: { entry: RecordEntry; owner: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const size = useFileSize();
  const [message, setMessage] = useState('');
  const url = `/networks/${networkId}/record/activities/${entry.sourceId}/attachments`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: rk(networkId) });
  const remove = useConfirmAction(
    (f: RecordEvidenceFile) => api.delete(`${url}/${f.id}`),
    (f) => { void refresh(); setMessage(t('record.files.removed', { name: f.name })); },
  );
  if (!entry.manual || (!owner && entry.files.length === 0)) return null;
  const headingId = `record-files-${entry.sourceId}`;
  return (
    <div className="section" aria-labelledby={headingId} role="group">
      <h4 id={headingId}>{t('record.files.title')}</h4>
      {entry.files.length ? (
        <ul className="link-list">
          {entry.files.map((f) => (
            <li key={f.id}>
              <a href={`/api${url}/${f.id}`} download={f.name} aria-label={t('record.files.download', { name: f.name })} className="break">{f.name}</a>{' '}
              <span className="muted">({evidenceKindLabel(f.type)}, {size(f.size)})</span>
              {owner ? (
                <>
                  {' '}
                  <button type="button" className="button-danger-outline button-small" aria-label={t('record.files.removeLabel', { name: f.name })} onClick={() => remove.ask(f)}>
                    {t('record.files.remove')}
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : <p className="muted">{t('record.files.none')}</p>}
      {message ? <SuccessMessage>{message}</SuccessMessage> : null}
      {owner ? (
        <details>
          <summary>{t('record.files.add')}<span className="sr-only">: {entry.title}</span></summary>
          <FileUploadForm url={url} extensions={EVIDENCE_EXTENSIONS} maxBytes={EVIDENCE_MAX_BYTES} prefix="record.files" values={{ title: entry.title }} onUploaded={() => { setMessage(''); return refresh(); }} />
        </details>
      ) : null}
      {owner ? (
        <ConfirmDialog {...remove.dialog} title={t('record.files.removeTitle')} message={t('record.files.removeMessage', { name: remove.target?.name ?? '', title: entry.title })} confirmLabel={t('record.files.remove')} />
      ) : null}
    </div>
  );
}
