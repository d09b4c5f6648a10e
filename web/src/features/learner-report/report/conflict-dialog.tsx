import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../../components/dialog.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { conflictAutoChoices, conflictItems, conflictMerge, defaultChoice, draftFromReport, type Choice, type ConflictItem } from './draft.ts';
import type { Conflict } from './use-autosave.ts';
import type { TypologyCode } from './types.ts';

/**
 * The report was saved elsewhere (another tab or device) after this copy was loaded. Both
 * versions are shown side by side per difference; the teacher keeps theirs, the stored one,
 * or both, and the merge is saved on top of the stored version.
 */
export function ConflictDialog({ conflict, open, onResolve, onClose }: { conflict: Conflict; open: boolean; onResolve: (merged: ReturnType<typeof conflictMerge>) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const theirs = useMemo(() => draftFromReport(conflict.theirs), [conflict.theirs]);
  // With the version both started from, what only one side changed is settled already.
  const { auto, items } = useMemo(() => {
    if (!conflict.base) return { auto: {} as Record<string, Choice>, items: conflictItems(conflict.mine, theirs) };
    const r = conflictAutoChoices(conflict.mine, theirs, conflict.base);
    return { auto: r.choices, items: r.open };
  }, [conflict.mine, conflict.base, theirs]);
  const [choices, setChoices] = useState<Record<string, Choice>>(() => Object.fromEntries(items.map((i) => [i.key, defaultChoice(i)])));
  const show = (item: ConflictItem, value: string) => {
    if (item.kind === 'type') return value ? t(`learnerReport.type.${value as TypologyCode}`) : t('learnerReport.typePicker.none');
    if (value.trim() === '') return t('learnerReport.conflict.empty');
    return value.split('\n').map((line, i) => <span key={i}>{i > 0 ? <br /> : null}{line}</span>);
  };
  const label = (item: ConflictItem) => {
    if (item.kind === 'period') return t('learnerReport.conflict.period');
    if (item.kind === 'inventory') return t('learnerReport.question.1');
    if (item.kind === 'onlyMine') return t('learnerReport.conflict.onlyMine', { title: item.activityTitle });
    if (item.kind === 'onlyTheirs') return t('learnerReport.conflict.onlyTheirs', { title: item.activityTitle });
    if (item.kind === 'type') return t('learnerReport.conflict.typeOf', { title: item.activityTitle });
    return t('learnerReport.conflict.fieldOf', { field: t(`learnerReport.conflict.field.${item.field}`), title: item.activityTitle });
  };
  const options = (item: ConflictItem): { value: Choice; label: string }[] => {
    if (item.kind === 'onlyMine') return [{ value: 'mine', label: t('learnerReport.conflict.keep') }, { value: 'theirs', label: t('learnerReport.conflict.drop') }];
    if (item.kind === 'onlyTheirs') return [{ value: 'theirs', label: t('learnerReport.conflict.keep') }, { value: 'mine', label: t('learnerReport.conflict.drop') }];
    const base: { value: Choice; label: string }[] = [{ value: 'mine', label: t('learnerReport.conflict.useMine') }, { value: 'theirs', label: t('learnerReport.conflict.useTheirs') }];
    return item.kind === 'text' || item.kind === 'inventory' ? [...base, { value: 'both', label: t('learnerReport.conflict.useBoth') }] : base;
  };
  return (
    <Dialog open={open} title={t('learnerReport.conflict.title')} onClose={onClose}>
      <p>{t('learnerReport.conflict.intro', { time: formatDateTime(conflict.theirs.updatedAt, i18n.language) })}</p>
      {items.length === 0 ? <p>{t('learnerReport.conflict.noDifferences')}</p> : null}
      {items.map((item) => (
        <fieldset key={item.key} className="conflict-item">
          <legend>{label(item)}</legend>
          <div className="conflict-versions">
            <div>
              <p className="muted">{t('learnerReport.conflict.mine')}</p>
              <p className="conflict-text">{item.kind === 'onlyTheirs' ? '—' : show(item, item.mine)}</p>
            </div>
            <div>
              <p className="muted">{t('learnerReport.conflict.theirs')}</p>
              <p className="conflict-text">{item.kind === 'onlyMine' ? '—' : show(item, item.theirs)}</p>
            </div>
          </div>
          <div className="radio-group">
            {options(item).map((o) => (
              <label key={o.value} className="radio">
                <input type="radio" name={`conflict-${item.key}`} value={o.value} checked={choices[item.key] === o.value}
                  onChange={() => setChoices({ ...choices, [item.key]: o.value })} />
                {o.label}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div className="button-row">
        <button type="button" onClick={() => onResolve(conflictMerge(conflict.mine, theirs, { ...auto, ...choices }))}>
          {t('learnerReport.conflict.save')}
        </button>
      </div>
    </Dialog>
  );
}
