import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { exampleSearchResultSchema, type ExampleSearchResult } from '../../../../../src/domain/example/example/schema.ts';

const FACETS = ['sector', 'theme', 'practice', 'region'] as const;
type Facet = (typeof FACETS)[number];

/** The label of a facet value: sectors are abbreviations, themes and practices are translated, regions are names. */
export function useFacetLabel() {
  const { t } = useTranslation();
  return (facet: Facet, value: string) => {
    if (facet === 'sector') return value.toUpperCase();
    if (facet === 'theme') return t(`example.theme.${value}`, { defaultValue: value });
    if (facet === 'practice') return t(`example.practice.${value}`, { defaultValue: value });
    return value;
  };
}

/** The search fragment with its matches (between U+E000 and U+E001, from the server) as <mark>; no HTML is parsed. */
export function Highlighted({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /\uE000([\s\S]*?)\uE001/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(<mark key={m.index}>{m[1]}</mark>);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last).replace(/[\uE000\uE001]/g, ''));
  return <>{parts}</>;
}

/**
 * The library: a search box, facet filters with counts (OR within a facet, AND between facets)
 * and the ranked results with highlighted matches. The state lives in the URL, so a search can be shared.
 */
export function ExampleSearch({ endpoint, linkTo, queryKey, showVisibility = false }: {
  endpoint: string; linkTo: (r: ExampleSearchResult['results'][number]) => string; queryKey: readonly unknown[]; showVisibility?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const label = useFacetLabel();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const chosen = (f: Facet) => params.getAll(f);
  const search = useQuery({
    queryKey: [...queryKey, params.toString()],
    queryFn: () => api.get(`${endpoint}?${params.toString()}`, exampleSearchResultSchema),
    placeholderData: (previous) => previous,
  });
  function update(change: (p: URLSearchParams) => void) {
    const next = new URLSearchParams(params);
    change(next);
    next.delete('page');
    setParams(next, { replace: true });
  }
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    update((p) => { if (text.trim()) p.set('q', text.trim()); else p.delete('q'); });
  }
  function toggle(f: Facet, value: string, on: boolean) {
    update((p) => {
      const values = p.getAll(f).filter((v) => v !== value);
      if (on) values.push(value);
      p.delete(f);
      for (const v of values) p.append(f, v);
    });
  }
  const data = search.data;
  const filtered = q || FACETS.some((f) => chosen(f).length > 0);
  const pages = data ? Math.max(1, Math.ceil(data.total / 20)) : 1;
  const toPage = (n: number) => { const next = new URLSearchParams(params); next.set('page', String(n)); setParams(next); };
  return (
    <div>
      <form role="search" className="button-row" onSubmit={onSubmit} style={{ alignItems: 'flex-end' }}>
        <div className="field" style={{ flex: '1 1 16rem' }}>
          <label htmlFor="example-q">{t('example.search.label')}</label>
          <input id="example-q" type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="example-q-hint" />
          <span className="field-hint" id="example-q-hint">{t('example.search.hint')}</span>
        </div>
        <button type="submit">{t('example.search.submit')}</button>
        {filtered ? <button type="button" className="button-secondary" onClick={() => { setText(''); setParams(new URLSearchParams(), { replace: true }); }}>{t('example.search.clear')}</button> : null}
      </form>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '1.5rem', marginTop: '1rem', alignItems: 'flex-start' }}>
        <div style={{ flex: '1 1 14rem', maxWidth: '100%', display: 'grid', gap: '0.75rem' }} aria-label={t('example.search.filters')} role="group">
          {FACETS.map((f) => {
            const counts = new Map((data?.facets[f] ?? []).map((c) => [c.value, c.count]));
            for (const v of chosen(f)) if (!counts.has(v)) counts.set(v, 0);
            if (counts.size === 0) return null;
            return (
              <fieldset key={f}>
                <legend>{t(`example.facet.${f}`)}</legend>
                <div className="checkbox-group">
                  {[...counts].map(([value, count]) => (
                    <label key={value} className="checkbox">
                      <input type="checkbox" checked={chosen(f).includes(value)} onChange={(e) => toggle(f, value, e.target.checked)} />
                      <span>{label(f, value)} <span className="muted">({count})</span></span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
        </div>
        <div style={{ flex: '3 1 20rem', minWidth: 0 }}>
          {search.isPending ? <Loading /> : null}
          <ErrorMessage error={search.error} />
          {data ? (
            <>
              <p role="status" aria-live="polite">{t('example.search.total', { count: data.total })}</p>
              {data.results.length === 0 ? (
                <div className="empty-state">
                  <p className="empty-title">{filtered ? t('example.search.none') : t('example.search.empty')}</p>
                  <p>{filtered ? t('example.search.noneHelp') : t('example.search.emptyHelp')}</p>
                </div>
              ) : (
                <ul className="plain-list" style={{ display: 'grid', gap: '0.75rem' }}>
                  {data.results.map((r) => (
                    <li key={r.id} className="card">
                      <h3><Link to={linkTo(r)}>{r.title}</Link></h3>
                      <p className="muted">
                        {t(`example.practice.${r.practice}`, { defaultValue: r.practice })}
                        {r.sectors.length ? ` · ${r.sectors.map((s) => s.toUpperCase()).join(', ')}` : ''}
                        {r.region ? ` · ${r.region}` : ''}
                        {showVisibility ? <> · <span className={`badge ${r.visibility === 'public' ? 'badge-published' : r.visibility === 'draft' ? 'badge-pending' : 'badge-planned'}`}>{t(`example.visibility.${r.visibility}`)}</span></> : null}
                      </p>
                      <p className="break"><Highlighted text={r.headline || r.special} /></p>
                      {r.themes.length ? <p className="muted">{r.themes.map((th) => label('theme', th)).join(' · ')}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
              {pages > 1 ? (
                <nav aria-label={t('example.search.pages')} className="button-row" style={{ marginTop: '1rem' }}>
                  <button type="button" className="button-secondary" disabled={page <= 1} onClick={() => toPage(page - 1)}>{t('example.search.previous')}</button>
                  <span>{t('example.search.page', { page, pages, lng: i18n.language })}</span>
                  <button type="button" className="button-secondary" disabled={page >= pages} onClick={() => toPage(page + 1)}>{t('example.search.next')}</button>
                </nav>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
    </div>
  );
}
