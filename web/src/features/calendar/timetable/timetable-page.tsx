import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog, useConfirmAction } from '../../../components/dialog.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { fileReadText } from '../../foundation/csv-import/import-page.tsx';
import { WeekView } from './week-view.tsx';
import { ek, useTimetable } from '../../exchange/queries.ts';
import { clockOf, dateAdd, formatDay, isoWeekday, mondayOf, todayInZone, zonedParts } from '../../exchange/time.ts';
import type { TimetableImportReport, TimetableView } from '../../exchange/types.ts';
import { timetableImportReportSchema } from '../../../../../src/domain/calendar/timetable/schema.ts';
import { RowButton } from '../../../components/row-actions.tsx';

function ImportReportView({ report }: { report: TimetableImportReport }) {
  const { t, i18n } = useTranslation();
  // A recurring item is skipped once per occurrence: one row per item and reason, with a count.
  const grouped = new Map<string, TimetableImportReport['skipped'][number] & { count: number }>();
  for (const s of report.skipped) {
    const key = `${s.ref}\u0000${s.reason}`;
    const seen = grouped.get(key);
    if (seen) seen.count++;
    else grouped.set(key, { ...s, count: 1 });
  }
  const skipped = [...grouped.values()];
  return (
    <section aria-labelledby="tt-report-title" className="card">
      <h3 id="tt-report-title">{t('exchange.timetable.reportTitle')}</h3>
      <p role="status" className={report.skipped.length ? 'status status-warning' : 'status status-success'}>
        {t('exchange.timetable.reportSummary', { imported: report.imported, lessons: report.lessons, other: report.other, replaced: report.replaced, skipped: report.skipped.length })}
      </p>
      <p className="muted">{t('exchange.timetable.reportRange', { from: formatDay(report.from, i18n.language), to: formatDay(report.to, i18n.language) })}</p>
      {skipped.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption>{t('exchange.timetable.skippedCaption', { count: report.skipped.length })}</caption>
            <thead><tr><th scope="col">{t('exchange.timetable.skippedRef')}</th><th scope="col">{t('exchange.timetable.skippedWhy')}</th><th scope="col" className="num">{t('exchange.timetable.skippedTimes')}</th></tr></thead>
            <tbody>
              {skipped.map((s) => <tr key={`${s.ref}-${s.reason}`}><th scope="row" className="break">{s.ref}</th><td>{s.message || s.reason}</td><td className="num">{s.count}</td></tr>)}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

interface GridRow { weekday: string; start: string; end: string; kind: string; summary: string; location: string }

function gridFromBlocks(view: TimetableView | undefined): GridRow[] {
  const grid = view?.sources.find((s) => s.kind === 'grid');
  if (!view || !grid) return [];
  const seen = new Set<string>();
  const rows: GridRow[] = [];
  for (const b of view.blocks.filter((x) => x.sourceId === grid.id)) {
    const s = zonedParts(b.start);
    const e = zonedParts(b.end);
    const row = { weekday: String(isoWeekday(s.date)), start: clockOf(s.minutes), end: clockOf(e.minutes), kind: b.kind, summary: b.summary, location: b.location };
    const key = JSON.stringify(row);
    if (!seen.has(key)) { seen.add(key); rows.push(row); }
  }
  return rows;
}

function GridEditor({ view, personId, onReport }: { view: TimetableView | undefined; personId: string; onReport: (r: TimetableImportReport) => void }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const queryClient = useQueryClient();
  const [rows, setRows] = useState<GridRow[]>(() => gridFromBlocks(view));
  const save = useMutation({
    mutationFn: () => api.put(`/networks/${networkId}/people/${personId}/timetable/grid`, {
      entries: rows.map((r) => ({ weekday: Number(r.weekday), start: r.start, end: r.end, kind: r.kind, summary: r.summary, location: r.location })),
    }, timetableImportReportSchema),
    onSuccess: (r) => { onReport(r); void queryClient.invalidateQueries({ queryKey: ek(networkId, 'timetable') }); },
  });
  const update = (i: number, key: keyof GridRow, value: string) => setRows(rows.map((r, j) => (j === i ? { ...r, [key]: value } : r)));
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} className="form">
      <p>{t('exchange.timetable.gridIntro')}</p>
      <ErrorMessage error={save.error} />
      {rows.length === 0 ? <p className="muted">{t('exchange.timetable.gridEmpty')}</p> : (
        <div className="table-wrap grid-editor">
          <table>
            <caption className="sr-only">{t('exchange.timetable.gridTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('exchange.form.weekday')}</th><th scope="col">{t('exchange.form.from')}</th><th scope="col">{t('exchange.form.until')}</th>
                <th scope="col">{t('exchange.timetable.kindCol')}</th><th scope="col">{t('exchange.timetable.summary')}</th><th scope="col">{t('exchange.timetable.location')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  <td>
                    <select aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.form.weekday') })} value={r.weekday} onChange={(e) => update(i, 'weekday', e.target.value)}>
                      {[1, 2, 3, 4, 5, 6, 7].map((d) => <option key={d} value={d}>{t(`exchange.weekday.${d}`)}</option>)}
                    </select>
                  </td>
                  <td><input type="time" aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.form.from') })} value={r.start} onChange={(e) => update(i, 'start', e.target.value)} /></td>
                  <td><input type="time" aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.form.until') })} value={r.end} onChange={(e) => update(i, 'end', e.target.value)} /></td>
                  <td>
                    <select aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.timetable.kindCol') })} value={r.kind} onChange={(e) => update(i, 'kind', e.target.value)}>
                      {['lesson', 'meeting', 'other'].map((k) => <option key={k} value={k}>{t(`exchange.kind.${k}`)}</option>)}
                    </select>
                  </td>
                  <td><input aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.timetable.summary') })} value={r.summary} onChange={(e) => update(i, 'summary', e.target.value)} /></td>
                  <td><input aria-label={t('exchange.timetable.rowField', { n: i + 1, field: t('exchange.timetable.location') })} value={r.location} onChange={(e) => update(i, 'location', e.target.value)} /></td>
                  <td className="actions">
                    <RowButton label={t('common.delete')} name={t('exchange.timetable.row', { n: i + 1 })} danger onClick={() => setRows(rows.filter((_, j) => j !== i))} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => setRows([...rows, { weekday: '1', start: '08:30', end: '09:20', kind: 'lesson', summary: '', location: '' }])}>
          {t('exchange.timetable.gridAdd')}
        </button>
        <button type="submit" disabled={save.isPending}>{save.isPending ? t('common.busy') : t('exchange.timetable.gridSave')}</button>
      </div>
    </form>
  );
}

/** My timetable: import a file, a subscription link or CSV, or enter a week grid; see the week. */
export function TimetablePage() {
  const { t, i18n } = useTranslation();
  const { networkId, me } = useNetwork();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const personId = params.get('person') ?? me.id;
  const monday = mondayOf(params.get('week') ?? todayInZone());
  const timetable = useTimetable(personId, monday, dateAdd(monday, 6));
  const [report, setReport] = useState<TimetableImportReport | null>(null);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [url, setUrl] = useState('');
  const fileId = useId();
  const base = `/networks/${networkId}/people/${personId}/timetable`;
  const done = (r: TimetableImportReport) => { setReport(r); void queryClient.invalidateQueries({ queryKey: ek(networkId, 'timetable') }); void queryClient.invalidateQueries({ queryKey: ek(networkId, 'my-registration') }); };
  const importFile = useMutation({
    mutationFn: () => {
      const csv = /\.csv$/i.test(file!.name);
      return api.post(`${base}/${csv ? 'csv' : 'ical'}`, csv ? { csv: file!.text, fileName: file!.name } : { ics: file!.text, fileName: file!.name }, timetableImportReportSchema);
    },
    onMutate: () => setReport(null),
    onSuccess: done,
  });
  const importUrl = useMutation({
    mutationFn: () => api.post(`${base}/url`, { url: url.trim() }, timetableImportReportSchema),
    onMutate: () => setReport(null),
    onSuccess: done,
  });
  const remove = useConfirmAction(
    (id: string) => api.delete(`${base}/sources/${id}`),
    () => void queryClient.invalidateQueries({ queryKey: ek(networkId, 'timetable') }),
  );
  const goWeek = (days: number) => {
    const next = new URLSearchParams(params);
    next.set('week', dateAdd(monday, days));
    setParams(next, { replace: true });
  };
  const view = timetable.data;
  async function chooseFile(list: FileList | null) {
    const chosen = list?.[0];
    setFile(chosen ? { name: chosen.name, text: await fileReadText(chosen) } : null);
  }
  function submitFile(event: FormEvent) {
    event.preventDefault();
    if (file) importFile.mutate();
  }
  return (
    <>
      <PageHeading title={personId === me.id ? t('exchange.timetable.title') : t('exchange.timetable.titleOf', { name: params.get('name') ?? '' })} />
      <p className="lead">{personId === me.id ? t('exchange.timetable.intro') : t('exchange.timetable.introOther')}</p>

      <section aria-labelledby="week-title" className="section">
        <div className="section-heading">
          <h2 id="week-title">{t('exchange.timetable.weekTitle', { start: formatDay(monday, i18n.language), end: formatDay(dateAdd(monday, 4), i18n.language) })}</h2>
          <div className="button-row">
            <button type="button" className="button-secondary button-small" onClick={() => goWeek(-7)}>{t('exchange.timetable.prevWeek')}</button>
            <button type="button" className="button-secondary button-small" onClick={() => goWeek(7)}>{t('exchange.timetable.nextWeek')}</button>
          </div>
        </div>
        <p className="field-hint">{t('exchange.timetable.legend')}</p>
        {timetable.isPending ? <Loading /> : null}
        <ErrorMessage error={timetable.error} />
        {view && view.blocks.length === 0 ? <EmptyState title={t('exchange.timetable.weekEmpty')}><p>{t('exchange.timetable.weekEmptyHelp')}</p></EmptyState> : null}
        {view && view.blocks.length > 0 ? <WeekView monday={monday} blocks={view.blocks} /> : null}
      </section>

      {report ? <ImportReportView report={report} /> : null}

      <section aria-labelledby="import-file-title" className="section card">
        <h2 id="import-file-title">{t('exchange.timetable.fileTitle')}</h2>
        <p>{t('exchange.timetable.fileIntro')}</p>
        <form onSubmit={submitFile} className="form">
          <ErrorMessage error={importFile.error} />
          <div className="field">
            <label htmlFor={fileId}>{t('exchange.timetable.fileLabel')}</label>
            <input id={fileId} type="file" accept=".ics,.ical,.csv,text/calendar,text/csv" aria-describedby={`${fileId}-hint`} onChange={(e) => void chooseFile(e.target.files)} />
            <span className="field-hint" id={`${fileId}-hint`}>{t('exchange.timetable.fileHint')}</span>
          </div>
          <SubmitRow busy={importFile.isPending} label={t('exchange.timetable.fileSubmit')} disabled={!file} />
        </form>
      </section>

      <section aria-labelledby="import-url-title" className="section card">
        <h2 id="import-url-title">{t('exchange.timetable.urlTitle')}</h2>
        <p>{t('exchange.timetable.urlIntro')}</p>
        <form onSubmit={(e) => { e.preventDefault(); if (url.trim()) importUrl.mutate(); }} className="form">
          <ErrorMessage error={importUrl.error} />
          <TextField label={t('exchange.timetable.urlLabel')} hint={t('exchange.timetable.urlHint')} type="url" inputMode="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          <SubmitRow busy={importUrl.isPending} label={t('exchange.timetable.urlSubmit')} disabled={!url.trim()} />
        </form>
      </section>

      <section aria-labelledby="grid-title" className="section card">
        <h2 id="grid-title">{t('exchange.timetable.gridTitle')}</h2>
        {view ? <GridEditor key={view.sources.find((s) => s.kind === 'grid')?.id ?? 'none'} view={view} personId={personId} onReport={done} /> : <Loading />}
      </section>

      <section aria-labelledby="sources-title" className="section">
        <h2 id="sources-title">{t('exchange.timetable.sourcesTitle')}</h2>
        <ErrorMessage error={remove.mutation.error} />
        {view && view.sources.length === 0 ? <p className="muted">{t('exchange.timetable.sourcesEmpty')}</p> : null}
        {view && view.sources.length > 0 ? (
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('exchange.timetable.sourcesTitle')}</caption>
              <thead><tr><th scope="col">{t('exchange.timetable.source')}</th><th scope="col">{t('exchange.timetable.lastImport')}</th><th scope="col" className="num">{t('exchange.timetable.blocks')}</th><th scope="col">{t('common.actions')}</th></tr></thead>
              <tbody>
                {view.sources.map((s) => {
                  const name = `${t(`exchange.sourceKind.${s.kind}`, { defaultValue: s.kind })}${s.fileName ? `: ${s.fileName}` : s.url ? `: ${s.url}` : ''}`;
                  return (
                    <tr key={s.id}>
                      <th scope="row" className="break">{name}</th>
                      <td>{s.lastImportAt ? formatDateTime(s.lastImportAt, i18n.language) : '—'}</td>
                      <td className="num">{s.blocks}</td>
                      <td className="actions">
                        <RowButton label={t('common.delete')} name={name} danger onClick={() => remove.ask(s.id)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
      <ConfirmDialog
        {...remove.dialog}
        title={t('exchange.timetable.removeTitle')}
        message={t('exchange.timetable.removeMessage')}
        confirmLabel={t('common.delete')}
      />
    </>
  );
}
