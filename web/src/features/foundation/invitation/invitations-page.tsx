import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import type { Invitation } from '../../../api/types.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, Dialog } from '../../../components/dialog.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { InviteForm } from './invite-form.tsx';
import { z } from 'zod';
import { invitationSchema } from '../../../../../src/domain/foundation/invitation/schema.ts';

export function InvitationsPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const invitations = useQuery({ queryKey: nk(networkId, 'invitations'), queryFn: () => api.get(`/networks/${networkId}/invitations`, z.array(invitationSchema)) });
  const [inviting, setInviting] = useState(false);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState('');
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/networks/${networkId}/invitations/${id}`),
    onSuccess: () => {
      setNotice(t('invitation.revoked', { email: revoking?.email ?? '' }));
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: nk(networkId) });
    },
  });

  return (
    <>
      <PageHeading title={t('invitation.listTitle')}>
        <button type="button" onClick={() => { setNotice(''); setInviting(true); }}>
          {t('invitation.add')}
        </button>
      </PageHeading>
      <p>{t('invitation.listIntro')}</p>
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      {invitations.isPending ? <Loading /> : null}
      <ErrorMessage error={invitations.error} />
      {invitations.data?.length === 0 ? (
        <EmptyState title={t('invitation.empty')}>
          <p>{t('invitation.emptyHelp')}</p>
        </EmptyState>
      ) : null}
      {invitations.data && invitations.data.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('invitation.tableCaption', { count: invitations.data.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('invitation.name')}</th>
                <th scope="col">{t('invitation.email')}</th>
                <th scope="col">{t('invitation.role')}</th>
                <th scope="col">{t('invitation.institution')}</th>
                <th scope="col">{t('invitation.status')}</th>
                <th scope="col">{t('invitation.expires')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((inv) => (
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
                      <button type="button" className="button-danger-outline button-small" onClick={() => { revoke.reset(); setRevoking(inv); }}>
                        {t('invitation.revoke')}
                        <span className="sr-only"> {inv.email}</span>
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Dialog open={inviting} title={t('invitation.add')} onClose={() => setInviting(false)}>
        <InviteForm
          onDone={(inv) => {
            setNotice(t('invitation.sent', { email: inv.email }));
            setInviting(false);
          }}
        />
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title={t('invitation.revokeTitle')}
        message={t('invitation.revokeConfirm', { email: revoking?.email ?? '' })}
        confirmLabel={t('invitation.revokeAction')}
        busy={revoke.isPending}
        error={<ErrorMessage error={revoke.error} />}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => setRevoking(null)}
      />
    </>
  );
}
