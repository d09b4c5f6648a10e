import { useTranslation } from 'react-i18next';
import type { Board } from '../../../../../src/domain/cocreation/session/schema.ts';
import { formatClock, useSecondsLeft } from './live-board.ts';

/**
 * The current step and its countdown (server time). A change of step is announced politely to
 * screen readers; the countdown is not (it would speak every second).
 */
export function StepClock({ board, offsetMs }: { board: Board; offsetMs: number }) {
  const { t } = useTranslation();
  const left = useSecondsLeft(board, offsetMs);
  return (
    <p className="cc-clock">
      <span aria-live="polite">{t(`cocreation.step.${board.step}`)}</span>
      {left !== null && <span className="cc-clock-left">{t('cocreation.timeLeft', { time: formatClock(left) })}</span>}
    </p>
  );
}
