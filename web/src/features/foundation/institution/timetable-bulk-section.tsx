import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { TextField, SubmitRow } from '../../../components/field.tsx';
import { ErrorMessage } from '../../../components/status.tsx';
import { fileReadText } from '../csv-import/import-page.tsx';
import { timetableBulkReportSchema } from '../../../../../src/domain/calendar/timetable/schema.ts';
import { DataTable } from '../../../components/data-table.tsx';

/** The server's answer to a bulk timetable import for an institution. */
interface TimetableBulkReport {
  teachers: { personId: string; name: string; fileName?: string; imported: number; lessons: number; replaced: number }[];
  imported: number;
  skipped: { ref: string; reason: string; message: string }[];
}

type Mode = 'csv' | 'ical';
const modes: Mode[] = ['csv', 'ical'];

interface ReadFile { name: string; text: string }

function BulkReportView({ report }: { report: TimetableBulkReport }) {
  const { t } = useTranslation();
  const withFiles = report.teachers.some((x) => x.fileName);
  return (
    <section aria-labelledby="tt-bulk-report-title" className="section">
      <h3 id="tt-bulk-report-title">{t('institution.timetable.reportTitle')}</h3>
      <p role="status" className={report.skipped.length ? 'status status-warning' : 'status status-success'}>
        {t('institution.timetable.reportSummary', { blocks: t('institution.timetable.blocks', { count: report.imported }), teachers: t('institution.timetable.teachers', { count: report.teachers.length }), skipped: report.skipped.length })}
      </p>
      {report.teachers.length > 0 ? (
        <DataTable caption={t('institution.timetable.teachersCaption', { count: report.teachers.length })} columns={[t('institution.timetable.teacher'), withFiles && t('institution.timetable.fileName'), { label: t('institution.timetable.imported'), className: 'num' }, { label: t('institution.timetable.lessons'), className: 'num' }, { label: t('institution.timetable.replaced'), className: 'num' }]}>
          {report.teachers.map((x) => (
            <tr key={`${x.personId}-${x.fileName ?? ''}`}>
              <th scope="row">{x.name}</th>
              {withFiles ? <td className="break">{x.fileName ?? '—'}</td> : null}
              <td className="num">{x.imported}</td>
              <td className="num">{x.lessons}</td>
              <td className="num">{x.replaced}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
      {report.skipped.length > 0 ? (
        <DataTable caption={t('institution.timetable.skippedCaption', { count: report.skipped.length })} columns={[t('institution.timetable.skippedRef'), t('institution.timetable.skippedWhy')]}>
          {report.skipped.map((s, i) => (
            <tr key={`${s.ref}-${s.reason}-${i}`}>
              <th scope="row" className="break">{s.ref}</th>
              <td>{s.message || s.reason}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

/**
 * Timetables for a whole institution at once: one CSV with a teacher column, or one
 * iCalendar file per teacher named after the teacher's e-mail address or name.
 */
export function TimetableBulkSection({ institutionId }: { institutionId: string }) {
  const { t } = useTranslation();
  const { networkId } = useNetwork();
  const [mode, setMode] = useState<Mode>('csv');
  const [files, setFiles] = useState<ReadFile[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [fileError, setFileError] = useState('');
  const [rangeError, setRangeError] = useState('');
  const fileId = useId();
  const base = `/networks/${networkId}/institutions/${institutionId}/timetable`;
  const run = useMutation({
    mutationFn: () => {
      const range = { ...(from ? { from } : {}), ...(to ? { to } : {}) };
      return mode === 'csv'
        ? api.post(`${base}/csv`, { csv: files[0]!.text, ...range }, timetableBulkReportSchema)
        : api.post(`${base}/ical`, { files: files.map((f) => ({ fileName: f.name, ics: f.text })), ...range }, timetableBulkReportSchema);
    },
  });
  function reset() {
    run.reset();
    setFileError('');
  }
  async function chooseFiles(list: FileList | null) {
    reset();
    const chosen = list ? [...list] : [];
    setFiles(await Promise.all(chosen.map(async (f) => ({ name: f.name, text: await fileReadText(f) }))));
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const noFile = files.length === 0;
    const badRange = Boolean(from && to && from > to);
    setFileError(noFile ? t('institution.timetable.fileRequired') : '');
    setRangeError(badRange ? t('institution.timetable.rangeInvalid') : '');
    if (noFile || badRange) return;
    run.mutate();
  }
  const hintId = `${fileId}-hint`;
  const errorId = `${fileId}-error`;
  return (
    <section aria-labelledby="tt-bulk-title" className="section card">
      <h2 id="tt-bulk-title">{t('institution.timetable.title')}</h2>
      <p>{t('institution.timetable.intro')}</p>
      <form onSubmit={submit} noValidate className="form">
        <fieldset className="radio-group">
          <legend>{t('institution.timetable.kind')}</legend>
          {modes.map((m) => (
            <label key={m} className="radio">
              <input type="radio" name="tt-bulk-kind" value={m} checked={mode === m} onChange={() => { setMode(m); setFiles([]); reset(); }} />
              {t(`institution.timetable.kinds.${m}`)}
            </label>
          ))}
        </fieldset>
        <p className="field-hint">{mode === 'csv' ? t('institution.timetable.csvHelp') : t('institution.timetable.icalHelp')}</p>
        <div className="field">
          <label htmlFor={fileId}>{mode === 'csv' ? t('institution.timetable.csvFile') : t('institution.timetable.icalFiles')}</label>
          <input
            key={mode}
            id={fileId}
            type="file"
            multiple={mode === 'ical'}
            accept={mode === 'csv' ? '.csv,text/csv,text/plain' : '.ics,.ical,text/calendar'}
            aria-describedby={fileError ? `${hintId} ${errorId}` : hintId}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void chooseFiles(e.target.files)}
          />
          <span className="field-hint" id={hintId}>
            {mode === 'ical' && files.length > 0 ? t('institution.timetable.filesChosen', { count: files.length }) : t('institution.timetable.fileHint')}
          </span>
          {fileError ? <span className="field-error" id={errorId} role="alert">{fileError}</span> : null}
        </div>
        <fieldset>
          <legend>{t('institution.timetable.period')}</legend>
          <p className="field-hint">{t('institution.timetable.periodHint')}</p>
          <TextField label={t('institution.timetable.from')} type="date" value={from} onChange={(e) => { setFrom(e.target.value); reset(); }} />
          <TextField label={t('institution.timetable.to')} type="date" value={to} error={rangeError || undefined} onChange={(e) => { setTo(e.target.value); reset(); }} />
        </fieldset>
        <ErrorMessage error={run.error} />
        <SubmitRow busy={run.isPending} label={t('institution.timetable.submit')} />
      </form>
      {run.data ? <BulkReportView report={run.data} /> : null}
    </section>
  );
}
