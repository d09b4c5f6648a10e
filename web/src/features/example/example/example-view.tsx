import { useTranslation } from 'react-i18next';
import type { Example } from '../../../../../src/domain/example/example/schema.ts';
import type { ExampleAttachment } from '../../../../../src/domain/example/attachment/schema.ts';
import { useFacetLabel } from './search-view.tsx';
import { ExampleFiles } from './attachments.tsx';

/** One example with the criteria of seed 000: what makes it special, the story, tips, links, files and contact. */
export function ExampleView({ example, fileHref, manageFiles }: { example: Example; fileHref: (a: ExampleAttachment) => string; manageFiles?: { networkId: string } }) {
  const { t } = useTranslation();
  const label = useFacetLabel();
  return (
    <article lang={example.language}>
      <dl className="facts">
        <div><dt>{t('example.facet.practice')}</dt><dd>{label('practice', example.practice)}</dd></div>
        {example.sectors.length ? <div><dt>{t('example.facet.sector')}</dt><dd>{example.sectors.map((s) => label('sector', s)).join(', ')}</dd></div> : null}
        {example.region ? <div><dt>{t('example.facet.region')}</dt><dd>{example.region}</dd></div> : null}
        <div><dt>{t('example.view.network')}</dt><dd>{example.networkName}</dd></div>
        {example.institutions.length ? <div><dt>{t('example.view.institutions')}</dt><dd>{example.institutions.join(', ')}</dd></div> : null}
      </dl>
      {example.themes.length ? (
        <p>{example.themes.map((th) => <span key={th} className="badge badge-planned" style={{ marginRight: '0.35rem' }}>{label('theme', th)}</span>)}</p>
      ) : null}
      {example.special ? (
        <section className="section" aria-labelledby="example-special-title">
          <h2 id="example-special-title">{t('example.view.special')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{example.special}</p>
        </section>
      ) : null}
      {example.story ? (
        <section className="section" aria-labelledby="example-story-title">
          <h2 id="example-story-title">{t('example.view.story')}</h2>
          <p style={{ whiteSpace: 'pre-wrap' }}>{example.story}</p>
        </section>
      ) : null}
      {example.tips.length ? (
        <section className="section" aria-labelledby="example-tips-title">
          <h2 id="example-tips-title">{t('example.view.tips')}</h2>
          <ul>{example.tips.map((tip, i) => <li key={i}>{tip}</li>)}</ul>
        </section>
      ) : null}
      {example.links.length ? (
        <section className="section" aria-labelledby="example-links-title">
          <h2 id="example-links-title">{t('example.view.links')}</h2>
          <ul className="link-list">{example.links.map((l, i) => <li key={i}><a href={l.url} rel="noopener noreferrer" target="_blank">{l.label}</a></li>)}</ul>
        </section>
      ) : null}
      <ExampleFiles example={example} href={fileHref} {...(manageFiles ? { manage: manageFiles } : {})} />
      {example.contactName || example.contactEmail ? (
        <section className="section" aria-labelledby="example-contact-title">
          <h2 id="example-contact-title">{t('example.view.contact')}</h2>
          <p className="break">{example.contactName}{example.contactName && example.contactEmail ? ' · ' : ''}{example.contactEmail ? <a href={`mailto:${example.contactEmail}`}>{example.contactEmail}</a> : null}</p>
        </section>
      ) : null}
    </article>
  );
}
