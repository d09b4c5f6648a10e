import { useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { EFFECT_MIN_ANSWERS, type LastingEffect } from '../../../src/domain/record/follow-up/schema.ts';

// "Wat veranderde er?": the anonymous answers to the lasting-effect question about one practice
// item (an edition, an offer, a leerlab …), as every practice's report shows them. The texts live
// in the feature's own catalogue under `prefix` (title, intro, asked, answered, changed, partly,
// unchanged, tooFew, none — the counted ones with _one/_other; the five figures as
// "<value>{{count}}</value><label>…</label>").

const statParts = { value: <span className="stat-value" />, label: <span className="stat-label" /> };

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
            <li className="stat"><Trans i18nKey={`${prefix}.asked`} count={effect.asked} components={statParts} /></li>
            <li className="stat"><Trans i18nKey={`${prefix}.answered`} count={effect.answered} components={statParts} /></li>
            {c ? (
              <>
                <li className="stat"><Trans i18nKey={`${prefix}.changed`} count={c.changed} components={statParts} /></li>
                <li className="stat"><Trans i18nKey={`${prefix}.partly`} count={c.partly} components={statParts} /></li>
                <li className="stat"><Trans i18nKey={`${prefix}.unchanged`} count={c.unchanged} components={statParts} /></li>
              </>
            ) : null}
          </ul>
          {c ? null : <p className="muted">{t(`${prefix}.tooFew`, { count: EFFECT_MIN_ANSWERS })}</p>}
        </>
      )}
    </section>
  );
}
