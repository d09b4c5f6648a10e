import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { fieldErrorsFromApi } from '../../../app/form-errors.ts';
import { BarChart } from '../../../components/bar-chart.tsx';
import { SelectField, TextField, SubmitRow } from '../../../components/field.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { EmptyState, ErrorMessage, Loading, SuccessMessage } from '../../../components/status.tsx';
import { useInstitutions } from '../../foundation/institution/queries.ts';
import { lk, reportsBase, useInsight, useSettings } from '../report/queries.ts';
import { InformalShareBar } from '../report/share-bar.tsx';
import { typologyNumber } from '../report/typology.ts';
import { networkSettingsSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

/** Who sees team insight: team leads (their institutions), network coordinators and beheerders (the network). */
export function useInsightAccess() {
  const { caps, me, networkId } = useNetwork();
  const wide = caps.roles.includes('network_coordinator') || caps.roles.includes('admin');
  const leadOf = me.memberships.filter((m) => m.networkId === networkId && m.role === 'team_lead' && m.institutionId).map((m) => m.institutionId as string);
  return { wide, leadOf, allowed: wide || leadOf.length > 0 };
}

function monthLabel(month: string, language: string) {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** /teaminzicht — counts only: informal vs formal, per type, over time. Never text. */
export function InsightPage() {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const access = useInsightAccess();
  const institutions = useInstitutions();
  const [institutionId, setInstitutionId] = useState('');
  const insight = useInsight(institutionId);
  const choosable = (institutions.data ?? []).filter((i) => i.kind !== 'company' && (access.wide || access.leadOf.includes(i.id)));
  const base = `/api${reportsBase(networkId)}`;
  const data = insight.data;
  const scopeName = institutionId ? choosable.find((i) => i.id === institutionId)?.name ?? '' : access.wide ? t('learnerReport.insight.wholeNetwork') : choosable.map((i) => i.name).join(', ');

  if (!access.allowed) {
    return (
      <>
        <PageHeading title={t('learnerReport.insight.title')} />
        <EmptyState title={t('learnerReport.insight.noAccess')}><p>{t('learnerReport.insight.noAccessText')}</p></EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('learnerReport.insight.title')} />
      <p className="lead">{t('learnerReport.insight.intro')}</p>
      {access.wide || access.leadOf.length > 1 ? (
        <div className="filters">
          <SelectField label={t('learnerReport.insight.institution')} value={institutionId} onChange={(e) => setInstitutionId(e.target.value)}>
            <option value="">{access.wide ? t('learnerReport.insight.wholeNetwork') : t('learnerReport.insight.allMine')}</option>
            {choosable.map((i) => <option key={i.id} value={i.id}>{i.name}</option>)}
          </SelectField>
        </div>
      ) : null}
      {insight.isPending ? <Loading /> : null}
      <ErrorMessage error={insight.error} />
      {data && !data.ok ? (
        <EmptyState title={t('learnerReport.insight.tooSmall')}>
          <p>{t('learnerReport.insight.tooSmallText', { count: data.minimumGroup })}</p>
        </EmptyState>
      ) : null}
      {data && data.ok ? (
        <section className="section" aria-labelledby="insight-figures">
          <h2 id="insight-figures">{t('learnerReport.insight.figures', { scope: scopeName })}</h2>
          <ul className="stat-list" aria-label={t('learnerReport.insight.figuresLabel')}>
            <li className="stat"><span className="stat-value">{data.teachers}</span>{t('learnerReport.insight.teachers')}</li>
            <li className="stat"><span className="stat-value">{data.reports}</span>{t('learnerReport.insight.reports')}</li>
            <li className="stat"><span className="stat-value">{data.activities}</span>{t('learnerReport.insight.activities')}</li>
            <li className="stat"><span className="stat-value">{`${Math.round(data.informalShare * 100)}%`}</span>{t('learnerReport.insight.informalShare')}</li>
          </ul>
          <InformalShareBar informal={data.informal} formal={data.formal} />
          <BarChart
            title={t('learnerReport.insight.byType')}
            tableCaption={t('learnerReport.chart.showTable')}
            series={[{ label: t('learnerReport.chart.activities'), className: 'bar-1' }]}
            rows={data.byType.map((x) => ({ label: `${typologyNumber(x.type)}. ${t(`learnerReport.type.${x.type}`)}`, values: [x.count] }))}
          />
          <h3>{t('learnerReport.insight.overTime')}</h3>
          {data.byMonth.some((m) => !m.suppressed) ? (
            <BarChart
              title={t('learnerReport.insight.byMonth')}
              tableCaption={t('learnerReport.chart.showTable')}
              series={[
                { label: t('learnerReport.chart.informal'), className: 'bar-1' },
                { label: t('learnerReport.chart.formal'), className: 'bar-2' },
              ]}
              rows={data.byMonth.filter((m) => !m.suppressed).map((m) => ({ label: monthLabel(m.month, i18n.language), values: [m.informal ?? 0, m.formal ?? 0] }))}
            />
          ) : null}
          {data.byMonth.some((m) => m.suppressed) ? (
            <p className="muted">{t('learnerReport.insight.suppressedMonths', {
              months: data.byMonth.filter((m) => m.suppressed).map((m) => monthLabel(m.month, i18n.language)).join(', '), count: data.minimumGroup,
            })}</p>
          ) : null}
        </section>
      ) : null}

      <section className="section" aria-labelledby="insight-downloads">
        <h2 id="insight-downloads">{t('learnerReport.insight.downloads')}</h2>
        <ul className="link-list">
          <li><a href={`${base}/conversation-sheet.pdf?locale=nl`} download hrefLang="nl">{t('learnerReport.list.sheetNl')}</a></li>
          <li><a href={`${base}/conversation-sheet.pdf?locale=en`} download hrefLang="en">{t('learnerReport.list.sheetEn')}</a></li>
          {access.wide ? <li><a href={`${base}/research-export.csv`} download>{t('learnerReport.insight.researchExport')}</a></li> : null}
        </ul>
        {access.wide ? <p className="field-hint">{t('learnerReport.insight.researchExportHint')}</p> : null}
      </section>
      {access.wide ? <SettingsSection /> : null}
    </>
  );
}

/** The network's maximum number of activities per report (coordinator). */
function SettingsSection() {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const settings = useSettings(true);
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const headingId = useId();
  const shown = value ?? (settings.data ? String(settings.data.maxActivities) : '');
  const save = useMutation({
    mutationFn: (maxActivities: number) => api.patch(`/networks/${networkId}/learner-report-settings`, { maxActivities }, networkSettingsSchema),
    onSuccess: (s) => {
      queryClient.setQueryData(lk(networkId, 'settings'), s);
      setValue(null);
      setNotice(t('learnerReport.settings.saved', { count: s.maxActivities }));
    },
    onError: (e) => setError(fieldErrorsFromApi(e, t).maxActivities ?? ''),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    setNotice('');
    const n = Number(shown);
    if (!Number.isInteger(n) || n < 1 || n > 12) return setError(t('learnerReport.settings.range'));
    setError('');
    save.mutate(n);
  }
  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('learnerReport.settings.title')}</h2>
      {settings.isPending ? <Loading /> : null}
      <ErrorMessage error={settings.error ?? (error ? null : save.error)} />
      {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      <form className="form" onSubmit={submit} noValidate>
        <TextField type="number" min={1} max={12} label={t('learnerReport.settings.maxActivities')} hint={t('learnerReport.settings.hint')}
          value={shown} error={error} onChange={(e) => setValue(e.target.value)} />
        <SubmitRow busy={save.isPending} label={t('common.save')} />
      </form>
    </section>
  );
}
