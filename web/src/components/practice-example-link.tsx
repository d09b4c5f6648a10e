import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Practices whose finished items can become a draft practice example (the server's exampleDraftSources). */
export type PracticeExampleSource = 'exchange_edition' | 'leerlab' | 'company_visit' | 'speeddate_event' | 'cocreation_session';

/** "Maak praktijkvoorbeeld" on a finished item of a practice: opens the example area's page that drafts it. */
export function PracticeExampleLink({ source, id }: { source: PracticeExampleSource; id: string }) {
  const { t } = useTranslation();
  return <p><Link className="button" to={`/voorbeelden/van/${source}/${id}`}>{t('example.fromPractice.link')}</Link></p>;
}
