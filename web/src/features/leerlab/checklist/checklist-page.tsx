import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SelectField, SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { checklistItemSchema, type ChecklistItem } from '../../../../../src/domain/leerlab/checklist/schema.ts';
import type { Leerlab } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { leerlabPath, lk, useChecklist, useLeerlab } from '../queries.ts';
import { LeerlabNav } from '../leerlab/leerlab-nav.tsx';

function ItemEditor({ item, leerlab, canEdit }: { item: ChecklistItem; leerlab: Leerlab; canEdit: boolean }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    status: item.status, ownerId: item.ownerId ?? '', dueDate: item.dueDate ?? '',
    source: item.financing?.source ?? '', amount: String(item.financing?.amount ?? 0), period: item.financing?.period ?? '', spent: String(item.financing?.spent ?? 0), documentsDue: item.financing?.documentsDue ?? '',
  });
  const save = useMutation({
    mutationFn: () => api.patch(leerlabPath(networkId, leerlab.id, `/checklist/${item.id}`), {
      status: f.status, ownerId: f.ownerId || null, dueDate: f.dueDate || null,
      ...(item.kind === 'financing' ? { financing: { source: f.source, amount: Number(f.amount) || 0, period: f.period, spent: Number(f.spent) || 0, documentsDue: f.documentsDue || null } } : {}),
    }, z.array(checklistItemSchema)),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id, 'checklist') }),
  });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  return (
    <li className="card">
      <h3>{item.title}</h3>
      <p>
        <span className={`badge badge-${item.status === 'done' ? 'done' : item.overdue ? 'warning' : 'planned'}`}>{t(`leerlab.checklist.status.${item.status}`)}</span>
        {item.overdue ? <> <strong>{t('leerlab.checklist.overdue')}</strong></> : null}
        {' '}{t('leerlab.checklist.owner', { name: item.ownerName ?? '—' })} · {t('leerlab.checklist.due', { date: item.dueDate ?? '—' })}
      </p>
      {canEdit ? (
        <form className="form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
          <SelectField label={t('leerlab.checklist.statusLabel')} value={f.status} onChange={set('status')}>
            {(['open', 'in_progress', 'done'] as const).map((s) => <option key={s} value={s}>{t(`leerlab.checklist.status.${s}`)}</option>)}
          </SelectField>
          <SelectField label={t('leerlab.checklist.ownerLabel')} value={f.ownerId} onChange={set('ownerId')}>
            <option value="">—</option>
            {[...new Map(leerlab.staff.map((s) => [s.personId, s])).values()].map((s) => <option key={s.personId} value={s.personId}>{s.name}</option>)}
          </SelectField>
          <TextField type="date" label={t('leerlab.checklist.dueLabel')} value={f.dueDate} onChange={set('dueDate')} />
          {item.kind === 'financing' ? (
            <fieldset>
              <legend>{t('leerlab.checklist.financing')}</legend>
              <TextField label={t('leerlab.checklist.source')} value={f.source} onChange={set('source')} />
              <TextField type="number" min={0} label={t('leerlab.checklist.amount')} value={f.amount} onChange={set('amount')} />
              <TextField label={t('leerlab.checklist.period')} value={f.period} onChange={set('period')} />
              <TextField type="number" min={0} label={t('leerlab.checklist.spent')} value={f.spent} onChange={set('spent')} />
              <TextField type="date" label={t('leerlab.checklist.documentsDue')} value={f.documentsDue} onChange={set('documentsDue')} />
            </fieldset>
          ) : null}
          <ErrorMessage error={save.error} />
          <SubmitRow label={t('leerlab.checklist.save')} busy={save.isPending} />
        </form>
      ) : null}
    </li>
  );
}

export function ChecklistPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const leerlab = useLeerlab(id);
  const checklist = useChecklist(id);
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: () => api.post(leerlabPath(networkId, id, '/checklist'), { title }, z.array(checklistItemSchema)),
    onSuccess: () => { setTitle(''); void queryClient.invalidateQueries({ queryKey: lk(networkId, id, 'checklist') }); },
  });
  const coordinator = leerlab.data?.myRole === 'coordinator';
  return (
    <>
      <PageHeading title={t('leerlab.checklist.title', { name: leerlab.data?.name ?? '' })} />
      <LeerlabNav id={id} coordinator={coordinator} />
      <p className="lead">{t('leerlab.checklist.lead')}</p>
      <QueryView query={checklist} emptyTitle={t('leerlab.checklist.empty')}>
        {(items) => leerlab.data ? <ul className="plain-list">{items.map((i) => <ItemEditor key={i.id} item={i} leerlab={leerlab.data} canEdit={coordinator} />)}</ul> : null}
      </QueryView>
      {coordinator ? (
        <form className="form card" onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
          <TextField label={t('leerlab.checklist.newItem')} value={title} onChange={(e) => setTitle(e.target.value)} />
          <ErrorMessage error={add.error} />
          <SubmitRow label={t('leerlab.checklist.add')} busy={add.isPending} disabled={title.trim().length < 2} />
        </form>
      ) : null}
    </>
  );
}
