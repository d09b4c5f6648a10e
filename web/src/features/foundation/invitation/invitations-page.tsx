import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Invitation } from '../../../api/types.ts';
import { nk, useInvalidateNetwork, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog, useConfirmAction } from '../../../components/dialog.tsx';
import { QueryView, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { InviteForm } from './invite-form.tsx';
import { z } from 'zod';
import { invitationSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';
import { RowButton } from '../../../components/row-actions.tsx';

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const invitations = useQuery({ queryKey: nk(networkId, 'invitations'), queryFn: () => api.get(`/networks/${networkId}/invitations`, z.array(invitationSchema)) });
  const [inviting, setInviting] = useState(false);
  const [notice, setNotice] = useState('');
  const invalidate = useInvalidateNetwork();
  const revoke = useConfirmAction(
    (inv: Invitation) => api.delete(`/networks/${networkId}/invitations/${inv.id}`),
    (inv) => {
      setNotice(t('invitation.revoked', { email: inv.email }));
      void invalidate();
    },
  );

  return (
    <>
      <PageHeading title={t('invitation.listTitle')}>
        <button type="button" onClick={() => { setNotice(''); setInviting(true); }}>
          {t('invitation.add')}
        </button>
      </PageHeading>
      <p>{t('invitation.listIntro')}</p>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      <QueryView query={invitations} emptyTitle={t('invitation.empty')} emptyHelp={t('invitation.emptyHelp')}>
        {(list) => (
          <DataTable caption={t('invitation.tableCaption', { count: list.length })} columns={[t('invitation.name'), t('invitation.email'), t('invitation.role'), t('invitation.institution'), t('invitation.status'), t('invitation.expires'), t('common.actions')]}>
            {list.map((inv) => (
              <tr key={inv.id}>
                <th scope="row">{inv.name}</th>
                <td className="break">{inv.email}</td>
                <td>{t(`role.${inv.role}`)}</td>
                <td>{inv.institutionName ?? '—'}</td>
                <td>
                  <span className={`badge badge-${inv.status}`}>{t(`invitationStatus.${inv.status}`)}</span>
                </td>
                <td>{formatDateTime(inv.expiresAt, i18n.language)}</td>
                <td className="actions">
                  {inv.status === 'pending' ? (
                    <RowButton label={t('invitation.revoke')} name={inv.email} danger onClick={() => revoke.ask(inv)} />
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </QueryView>
      <Dialog open={inviting} title={t('invitation.add')} onClose={() => setInviting(false)}>
        <InviteForm
          onDone={(inv) => {
            setNotice(t('invitation.sent', { email: inv.email }));
            setInviting(false);
          }}
        />
      </Dialog>
      <ConfirmDialog
        {...revoke.dialog}
        title={t('invitation.revokeTitle')}
        message={t('invitation.revokeConfirm', { email: revoke.target?.email ?? '' })}
        confirmLabel={t('invitation.revokeAction')}
      />
    </>
  );
}
