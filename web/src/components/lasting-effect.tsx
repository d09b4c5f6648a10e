import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { EFFECT_MIN_ANSWERS, type LastingEffect } from '../../../src/domain/record/follow-up/schema.ts';

// "Wat veranderde er?": the anonymous answers to the lasting-effect question about one practice
// item (an edition, an offer, a leerlab …), as every practice's report shows them. The texts live
// in the feature's own catalogue under `prefix` (title, intro, asked, answered, changed, partly,
// unchanged, tooFew, none — the counted ones with _one/_other).

export function LastingEffectBlock({ effect, prefix, level = 3 }: { effect: LastingEffect; prefix: string; level?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  const c = effect.counts;
  return (
    <section aria-labelledby={id} className="lasting-effect" data-testid="lasting-effect">
      <Heading id={id}>{t(`${prefix}.title`)}</Heading>
      <p className="muted">{t(`${prefix}.intro`, { count: effect.afterDays })}</p>
      {effect.asked === 0 ? <p>{t(`${prefix}.none`)}</p> : (
        <>
          <ul className="stat-list" aria-label={t(`${prefix}.title`)}>
            <li className="stat"><span className="stat-value">{effect.asked}</span>{t(`${prefix}.asked`, { count: effect.asked })}</li>
            <li className="stat"><span className="stat-value">{effect.answered}</span>{t(`${prefix}.answered`, { count: effect.answered })}</li>
            {c ? (
              <>
                <li className="stat"><span className="stat-value">{c.changed}</span>{t(`${prefix}.changed`, { count: c.changed })}</li>
                <li className="stat"><span className="stat-value">{c.partly}</span>{t(`${prefix}.partly`, { count: c.partly })}</li>
                <li className="stat"><span className="stat-value">{c.unchanged}</span>{t(`${prefix}.unchanged`, { count: c.unchanged })}</li>
              </>
            ) : null}
          </ul>
          {c ? null : <p className="muted">{t(`${prefix}.tooFew`, { count: EFFECT_MIN_ANSWERS })}</p>}
        </>
      )}
    </section>
  );
}
