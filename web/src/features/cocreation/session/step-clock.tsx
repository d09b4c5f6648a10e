import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../../src/domain/cocreation/session/schema.ts';
import { formatClock, useSecondsLeft } from './live-board.ts';

/** The current step and its countdown (server time), announced politely to screen readers. */
export function StepClock({ board, offsetMs, large = false }: { board: Board; offsetMs: number; large?: boolean }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(board, offsetMs);
  return (
    <p style={{ fontSize: large ? '2rem' : '1.1rem', fontWeight: 700, margin: '0.25rem 0' }} aria-live="polite">
      {t(`cocreation.step.${board.step}`)}
      {left !== null && <span style={{ marginLeft: '1rem' }}>{t('cocreation.timeLeft', { time: formatClock(left) })}</span>}
    </p>
  );
}
