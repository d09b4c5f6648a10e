import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { ErrorMessage, Loading } from '../../../components/status.tsx';
import { exampleSchema, type ExampleInput } from '../../../../../src/domain/example/example/schema.ts';
import { ex, useExample } from '../queries.ts';
import { ExampleView } from './example-view.tsx';
import { ExampleForm } from './example-form.tsx';

/** /voorbeelden/:id — one example of the network; coordinators publish, edit and delete it. */
export function ExamplePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { networkId, caps } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const example = useExample(id);
  const publish = useMutation({
    mutationFn: (visibility: 'public' | 'network' | 'draft') => api.patch(`/networks/${networkId}/examples/${id}`, { visibility }, exampleSchema),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ex(networkId) }),
  });
  const remove = useConfirmAction(() => api.delete(`/networks/${networkId}/examples/${id}`), () => {
    void queryClient.invalidateQueries({ queryKey: ex(networkId) });
    void navigate('/voorbeelden');
  });
  if (example.isPending) return <Loading />;
  if (!example.data) return <><PageHeading title={t('example.view.notFound')} /><ErrorMessage error={example.error} /></>;
  const e = example.data;
  return (
    <>
      <p><Link to="/voorbeelden">{t('example.view.back')}</Link></p>
      <PageHeading title={e.title}>
        <span className={`badge ${e.visibility === 'public' ? 'badge-published' : e.visibility === 'draft' ? 'badge-pending' : 'badge-planned'}`}>{t(`example.visibility.${e.visibility}`)}</span>
      </PageHeading>
      {caps.manageNetwork ? (
        <section className="card" aria-labelledby="example-manage-title">
          <h2 id="example-manage-title">{t('example.manage.title')}</h2>
          <p>{t(`example.visibilityHelp.${e.visibility}`)}</p>
          <ErrorMessage error={publish.error} />
          <div className="button-row">
            {e.visibility !== 'public' ? <button type="button" disabled={publish.isPending} onClick={() => publish.mutate('public')}>{t('example.manage.publish')}</button> : null}
            {e.visibility !== 'network' ? <button type="button" className="button-secondary" disabled={publish.isPending} onClick={() => publish.mutate('network')}>{t('example.manage.share')}</button> : null}
            {e.visibility !== 'draft' ? <button type="button" className="button-secondary" disabled={publish.isPending} onClick={() => publish.mutate('draft')}>{t('example.manage.draft')}</button> : null}
            <Link className="button-link button-secondary" to={`/voorbeelden/${e.id}/bewerken`}>{t('example.manage.edit')}</Link>
            <button type="button" className="button-danger-outline" onClick={() => remove.ask(e.id)}>{t('example.manage.delete')}</button>
          </div>
          {e.visibility === 'public' ? <p className="muted" style={{ marginTop: '0.75rem' }}>{t('example.manage.publicAt')} <Link to={`/praktijkvoorbeelden/${e.slug}`}>/praktijkvoorbeelden/{e.slug}</Link></p> : null}
          <ConfirmDialog {...remove.dialog} title={t('example.manage.deleteTitle')} message={t('example.manage.deleteMessage', { title: e.title })} confirmLabel={t('example.manage.delete')} />
        </section>
      ) : null}
      <ExampleView example={e} fileHref={(a) => `/api/networks/${networkId}/examples/${e.id}/attachments/${a.id}`} {...(caps.manageNetwork ? { manageFiles: { networkId } } : {})} />
    </>
  );
}

/** /praktijkvoorbeelden/:slug — a published example, without an account. */
export function PublicExamplePage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  const example = useQuery({ queryKey: ['public-example', slug], queryFn: () => api.get(`/public/examples/${encodeURIComponent(slug)}`, exampleSchema) });
  if (example.isPending) return <Loading />;
  if (!example.data) return <><PageHeading title={t('example.view.notFound')} /><ErrorMessage error={example.error} /><p><Link to="/praktijkvoorbeelden">{t('example.view.backPublic')}</Link></p></>;
  return (
    <>
      <p><Link to="/praktijkvoorbeelden">{t('example.view.backPublic')}</Link></p>
      <PageHeading title={example.data.title} />
      <ExampleView example={example.data} fileHref={(a) => `/api/public/examples/${encodeURIComponent(slug)}/attachments/${a.id}`} />
    </>
  );
}

/** /voorbeelden/nieuw — a coordinator writes a new example. */
export function NewExamplePage() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <div className="main-narrow">
      <p><Link to="/voorbeelden">{t('example.view.back')}</Link></p>
      <PageHeading title={t('example.form.newTitle')} />
      <ExampleForm submitLabel={t('example.form.create')}
        send={(input: ExampleInput) => api.post(`/networks/${networkId}/examples`, input, exampleSchema)}
        onSaved={(e) => { void queryClient.invalidateQueries({ queryKey: ex(networkId) }); void navigate(`/voorbeelden/${e.id}`); }} />
    </div>
  );
}

/** /voorbeelden/:id/bewerken — a coordinator finishes or changes an example. */
export function EditExamplePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const example = useExample(id);
  if (example.isPending) return <Loading />;
  if (!example.data) return <><PageHeading title={t('example.view.notFound')} /><ErrorMessage error={example.error} /></>;
  return (
    <div className="main-narrow">
      <p><Link to={`/voorbeelden/${id}`}>{t('example.form.backToExample')}</Link></p>
      <PageHeading title={t('example.form.editTitle', { title: example.data.title })} />
      {example.data.origin ? <p className="status status-success">{t('example.form.fromPractice')}</p> : null}
      <ExampleForm example={example.data} submitLabel={t('example.form.save')}
        send={(input: ExampleInput) => api.patch(`/networks/${networkId}/examples/${id}`, input, exampleSchema)}
        onSaved={(e) => { void queryClient.invalidateQueries({ queryKey: ex(networkId) }); void navigate(`/voorbeelden/${e.id}`); }} />
    </div>
  );
}

const SOURCES = ['exchange_edition', 'leerlab', 'company_visit', 'speeddate_event', 'cocreation_session'] as const;
const BACK: Record<(typeof SOURCES)[number], (id: string) => string> = {
  exchange_edition: (id) => `/uitwisseling/beheer/${id}`,
  leerlab: (id) => `/leerlabs/${id}`,
  company_visit: (id) => `/aanbod/${id}`,
  speeddate_event: (id) => `/speeddates/${id}`,
  cocreation_session: (id) => `/cocreatie/${id}`,
};

/**
 * /voorbeelden/van/:source/:id — a finished item of a practice (exchange week, leerlab, company
 * visit, speeddate, co-creation session) becomes a draft example with its facts.
 * /voorbeelden/van-editie/:editionId is the same for an exchange week.
 */
export function FromPracticePage() {
  const { t } = useTranslation();
  const params = useParams();
  const source = (SOURCES as readonly string[]).includes(params.source ?? 'exchange_edition') ? (params.source ?? 'exchange_edition') as (typeof SOURCES)[number] : null;
  const id = params.id ?? params.editionId ?? '';
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation({
    mutationFn: () => api.post(`/networks/${networkId}/examples/from/${source}/${id}`, {}, exampleSchema),
    onSuccess: (e) => { void queryClient.invalidateQueries({ queryKey: ex(networkId) }); void navigate(`/voorbeelden/${e.id}/bewerken`); },
  });
  if (!source) return <PageHeading title={t('example.view.notFound')} />;
  const k = `example.fromPractice.${source}`;
  return (
    <div className="main-narrow">
      <p><Link to={BACK[source](id)}>{t(`${k}.back`)}</Link></p>
      <PageHeading title={t(`${k}.title`)} />
      <p className="lead">{t('example.fromPractice.intro')}</p>
      <ul>
        <li>{t(`${k}.who`)}</li>
        <li>{t(`${k}.what`)}</li>
        <li>{t(`${k}.evaluation`)}</li>
      </ul>
      <ErrorMessage error={create.error} />
      <div className="button-row">
        <button type="button" disabled={create.isPending} onClick={() => create.mutate()}>{create.isPending ? t('common.busy') : t('example.fromPractice.create')}</button>
      </div>
    </div>
  );
}
