import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { QueryView } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { z } from 'zod';
import { outboxMessageSchema } from '../../../../../src/domain/foundation/mail/schema.ts';

export function OutboxPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const outbox = useQuery({ queryKey: nk(networkId, 'outbox'), queryFn: () => api.get(`/networks/${networkId}/outbox`, z.array(outboxMessageSchema)) });
  return (
    <>
      <PageHeading title={t('outbox.title')} />
      <p>{t('outbox.intro')}</p>
      <QueryView query={outbox} emptyTitle={t('outbox.empty')} emptyHelp={t('outbox.emptyHelp')}>
        {(list) => (
          <ul className="mail-list">
            {list.map((m) => (
              <li key={m.id} className="card">
                <details>
                  <summary>
                    <span className={`badge badge-${m.status}`}>{t(`outbox.status.${m.status}`)}</span> <strong>{m.subject}</strong>{' '}
                    <span className="muted">
                      {t('outbox.to')} {m.to} · {formatDateTime(m.createdAt, i18n.language)}
                    </span>
                  </summary>
                  {m.error ? (
                    <p className="status status-error">
                      {t('outbox.error')}: {m.error}
                    </p>
                  ) : null}
                  <pre className="mail-text">{m.text}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
    </>
  );
}
