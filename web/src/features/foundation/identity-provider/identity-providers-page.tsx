import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { nk, useInvalidateNetwork, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog, useConfirmAction } from '../../../components/dialog.tsx';
import { DataTable } from '../../../components/data-table.tsx';
import { RowActions } from '../../../components/row-actions.tsx';
import { QueryView, SuccessMessage } from '../../../components/status.tsx';
import { identityProviderSchema, type IdentityProvider } from '../../../../../src/domain/foundation/identity-provider/schema.ts';
import { useInstitutions } from '../institution/queries.ts';
import { ProviderForm } from './provider-form.tsx';

type Editing = { mode: 'closed' } | { mode: 'new' } | { mode: 'edit'; provider: IdentityProvider };

// "Inlogdiensten" (beheerder): the OpenID Connect providers people log in through — SURFconext,
// Entree, eduID — which institutions may use each, and whether an institution requires it.
export function IdentityProvidersPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const invalidate = useInvalidateNetwork();
  const providers = useQuery({
    queryKey: nk(networkId, 'identity-providers'),
    queryFn: () => api.get(`/networks/${networkId}/identity-providers`, z.array(identityProviderSchema)),
    enabled: Boolean(networkId),
  });
  const institutions = useInstitutions();
  const [editing, setEditing] = useState<Editing>({ mode: 'closed' });
  const [notice, setNotice] = useState('');
  const removing = useConfirmAction(
    (p: IdentityProvider) => api.delete(`/networks/${networkId}/identity-providers/${p.id}`, z.object({ ok: z.literal(true) })),
    (p) => {
      void invalidate();
      setNotice(t('idp.deleted', { name: p.name }));
    },
  );
  const institutionList = (institutions.data ?? []).map((i) => ({ id: i.id, name: i.name }));

  return (
    <>
      <PageHeading title={t('idp.title')}>
        <button type="button" disabled={!institutions.data} onClick={() => { setNotice(''); setEditing({ mode: 'new' }); }}>{t('idp.add')}</button>
      </PageHeading>
      <p>{t('idp.intro')}</p>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      <QueryView query={providers} emptyTitle={t('idp.empty')} emptyHelp={t('idp.emptyHelp')}>
        {(list) => (
          <>
            <DataTable
              caption={t('idp.tableCaption', { count: list.length })}
              columns={[t('idp.name'), t('idp.kind'), t('idp.institutions'), t('idp.clientSecret'), t('idp.status'), t('common.actions')]}
            >
              {list.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}<br /><span className="muted break">{p.issuer}</span></th>
                  <td>{t(`idp.kinds.${p.kind}`)}</td>
                  <td>
                    {p.institutions.length === 0 ? '—' : (
                      <ul className="plain-list">
                        {p.institutions.map((l) => (
                          <li key={l.institutionId}>
                            {l.institutionName} <code>{l.organisation}</code>{l.required ? ` (${t('idp.required')})` : ''}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>{p.hasClientSecret ? t('idp.secretSet') : t('idp.secretMissing')}</td>
                  <td>{p.enabled ? t('idp.on') : t('idp.off')}</td>
                  <RowActions
                    name={p.name}
                    onEdit={() => { setNotice(''); setEditing({ mode: 'edit', provider: p }); }}
                    onDelete={() => { setNotice(''); removing.ask(p); }}
                  />
                </tr>
              ))}
            </DataTable>
            {list[0] ? <p>{t('idp.redirectUri')} <code className="break">{list[0].redirectUri}</code></p> : null}
          </>
        )}
      </QueryView>
      <Dialog open={editing.mode !== 'closed'} title={editing.mode === 'edit' ? t('idp.edit', { name: editing.provider.name }) : t('idp.add')} onClose={() => setEditing({ mode: 'closed' })}>
        <ProviderForm
          key={editing.mode === 'edit' ? editing.provider.id : 'new'}
          provider={editing.mode === 'edit' ? editing.provider : undefined}
          institutions={institutionList}
          onDone={(saved) => {
            setNotice(editing.mode === 'edit' ? t('idp.saved', { name: saved.name }) : t('idp.added', { name: saved.name }));
            setEditing({ mode: 'closed' });
          }}
        />
      </Dialog>
      <ConfirmDialog
        {...removing.dialog}
        title={t('idp.deleteTitle')}
        message={t('idp.deleteConfirm', { name: removing.target?.name ?? '' })}
        confirmLabel={t('idp.deleteAction')}
      />
    </>
  );
}
