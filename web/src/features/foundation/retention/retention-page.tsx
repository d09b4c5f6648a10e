import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { QueryView } from '../../../components/status.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { retentionEntrySchema } from '../../../../../src/domain/foundation/retention/schema.ts';

// "Bewaartermijnen": what Kruispunt keeps how long, and the setting behind each period (beheerder).
export function RetentionPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const rules = useQuery({ queryKey: nk(networkId, 'retention'), queryFn: () => api.get(`/networks/${networkId}/retention`, z.array(retentionEntrySchema)) });
  return (
    <>
      <PageHeading title={t('retention.title')} />
      <p>{t('retention.intro')}</p>
      <QueryView query={rules} emptyTitle={t('retention.title')}>
        {(list) => (
          <DataTable caption={t('retention.caption')} captionHidden columns={[t('retention.table'), t('retention.period'), t('retention.setting'), t('retention.what')]}>
            {list.map((r) => (
              <tr key={`${r.area}-${r.table}`}>
                <td>{r.table} <span className="muted">({r.area})</span></td>
                <td>{r.period ? t(`retention.unit.${r.period.unit}`, { count: r.period.value }) : t('retention.byArea')}</td>
                <td>{r.setting ? <code>{r.setting}</code> : '—'}</td>
                <td>{r.note}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <p><a href="/privacy">{t('retention.more')}</a></p>
    </>
  );
}
