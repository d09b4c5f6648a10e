import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useNetwork } from '../../../app/session.tsx';
import { useLiveBoard } from './live-board.ts';
import { StepClock } from './step-clock.tsx';
import { StatementCounts } from './statement-counts.tsx';

/** The projector: the current step large, the code and QR to join, and the results as they come in. */
export function ProjectorPage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const { id = '' } = useParams();
  const { board, offsetMs } = useLiveBoard(id);
  if (!board) return <p role="status">{t('cocreation.loading')}</p>;
  const label = (key: string) => board.framework.find((d) => d.key === key)?.label ?? key;
  const current = board.proposals.find((p) => p.id === board.currentProposalId);
  const joinAt = `${window.location.host}/meedoen`;
  return (
    <div className="cc-projector">
      <h1>{board.title}</h1>
      <StepClock board={board} offsetMs={offsetMs} />
      {board.step === 0 && (
        <div className="cc-projector-join">
          <img src={`/api/networks/${networkId}/cocreation-sessions/${id}/qr.svg`} alt={t('cocreation.control.qrAlt', { code: board.code })} width={320} height={320} />
          <div>
            <p>{t('cocreation.projector.join', { url: joinAt })}</p>
            <p><strong className="cc-projector-code">{board.code}</strong></p>
            <p>{t('cocreation.participants', { count: board.participantCount })}</p>
          </div>
        </div>
      )}
      {(board.step === 1 || board.step === 2) && (
        <div className="cc-projector-columns">
          {board.framework.map((d) => {
            const statements = board.statements.filter((s) => s.domainKey === d.key || (s.attached[d.key] ?? 0) > 0);
            return (
              <section key={d.key} className="card" aria-label={d.label}>
                <h2>{d.label}</h2>
                {board.step === 2 && <p className="cc-projector-domain-text">{d.description}</p>}
                {statements.length === 0 ? <p className="muted">{t('cocreation.projector.noStatements')}</p> : (
                  <ul>
                    {statements.map((s) => (
                      <li key={s.id}>
                        <article aria-label={s.text.slice(0, 60)}>
                          <p className="cc-statement-text break">{s.text}</p>
                          <StatementCounts statement={s} />
                        </article>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })}
        </div>
      )}
      {board.step === 3 && (
        <div className="cc-projector-columns">
          {board.proposals.map((p) => (
            <section key={p.id} className="card" aria-label={p.subgroupName ? `${label(p.domainKey)} · ${t('cocreation.group', { name: p.subgroupName })}` : label(p.domainKey)}>
              <h2>{label(p.domainKey)}</h2>
              {p.subgroupName && <p className="muted">{t('cocreation.group', { name: p.subgroupName })}</p>}
              {p.text ? <p className="cc-proposal-text break">{p.text}</p> : <p className="muted">{t('cocreation.projector.writing')}</p>}
            </section>
          ))}
        </div>
      )}
      {board.step === 4 && (
        <>
          {current ? (
            <section className="card cc-projector-current" aria-label={t('cocreation.projector.current')}>
              <h2>{label(current.domainKey)}</h2>
              <p className="cc-proposal-text break">{current.text || '—'}</p>
              <p className="cc-counts">{t('cocreation.dots', { count: current.dots })} · {t('cocreation.consents', { count: current.consents })} · {t('cocreation.objections', { count: current.objections.length })}</p>
              {current.decision && <p><strong>{t(`cocreation.decision.${current.decision}`)}</strong></p>}
            </section>
          ) : <p className="muted">{t('cocreation.projector.noneShown')}</p>}
          <h2>{t('cocreation.projector.allProposals')}</h2>
          <ul>{board.proposals.map((p) => <li key={p.id}>{label(p.domainKey)}{p.subgroupName ? ` (${t('cocreation.group', { name: p.subgroupName })})` : ''}: {t('cocreation.dots', { count: p.dots })}{p.decision ? ` — ${t(`cocreation.decision.${p.decision}`)}` : ''}</li>)}</ul>
        </>
      )}
      {board.step >= 5 && (
        <section aria-labelledby="pj-agreements">
          <h2 id="pj-agreements">{t('cocreation.agreements')}</h2>
          {board.agreements.length === 0 ? <p className="muted">{t('cocreation.noAgreements')}</p> : (
            <ul>{board.agreements.map((a) => <li key={a.id} className="break">{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul>
          )}
        </section>
      )}
    </div>
  );
}
