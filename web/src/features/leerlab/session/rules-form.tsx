import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { TextField } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { leerlabSchema, type Leerlab } from '../../../../../src/domain/leerlab/leerlab/schema.ts';
import { leerlabPath, lk } from '../queries.ts';

const WORDS = ['ma', 'di', 'wo', 'do', 'vr'];

/** The time-of-day rules: the school day, times never to use, earlier is better, the edges of the day. */
export function RulesForm({ leerlab }: { leerlab: Leerlab }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const r = leerlab.rules;
  const [f, setF] = useState({
    dayStart: r.dayStart, dayEnd: r.dayEnd, preferEarly: r.preferEarly, avoidEdges: r.avoidEdges, maxSkippedWeeks: String(r.maxSkippedWeeks),
    forbidden: r.forbidden.map((w) => `${WORDS[w.weekday - 1]} ${w.start}-${w.end}`).join('\n'),
  });
  const [bad, setBad] = useState(false);
  const save = useMutation({
    mutationFn: (rules: unknown) => api.patch(leerlabPath(networkId, leerlab.id), { rules }, leerlabSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: lk(networkId, leerlab.id) }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const forbidden = f.forbidden.split('\n').map((x) => x.trim()).filter(Boolean).map((line) => {
      const m = /^([a-z]{2})\w*\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/i.exec(line);
      const weekday = m ? WORDS.indexOf(m[1]!.toLowerCase()) + 1 : 0;
      return m && weekday > 0 ? { weekday, start: m[2]!.padStart(5, '0'), end: m[3]!.padStart(5, '0') } : null;
    });
    setBad(forbidden.includes(null));
    if (forbidden.includes(null)) return;
    save.mutate({ dayStart: f.dayStart, dayEnd: f.dayEnd, preferEarly: f.preferEarly, avoidEdges: f.avoidEdges, maxSkippedWeeks: Number(f.maxSkippedWeeks) || 0, forbidden });
  };
  return (
    <details className="card">
      <summary>{t('leerlab.rules.title')}</summary>
      <form className="form" onSubmit={submit}>
        <TextField type="time" label={t('leerlab.rules.dayStart')} value={f.dayStart} onChange={(e) => setF({ ...f, dayStart: e.target.value })} />
        <TextField type="time" label={t('leerlab.rules.dayEnd')} value={f.dayEnd} onChange={(e) => setF({ ...f, dayEnd: e.target.value })} />
        <div className="field">
          <label htmlFor="ll-forbidden">{t('leerlab.rules.forbidden')}</label>
          <p className="field-hint" id="ll-forbidden-hint">{t('leerlab.rules.forbiddenHint')}</p>
          <textarea id="ll-forbidden" rows={3} aria-describedby={`ll-forbidden-hint${bad ? ' ll-forbidden-error' : ''}`} value={f.forbidden} onChange={(e) => setF({ ...f, forbidden: e.target.value })} />
          {bad ? <p className="field-error" id="ll-forbidden-error" role="alert">{t('leerlab.overview.lessonsInvalid')}</p> : null}
        </div>
        <label className="radio"><input type="checkbox" checked={f.preferEarly} onChange={(e) => setF({ ...f, preferEarly: e.target.checked })} /> {t('leerlab.rules.preferEarly')}</label>
        <label className="radio"><input type="checkbox" checked={f.avoidEdges} onChange={(e) => setF({ ...f, avoidEdges: e.target.checked })} /> {t('leerlab.rules.avoidEdges')}</label>
        <TextField type="number" min={0} max={10} label={t('leerlab.rules.maxSkipped')} value={f.maxSkippedWeeks} onChange={(e) => setF({ ...f, maxSkippedWeeks: e.target.value })} />
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>{t('leerlab.rules.save')}</button>
      </form>
    </details>
  );
}
