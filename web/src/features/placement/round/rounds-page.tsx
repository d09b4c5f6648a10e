import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { SubmitRow, TextField } from '../../../components/field.tsx';
import { ErrorMessage, QueryView } from '../../../components/status.tsx';
import { roundSchema } from '../../../../../src/domain/placement/round/schema.ts';
import { useInternships, useRounds } from '../queries.ts';

function CreateRound() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const internships = useInternships(true);
  const [title, setTitle] = useState('');
  const [maxRanks, setMaxRanks] = useState('3');
  const [chosen, setChosen] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/placement-rounds`, { title, maxRanks: Number(maxRanks), offerIds: chosen }, roundSchema),
    onSuccess: (round) => void navigate(`/docentstages/${round.id}`),
  });
  return (
    <section className="section" aria-labelledby="new-round">
      <h2 id="new-round">{t('placement.create.title')}</h2>
      <form className="form" onSubmit={(e) => { e.preventDefault(); create.mutate(); }}>
        <TextField label={t('placement.create.name')} value={title} onChange={(e) => setTitle(e.target.value)} required />
        <TextField label={t('placement.create.maxRanks')} type="number" min={1} max={10} value={maxRanks} onChange={(e) => setMaxRanks(e.target.value)} />
        <fieldset>
          <legend>{t('placement.create.offers')}</legend>
          {(internships.data ?? []).map((o) => (
            <label key={o.id} className="checkbox">
              <input type="checkbox" checked={chosen.includes(o.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, o.id] : chosen.filter((id) => id !== o.id))} />{' '}
              {o.title} <span className="muted">({o.hostName}, {t('placement.places', { count: o.capacity })})</span>
            </label>
          ))}
        </fieldset>
        <ErrorMessage error={create.error} />
        <SubmitRow label={t('placement.create.submit')} busy={create.isPending} />
      </form>
    </section>
  );
}

/** /docentstages — placement rounds of teacher internships. */
export function RoundsPage() {
  const { t } = useTranslation();
  const { caps } = useNetwork();
  const rounds = useRounds();
  return (
    <>
      <PageHeading title={t('placement.title')} />
      <p className="lead">{t('placement.intro')}</p>
      <QueryView query={rounds} emptyTitle={t('placement.empty')}>
        {(list) => (
          <ul className="plain-list">
            {list.map((r) => (
              <li key={r.id} className="card">
                <h3><Link to={`/docentstages/${r.id}`}>{r.title}</Link></h3>
                <p><span className="badge">{t(`placement.status.${r.status}`)}</span> <span className="muted">{t('placement.offersCount', { count: r.offers })}, {t('placement.rankingsCount', { count: r.rankings })}</span></p>
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      {caps.manageNetwork ? <CreateRound /> : null}
    </>
  );
}
