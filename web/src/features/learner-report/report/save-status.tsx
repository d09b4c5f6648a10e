import { useTranslation } from 'react-i18next';
import { errorText } from '../../../components/status.tsx';
import type { SaveStatus } from './use-autosave.ts';

function timeOf(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));
}

/** Where the teacher's text is: saved (with the time), waiting, on its way, or kept in this browser only. */
export function SaveStatusLine({ status }: { status: SaveStatus }) {
  const { t, i18n } = useTranslation();
  let text = '';
  let className = 'status';
  switch (status.kind) {
    case 'pending': text = t('learnerReport.save.pending'); break;
    case 'saving': text = t('learnerReport.save.saving'); break;
    case 'saved': text = t('learnerReport.save.saved', { time: timeOf(status.at, i18n.language) }); className = 'status status-success'; break;
    case 'offline': text = t('learnerReport.save.offline'); className = 'status status-warning'; break;
    case 'invalid': text = t('learnerReport.save.invalid'); className = 'status status-warning'; break;
    case 'conflict': text = t('learnerReport.save.conflict'); className = 'status status-warning'; break;
    case 'error': text = t('learnerReport.save.error', { message: errorText(status.error, t) }); className = 'status status-error'; break;
  }
  return (
    <p className={`${className} save-status`} role="status" aria-live="polite">
      {text}
    </p>
  );
}
