import { useEffect, useId, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { ConfirmDialog } from '../../../components/dialog.tsx';
import { TextField } from '../../../components/field.tsx';
import { formatDateTime } from '../../../components/format.ts';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { ActivityEditor } from './activity-editor.tsx';
import { CandidatesSection } from './candidates-section.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
import { blankActivity, draftProblems, inventoryLines } from './draft.ts';
import { lk, reportsBase, useReport } from './queries.ts';
import { ReportView } from './report-view.tsx';
import { formatPeriod } from './period.ts';
import { SaveStatusLine } from './save-status.tsx';
import { ShareSection } from './share-section.tsx';
import { TextAreaField } from './text-area-field.tsx';
import { draftStorageClear, useAutosave } from './use-autosave.ts';
import type { LearnerReport, LearnerReportActivity } from './types.ts';
import { learnerReportSchema } from '../../../../../src/domain/learner-report/report/schema.ts';

/** /leerrapporten/:reportId — the author edits (or reads a completed report); a reader sees a shared one. */
export function ReportPage() {
  const { reportId = '' } = useParams();
  const { t } = useTranslation();
  const report = useReport(reportId);
  if (report.isPending) return <Loading />;
  if (report.isError) {
    return (
      <>
        <PageHeading title={t('learnerReport.editor.notFound')} />
        <ErrorMessage error={report.error} />
        <p><Link to="/leerrapporten">{t('learnerReport.editor.backToList')}</Link></p>
      </>
    );
  }
  if (report.data.access === 'shared') return <SharedReport report={report.data} />;
  return <ReportEditor key={report.data.id} initial={report.data} />;
}

function SharedReport({ report }: { report: LearnerReport }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PageHeading title={t('learnerReport.shared.reportTitle', { name: report.authorName })} />
      <p>{t('learnerReport.shared.readOnly', { period: formatPeriod(report.periodStart, report.periodEnd, i18n.language) })}</p>
      <ReportView report={report} />
      <p><Link to="/leerrapporten/gedeeld">{t('learnerReport.shared.back')}</Link></p>
    </>
  );
}

function ReportEditor({ initial }: { initial: LearnerReport }) {
  const { t, i18n } = useTranslation();
  const { networkId } = useNetwork();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const auto = useAutosave(networkId, initial);
  const { base, draft, setDraft, status, conflict } = auto;
  const [conflictHidden, setConflictHidden] = useState(false);
  const [newTitle, setNewTitle] = useState('');
  const [newTitleError, setNewTitleError] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [completeErrors, setCompleteErrors] = useState<Record<string, string>>({});
  const [completeProblem, setCompleteProblem] = useState('');
  const summaryId = useId();
  // A completion problem is shown until the teacher changes the report again.
  useEffect(() => {
    setCompleteErrors((e) => (Object.keys(e).length ? {} : e));
  }, [draft]);
  const readOnly = base.status === 'completed';
  const url = `${reportsBase(networkId)}/${base.id}`;

  const localProblems = Object.fromEntries(Object.entries(draftProblems(draft, base.maxActivities)).map(([path, code]) => [path, t(`learnerReport.problem.${code}`, { max: base.maxActivities, count: base.maxActivities })]));
  const errors = { ...completeErrors, ...auto.serverErrors, ...localProblems };
  const full = draft.activities.length >= base.maxActivities;

  const refresh = () => void queryClient.invalidateQueries({ queryKey: lk(networkId), predicate: (q) => q.queryKey[3] !== 'report' });

  const complete = useMutation({
    mutationFn: async () => {
      const saved = await auto.flush();
      if (!saved) throw new ApiError(0, 'NOT_SAVED', t('learnerReport.editor.saveFirst'));
      return api.post(`${url}/complete`, { revision: auto.currentRevision() }, learnerReportSchema);
    },
    onMutate: () => { setCompleteErrors({}); setCompleteProblem(''); },
    onSuccess: (r) => {
      auto.replaceWithServer(r);
      refresh();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
        setCompleteErrors(Object.fromEntries(error.fields.map((f) => [f.path, t(`learnerReport.problem.${f.code}`, { ...f.params, ...(typeof f.params?.max === 'number' ? { count: f.params.max } : {}), defaultValue: f.message.replace(/^[^:]*:\s*/, '') })])));
        setCompleteProblem(t('learnerReport.editor.incomplete', { count: error.fields.length }));
      } else if (error instanceof ApiError) {
        setCompleteProblem(error.message || t('error.generic'));
      }
    },
  });
  const reopen = useMutation({
    mutationFn: () => api.post(`${url}/reopen`, { revision: base.revision }, learnerReportSchema),
    onSuccess: (r) => {
      auto.replaceWithServer(r);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(url),
    onSuccess: () => {
      draftStorageClear(base.id);
      queryClient.removeQueries({ queryKey: lk(networkId, 'report', base.id) });
      refresh();
      navigate('/leerrapporten', { replace: true });
    },
  });

  const setActivity = (index: number, next: LearnerReportActivity) =>
    setDraft((d) => ({ ...d, activities: d.activities.map((a, i) => (i === index ? next : a)) }));
  const [addedId, setAddedId] = useState('');
  const addActivity = (activity: LearnerReportActivity) => {
    setAddedId(activity.id);
    setDraft((d) => ({ ...d, activities: [...d.activities, activity] }));
  };

  function addByTitle() {
    const title = newTitle.trim();
    if (!title) return setNewTitleError(t('field.FIELD_REQUIRED'));
    setNewTitleError('');
    addActivity(blankActivity(title));
    setNewTitle('');
  }

  const title = t('learnerReport.editor.title', { period: formatPeriod(base.periodStart, base.periodEnd, i18n.language) });
  return (
    <>
      <PageHeading title={title}>
        <span className={`badge ${readOnly ? 'badge-done' : 'badge-pending'}`}>{t(`learnerReport.status.${base.status}`)}</span>
      </PageHeading>
      <p><Link to="/leerrapporten">{t('learnerReport.editor.backToList')}</Link></p>
      {!readOnly ? <SaveStatusLine status={status} /> : null}
      {conflict && conflictHidden ? (
        <div className="status status-warning" role="alert">
          {t('learnerReport.conflict.pending')}{' '}
          <button type="button" className="button-small" onClick={() => setConflictHidden(false)}>{t('learnerReport.conflict.compare')}</button>
        </div>
      ) : null}
      {conflict ? (
        <ConflictDialog conflict={conflict} open={!conflictHidden} onClose={() => setConflictHidden(true)}
          onResolve={(merged) => { setConflictHidden(false); auto.resolveConflict(merged); }} />
      ) : null}

      {readOnly ? (
        <>
          <p>{t('learnerReport.editor.completedText', { date: base.completedAt ? formatDateTime(base.completedAt, i18n.language) : '' })}</p>
          <div className="button-row">
            <button type="button" className="button-secondary" onClick={() => reopen.mutate()} disabled={reopen.isPending}>{t('learnerReport.editor.reopen')}</button>
          </div>
          <ErrorMessage error={reopen.error} />
          <ReportView report={base} />
        </>
      ) : (
        <>
          <p className="lead">{t('learnerReport.editor.intro')}</p>
          <section className="section" aria-labelledby="period-title">
            <h2 id="period-title">{t('learnerReport.editor.period')}</h2>
            <div className="filters">
              <TextField type="date" label={t('learnerReport.editor.periodStart')} value={draft.periodStart} error={errors.periodStart}
                onChange={(e) => { const v = e.target.value; setDraft((d) => ({ ...d, periodStart: v })); }} />
              <TextField type="date" label={t('learnerReport.editor.periodEnd')} value={draft.periodEnd} error={errors.periodEnd}
                hint={t('learnerReport.editor.periodHint')}
                onChange={(e) => { const v = e.target.value; setDraft((d) => ({ ...d, periodEnd: v })); }} />
            </div>
          </section>

          <section className="section" aria-labelledby="inventory-title">
            <h2 id="inventory-title">{t('learnerReport.question.1')}</h2>
            <TextAreaField label={t('learnerReport.editor.inventoryLabel')} hint={t('learnerReport.question.1hint')} rows={5}
              value={draft.inventoryText} error={errors.inventory}
              onChange={(e) => { const v = e.target.value; setDraft((d) => ({ ...d, inventoryText: v })); }} />
            {inventoryLines(draft.inventoryText).length > 0 ? (
              <>
                <h3>{t('learnerReport.editor.chooseTitle', { max: base.maxActivities })}</h3>
                <ul className="plain-list">
                  {inventoryLines(draft.inventoryText).map((line, i) => {
                    const used = draft.activities.some((a) => a.title.trim() === line.slice(0, 200).trim());
                    return (
                      <li key={`${i}-${line}`}>
                        {line}{' '}
                        {used ? <span className="badge badge-done">{t('learnerReport.editor.chosen')}</span> : (
                          <button type="button" className="button-small button-secondary" disabled={full} onClick={() => addActivity(blankActivity(line.slice(0, 200)))}>
                            {t('learnerReport.editor.workOut')}<span className="sr-only">: {line}</span>
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </>
            ) : null}
          </section>

          <CandidatesSection periodStart={base.periodStart} periodEnd={base.periodEnd} full={full}
            usedSourceIds={draft.activities.flatMap((a) => (a.origin ? [a.origin.sourceId] : []))} onAdd={addActivity} />

          <section className="section" aria-labelledby="activities-title">
            <h2 id="activities-title" tabIndex={-1}>{t('learnerReport.editor.activitiesTitle', { count: draft.activities.length, max: base.maxActivities })}</h2>
            {errors.activities ? <p className="field-error" role="alert">{errors.activities}</p> : null}
            {draft.activities.length === 0 ? (
              <EmptyState title={t('learnerReport.editor.noActivities')}>
                <p>{t('learnerReport.editor.noActivitiesText')}</p>
              </EmptyState>
            ) : null}
            {draft.activities.map((a, i) => (
              <ActivityEditor key={a.id} activity={a} index={i} readOnly={false} errors={errors} focusOnMount={a.id === addedId}
                onChange={(next) => setActivity(i, next)}
                onRemove={() => {
                  setDraft((d) => ({ ...d, activities: d.activities.filter((x) => x.id !== a.id) }));
                  setTimeout(() => document.getElementById('activities-title')?.focus(), 0);
                }} />
            ))}
            {full ? <p className="muted">{t('learnerReport.editor.full', { count: base.maxActivities })}</p> : (
              <div className="filters">
                <TextField label={t('learnerReport.editor.newActivity')} value={newTitle} error={newTitleError} maxLength={200}
                  onChange={(e) => setNewTitle(e.target.value)}
                  onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addByTitle(); } }} />
                <div className="button-row">
                  <button type="button" className="button-secondary" onClick={addByTitle}>{t('learnerReport.editor.addActivity')}</button>
                </div>
              </div>
            )}
          </section>

          <section className="section" aria-labelledby="complete-title">
            <h2 id="complete-title">{t('learnerReport.editor.completeTitle')}</h2>
            <p>{t('learnerReport.editor.completeText')}</p>
            {completeProblem ? <p className="status status-error" role="alert" id={summaryId}>{completeProblem}</p> : null}
            <div className="button-row">
              <button type="button" onClick={() => complete.mutate()} disabled={complete.isPending || Boolean(conflict)}>
                {complete.isPending ? t('common.busy') : t('learnerReport.editor.complete')}
              </button>
              <button type="button" className="button-danger-outline" onClick={() => setDeleting(true)}>{t('learnerReport.editor.delete')}</button>
            </div>
          </section>
        </>
      )}

      <ShareSection reportId={base.id} />

      <ConfirmDialog
        open={deleting}
        title={t('learnerReport.editor.deleteTitle')}
        message={t('learnerReport.editor.deleteText')}
        confirmLabel={t('learnerReport.editor.delete')}
        busy={remove.isPending}
        error={<ErrorMessage error={remove.error} />}
        onConfirm={() => remove.mutate()}
        onClose={() => setDeleting(false)}
      />
    </>
  );
}
