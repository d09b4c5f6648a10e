import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { useLiveBoard } from './live-board.ts';
import { StepClock } from './step-clock.tsx';

/** The projector: the current step large, the code and QR to join, and the results as they come in. */
export function ProjectorPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const { id = '' } = useParams();
  const { board, offsetMs } = useLiveBoard(id);
  if (!board) return <p>{t('cocreation.loading')}</p>;
  const label = (key: string) => board.framework.find((d) => d.key === key)?.label ?? key;
  const current = board.proposals.find((p) => p.id === board.currentProposalId);
  return (
    <div style={{ fontSize: '1.5rem', lineHeight: 1.4 }}>
      <h1 style={{ fontSize: '2.6rem', margin: 0 }}>{board.title}</h1>
      <StepClock board={board} offsetMs={offsetMs} large />
      {board.step === 0 && (
        <div style={{ display: 'flex', gap: '2rem', alignItems: 'center', flexWrap: 'wrap' }}>
          <img src={`/api/networks/${networkId}/cocreation-sessions/${id}/qr.svg`} alt={t('cocreation.control.qrAlt', { code: board.code })} width={320} height={320} />
          <p>{t('cocreation.projector.join')}<br /><strong style={{ fontSize: '4rem', letterSpacing: '0.2em' }}>{board.code}</strong><br />{t('cocreation.participants', { count: board.participantCount })}</p>
        </div>
      )}
      {(board.step === 1 || board.step === 2) && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1rem' }}>
          {board.framework.map((d) => (
            <section key={d.key} className="card" aria-label={d.label}>
              <h2 style={{ fontSize: '1.6rem' }}>{d.label}</h2>
              {board.step === 2 && <p style={{ fontSize: '1.1rem' }}>{d.description}</p>}
              <ul style={{ paddingLeft: '1.2rem' }}>
                {board.statements.filter((s) => s.domainKey === d.key || (s.attached[d.key] ?? 0) > 0).map((s) => (
                  <li key={s.id} className="break">{s.text} <strong>({t(`cocreation.consensus.${s.consensus}`)} · {s.agree}/{s.disagree}/{s.unsure})</strong></li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      {board.step === 3 && (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))', gap: '1rem' }}>
          {board.proposals.map((p) => (
            <section key={p.id} className="card" aria-label={label(p.domainKey)}>
              <h2 style={{ fontSize: '1.5rem' }}>{label(p.domainKey)}</h2>
              <p>{p.subgroupName && t('cocreation.group', { name: p.subgroupName })}</p>
              <p className="break" style={{ whiteSpace: 'pre-wrap' }}>{p.text}</p>
            </section>
          ))}
        </div>
      )}
      {board.step === 4 && (
        <>
          {current && (
            <section className="card" aria-label={t('cocreation.projector.current')}>
              <h2 style={{ fontSize: '2rem' }}>{label(current.domainKey)}</h2>
              <p className="break" style={{ fontSize: '2rem', whiteSpace: 'pre-wrap' }}>{current.text}</p>
              <p>{t('cocreation.dots', { count: current.dots })} · {t('cocreation.consents', { count: current.consents })} · {t('cocreation.objections', { count: current.objections.length })}</p>
            </section>
          )}
          <ul>{board.proposals.map((p) => <li key={p.id}>{label(p.domainKey)}: {t('cocreation.dots', { count: p.dots })}{p.decision ? ` — ${t(`cocreation.decision.${p.decision}`)}` : ''}</li>)}</ul>
        </>
      )}
      {board.step >= 5 && (
        <ul>{board.agreements.map((a) => <li key={a.id} className="break">{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul>
      )}
    </div>
  );
}
