import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { ek, useCalendarFeed } from '../queries.ts';
import { calendarFeedCreatedSchema } from '../../../../../src/domain/exchange/visit/schema.ts';

/** A private calendar link for Outlook/Google: shown once when made, can be revoked. */
export function CalendarFeedSection() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const feed = useCalendarFeed();
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const urlId = useId();
  const invalidate = () => queryClient.invalidateQueries({ queryKey: ek(networkId, 'calendar-feed') });
  const create = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/calendar-feed`, {}, calendarFeedCreatedSchema),
    onSuccess: (r) => { setUrl(r.url); setCopied(false); void invalidate(); },
  });
  const revoke = useMutation({
    mutationFn: () => api.delete(`/networks/${networkId}/calendar-feed`),
    onSuccess: () => { setRevoking(false); setUrl(''); void invalidate(); },
  });
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      (document.getElementById(urlId) as HTMLInputElement | null)?.select();
    }
  }
  return (
    <section aria-labelledby="feed-title" className="section card">
      <h2 id="feed-title">{t('exchange.feed.title')}</h2>
      <p>{t('exchange.feed.intro')}</p>
      {feed.isPending ? <Loading /> : null}
      <ErrorMessage error={feed.error ?? create.error} />
      {feed.data?.active && !url ? <p>{t('exchange.feed.active', { date: feed.data.createdAt ? formatDateTime(feed.data.createdAt, i18n.language) : '' })}</p> : null}
      {url ? (
        <div className="form">
          <div className="field">
            <label htmlFor={urlId}>{t('exchange.feed.urlLabel')}</label>
            <input id={urlId} readOnly value={url} className="feed-url" aria-describedby={`${urlId}-hint`} onFocus={(e) => e.target.select()} />
            <span id={`${urlId}-hint`} className="field-hint">{t('exchange.feed.onceHint')}</span>
          </div>
          <div className="button-row">
            <button type="button" onClick={() => void copy()}>{t('exchange.feed.copy')}</button>
            <span role="status">{copied ? t('exchange.feed.copied') : ''}</span>
          </div>
          <details>
            <summary>{t('exchange.feed.howTitle')}</summary>
            <h3>Outlook</h3>
            <p>{t('exchange.feed.howOutlook')}</p>
            <h3>Google Agenda</h3>
            <p>{t('exchange.feed.howGoogle')}</p>
            <h3>{t('exchange.feed.howAppleTitle')}</h3>
            <p>{t('exchange.feed.howApple')}</p>
          </details>
        </div>
      ) : null}
      <div className="button-row">
        <button type="button" className={feed.data?.active ? 'button-secondary' : undefined} onClick={() => create.mutate()} disabled={create.isPending}>
          {create.isPending ? t('common.busy') : feed.data?.active ? t('exchange.feed.renew') : t('exchange.feed.create')}
        </button>
        {feed.data?.active ? <button type="button" className="button-danger-outline" onClick={() => { revoke.reset(); setRevoking(true); }}>{t('exchange.feed.revoke')}</button> : null}
      </div>
      <ConfirmDialog
        open={revoking}
        title={t('exchange.feed.revokeTitle')}
        message={t('exchange.feed.revokeMessage')}
        confirmLabel={t('exchange.feed.revoke')}
        busy={revoke.isPending}
        error={<ErrorMessage error={revoke.error} />}
        onConfirm={() => revoke.mutate()}
        onClose={() => setRevoking(false)}
      />
    </section>
  );
}
