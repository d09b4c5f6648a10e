import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';

// The pages of one leerlab.
export function LeerlabNav({ id, coordinator }: { id: string; coordinator: boolean }) {
  const { t } = useTranslation();
  const links = [
    ['', 'leerlab.nav.overview'],
    ...(coordinator ? [['/planning', 'leerlab.nav.planning']] : []),
    ['/sessies', 'leerlab.nav.sessions'],
    ['/checklist', 'leerlab.nav.checklist'],
    ['/leerlingen', 'leerlab.nav.pupils'],
    ['/evaluatie', 'leerlab.nav.evaluation'],
  ] as const;
  return (
    <nav aria-label={t('leerlab.nav.label')} className="tabs">
      <ul>
        {links.map(([to, label]) => <li key={to}><NavLink end to={`/leerlabs/${id}${to}`}>{t(label)}</NavLink></li>)}
      </ul>
    </nav>
  );
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;
