import { useTranslation } from 'react-i18next';
import type { BoardStatement } from '../../../../../src/domain/cocreation/session/schema.ts';

/** Where a statement stands: its consensus (in words and colour) and the marks behind it, each named. */
export function StatementCounts({ statement }: { statement: BoardStatement }) {
  const { t } = useTranslation();
  const s = statement;
  return (
    <p className="cc-counts">
      <span className={`cc-consensus cc-consensus-${s.consensus}`}>{t(`cocreation.consensus.${s.consensus}`)}</span>
      {' · '}{t('cocreation.mark.agree')} {s.agree} · {t('cocreation.mark.disagree')} {s.disagree} · {t('cocreation.mark.unsure')} {s.unsure}
    </p>
  );
}
