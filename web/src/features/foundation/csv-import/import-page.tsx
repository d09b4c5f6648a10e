import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import type { ImportReport } from '../../../api/types.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ErrorMessage, SuccessMessage } from '../../../components/status.tsx';
import { peopleColumnNames, programmeColumnNames } from '../../../../../src/domain/foundation/csv-import/schema.ts';
import { importReportSchema } from '../../../../../src/domain/foundation/csv-import/schema.ts';

type Kind = 'people' | 'programmes';

/** The column names the server recognises (Dutch and English), shown as help: the import's own list. */
const COLUMNS: Record<Kind, { field: string; nl: readonly string[]; en: readonly string[]; required: boolean }[]> = {
  people: Object.entries(peopleColumnNames).map(([field, c]) => ({ field, ...c })),
  programmes: Object.entries(programmeColumnNames).map(([field, c]) => ({ field, ...c })),
};

const EXAMPLES: Record<Kind, string> = {
  people: '/examples/mensen-voorbeeld.csv',
  programmes: '/examples/opleidingen-voorbeeld.csv',
};

/** Reads a chosen file as text: UTF-8 (with or without BOM), or Windows-1252 as older Excel writes it. */
export async function fileReadText(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="report-title" className="section">
      <h2 id="report-title">{report.dryRun ? t('import.reportDryTitle') : t('import.reportTitle')}</h2>
      {report.error ? (
        <p className="status status-error" role="alert">
          {report.error.message}
        </p>
      ) : (
        <p role="status" className={report.rejected > 0 ? 'status status-warning' : 'status status-success'}>
          {report.dryRun
            ? t('import.summaryDry', { accepted: t('import.acceptedDry', { count: report.accepted }), rejected: report.rejected })
            : t('import.summary', { accepted: t('import.accepted', { count: report.accepted }), rejected: report.rejected, created: report.created, updated: report.updated })}
        </p>
      )}
      {report.columns.length > 0 ? (
        <p>
          {t('import.columnsFound')} <span className="code-list">{report.columns.join(', ')}</span>
        </p>
      ) : null}
      {report.rows.length > 0 ? (
        <div className="table-wrap">
          <table className="report-table">
            <caption>{t('import.reportCaption', { count: report.rows.length })}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">{t('import.row')}</th>
                <th scope="col">{t('import.status')}</th>
                <th scope="col">{t('import.rowSummary')}</th>
                <th scope="col">{t('import.reasons')}</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((row) => (
                <tr key={row.row} className={row.status === 'rejected' ? 'row-rejected' : undefined}>
                  <th scope="row" className="num">{row.row}</th>
                  <td>
                    <span className={`badge badge-${row.status}`}>{t(`import.rowStatus.${row.status}`)}</span>
                  </td>
                  <td className="break">{row.summary}</td>
                  <td>
                    {row.reasons.length === 0 ? (
                      '—'
                    ) : (
                      <ul className="plain-list">
                        {row.reasons.map((r, i) => (
                          <li key={i}>{r.message}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function ImportPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const queryClient = useQueryClient();
  const kinds: Kind[] = [...(caps.managePeople ? (['people'] as const) : []), ...(caps.manageInstitutions ? (['programmes'] as const) : [])];
  const [kind, setKind] = useState<Kind>(kinds[0] ?? 'people');
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [fileError, setFileError] = useState('');
  const [invite, setInvite] = useState(false);
  const [checked, setChecked] = useState(false);
  const fileId = useId();
  const fileHintId = useId();
  const fileErrorId = useId();

  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      try {
        return await api.post(`/networks/${networkId}/imports/${kind}`, { csv: csv?.text ?? '', dryRun, invite: kind === 'people' && invite }, importReportSchema);
      } catch (error) {
        // An unusable file comes back as 422 with a report that explains why.
        const report = error instanceof ApiError && error.status === 422 ? importReportSchema.safeParse(error.body) : undefined;
        if (report?.success) return report.data;
        throw error;
      }
    },
    onSuccess: (report) => {
      if (report.dryRun) setChecked(report.ok);
      else {
        setChecked(false);
        void queryClient.invalidateQueries({ queryKey: nk(networkId) });
      }
    },
  });

  function reset() {
    setChecked(false);
    run.reset();
  }

  async function chooseFile(file: File | undefined) {
    reset();
    setFileError('');
    if (!file) return setCsv(null);
    if (file.size > 5_000_000) {
      setCsv(null);
      return setFileError(t('import.fileTooLarge'));
    }
    setCsv({ name: file.name, text: await fileReadText(file) });
  }

  function submit(event: FormEvent, dryRun: boolean) {
    event.preventDefault();
    if (!csv) return setFileError(t('import.fileRequired'));
    run.mutate(dryRun);
  }

  return (
    <>
      <PageHeading title={t('import.title')} />
      <p>{t('import.intro')}</p>
      <form className="form card" noValidate onSubmit={(e) => submit(e, !checked)}>
        <fieldset className="radio-group">
          <legend>{t('import.kind')}</legend>
          {kinds.map((k) => (
            <label key={k} className="radio">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => { setKind(k); reset(); }} />
              {t(`import.kinds.${k}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={fileId}>{t('import.file')}</label>
          <input
            id={fileId}
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => void chooseFile(e.target.files?.[0])}
            aria-describedby={fileError ? `${fileHintId} ${fileErrorId}` : fileHintId}
            aria-invalid={fileError ? true : undefined}
          />
          <span className="field-hint" id={fileHintId}>
            {t('import.fileHint')}
          </span>
          {fileError ? (
            <span className="field-error" id={fileErrorId} role="alert">
              {fileError}
            </span>
          ) : null}
        </div>
        {kind === 'people' ? (
          <label className="checkbox">
            <input type="checkbox" checked={invite} onChange={(e) => { setInvite(e.target.checked); reset(); }} />
            {t('import.invite')}
          </label>
        ) : null}
        <ErrorMessage error={run.error} />
        <div className="button-row">
          <button type="button" className={checked ? 'button-secondary' : undefined} disabled={run.isPending} onClick={(e) => submit(e, true)}>
            {run.isPending && run.variables === true ? t('common.busy') : t('import.check')}
          </button>
          <button type="button" className={checked ? undefined : 'button-secondary'} disabled={run.isPending || !checked} onClick={(e) => submit(e, false)}>
            {run.isPending && run.variables === false ? t('common.busy') : t('import.run')}
          </button>
        </div>
        <p className="field-hint">{checked ? t('import.readyHint') : t('import.checkFirstHint')}</p>
        {run.data && !run.data.dryRun && run.data.ok ? <SuccessMessage>{t('import.done', { file: csv?.name ?? '' })}</SuccessMessage> : null}
      </form>
      {run.data ? <ReportView report={run.data} /> : null}
      <section aria-labelledby="columns-title" className="section">
        <h2 id="columns-title">{t('import.columnsTitle')}</h2>
        <p>{t(`import.columnsIntro.${kind}`)}</p>
        <div className="table-wrap">
          <table>
            <caption>{t('import.columnsCaption', { kind: t(`import.kinds.${kind}`) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.field')}</th>
                <th scope="col" lang="nl">{t('import.namesNl')}</th>
                <th scope="col" lang="en">{t('import.namesEn')}</th>
                <th scope="col">{t('import.required')}</th>
              </tr>
            </thead>
            <tbody>
              {COLUMNS[kind].map((c) => (
                <tr key={c.field}>
                  <th scope="row">{t(`import.fields.${kind}.${c.field}`)}</th>
                  <td lang="nl">{c.nl.join(', ')}</td>
                  <td lang="en">{c.en.join(', ')}</td>
                  <td>{c.required ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t(`import.valuesHelp.${kind}`)}</p>
        <p>
          <a href={EXAMPLES[kind]} download>
            {t('import.downloadExample', { kind: t(`import.kinds.${kind}`) })}
          </a>
        </p>
      </section>
    </>
  );
}
