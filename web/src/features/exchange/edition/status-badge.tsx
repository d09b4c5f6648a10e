import { useTranslation } from 'react-i18next';
import type { EditionStatus } from '../types.ts';

export function EditionStatusBadge({ status }: { status: EditionStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status === 'published' || status === 'running' ? 'published' : 'pending'}`}>{t(`exchange.status.${status}`)}</span>;
}
