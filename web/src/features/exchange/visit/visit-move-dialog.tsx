import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { Dialog } from '../../../components/dialog.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { formatSpan, formatTime } from '../time.ts';
import type { VisitOption } from '../types.ts';
import { visitOptionsSchema, type VisitOptions } from '../../../../../src/domain/exchange/visit/schema.ts';
import { SubmitRow } from '../../../components/field.tsx';

/** In words, why the host's other lessons are not offered (the engine counts them per reason). */
function WhyNotMore({ explained }: { explained: VisitOptions }) {
  const { t } = useTranslation();
  const reasons = Object.entries(explained.rejected).filter(([, n]) => (n ?? 0) > 0);
  if (explained.hostLessons === 0) return <p className="field-hint" data-testid="move-why">{t('exchange.move.noHostLessons')}</p>;
  if (reasons.length === 0) return null;
  return (
    <div className="move-why" data-testid="move-why">
      <p>{t('exchange.move.whyTitle', { count: explained.hostLessons })}</p>
      <ul>
        {explained.options.length > 0 ? <li>{t('exchange.move.offered', { count: explained.options.length })}</li> : null}
        {reasons.map(([code, n]) => <li key={code}>{t(`exchange.move.rejected.${code}`, { count: n })}</li>)}
      </ul>
    </div>
  );
}

/**
 * Moves a visit to another lesson: the server lists only the feasible slots (both
 * timetables, travel and the edition's rules respected), so nothing else can be chosen.
 */
export function VisitMoveDialog({ open, title, optionsUrl, moveUrl, currentStart, onClose, onMoved }: {
  open: boolean; title: string; optionsUrl: string; moveUrl: string; currentStart: string; onClose: () => void; onMoved: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [choice, setChoice] = useState('');
  const isCurrent = (o: VisitOption) => Date.parse(o.lessonStart) === Date.parse(currentStart);
  const explained = useQuery({ queryKey: ['visit-options', optionsUrl], queryFn: () => api.get(optionsUrl, visitOptionsSchema), enabled: open, staleTime: 0, gcTime: 0 });
  const options = { ...explained, data: explained.data?.options };
  const move = useMutation({
    mutationFn: (lessonStart: string) => api.post(moveUrl, { lessonStart }),
    onSuccess: () => {
      setChoice('');
      onMoved();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    if (choice) move.mutate(choice);
  }
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      {options.isPending ? <Loading /> : null}
      <ErrorMessage error={options.error} />
      {options.data && options.data.filter((o) => !isCurrent(o)).length === 0 ? (
        <EmptyState title={t('exchange.move.none')}><p>{t('exchange.move.noneHelp')}</p></EmptyState>
      ) : null}
      {options.data && options.data.some((o) => !isCurrent(o)) ? (
        <form onSubmit={submit} className="form">
          <ErrorMessage error={move.error} />
          <fieldset>
            <legend>{t('exchange.move.choose')}</legend>
            <div className="radio-group">
              {options.data.map((o) => (
                <label key={o.lessonStart} className="radio">
                  <input type="radio" name="slot" value={o.lessonStart} checked={choice === o.lessonStart} disabled={isCurrent(o)} onChange={() => setChoice(o.lessonStart)} />
                  {t('exchange.move.option', {
                    lesson: formatSpan(o.lessonStart, o.lessonEnd, i18n.language), leave: formatTime(o.leaveAt, i18n.language),
                    back: formatTime(o.returnBy, i18n.language), minutes: o.travelMinutes,
                  })}
                  {isCurrent(o) ? ` (${t('exchange.move.current')})` : null}
                </label>
              ))}
            </div>
          </fieldset>
          <SubmitRow busy={move.isPending} label={t('exchange.move.submit')} disabled={!choice}>
            <button type="button" className="button-secondary" onClick={onClose}>{t('common.cancel')}</button>
          </SubmitRow>
        </form>
      ) : null}
      {explained.data ? <WhyNotMore explained={explained.data} /> : null}
    </Dialog>
  );
}
