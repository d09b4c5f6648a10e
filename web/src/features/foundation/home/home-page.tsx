import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client.ts';
import { nk, useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { HomeCards } from '../../../app/home-cards.tsx';
import { EmptyState, ErrorMessage, Loading } from '../../../components/status.tsx';
import { useNetworkInfo, useProgrammes } from '../institution/queries.ts';
import { personSchema } from '../../../../../src/domain/foundation/person/schema.ts';

/** The parts of a counted figure: the number, large, and what it counts. */
const statParts = { value: <span className="stat-value" />, label: <span className="stat-label" /> };

function CoordinatorHome() {
  const { t } = useTranslation();
  const network = useNetworkInfo();
  if (network.isPending) return <Loading />;
  if (network.isError) return <ErrorMessage error={network.error} />;
  const counts = network.data.counts;
  const steps: { key: string; to: string; done: boolean }[] = [
    { key: 'institutions', to: '/instellingen', done: counts.institutions > 0 },
    { key: 'programmes', to: '/importeren', done: counts.programmes > 0 },
    { key: 'people', to: '/mensen', done: counts.people > 1 },
  ];
  return (
    <>
      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t('home.countsTitle')}</h2>
        <ul className="stat-list">
          <li className="stat">
            <Trans i18nKey="home.countInstitutions" count={counts.institutions} components={statParts} />
          </li>
          <li className="stat">
            <Trans i18nKey="home.countProgrammes" count={counts.programmes} components={statParts} />
          </li>
          <li className="stat">
            <Trans i18nKey="home.countPeople" count={counts.people} components={statParts} />
          </li>
        </ul>
      </section>
      <section aria-labelledby="steps-title">
        <h2 id="steps-title">{t('home.stepsTitle')}</h2>
        <ol className="steps">
          {steps.map((s) => (
            <li key={s.key} className={s.done ? 'step-done' : undefined}>
              <Link to={s.to}>{t(`home.step.${s.key}`)}</Link>
              <span className="step-state">{s.done ? t('home.stepDone') : t('home.stepTodo')}</span>
              <p className="step-help">{t(`home.stepHelp.${s.key}`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function SchoolHome() {
  const { t } = useTranslation();
  const { me, networkId, caps } = useNetwork();
  const institutions = me.memberships.filter((m) => m.networkId === networkId && m.institutionId && (m.role === 'school_coordinator' || m.role === 'team_lead'));
  return (
    <section aria-labelledby="school-title">
      <h2 id="school-title">{t('home.schoolTitle')}</h2>
      <ul className="link-list">
        {institutions.map((m) => (
          <li key={`${m.institutionId}-${m.role}`}>
            <Link to={`/instellingen/${m.institutionId}`}>{m.institutionName}</Link> <span className="muted">({t(`role.${m.role}`)})</span>
          </li>
        ))}
      </ul>
      <ul className="link-list">
        {caps.readPeople ? (
          <li>
            <Link to="/mensen">{t('home.seePeople')}</Link>
          </li>
        ) : null}
        {caps.managePeople ? (
          <li>
            <Link to="/uitnodigingen">{t('home.seeInvitations')}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}

function PersonalHome() {
  const { t } = useTranslation();
  const { me, networkId } = useNetwork();
  const person = useQuery({ queryKey: nk(networkId, 'people', me.id), queryFn: () => api.get(`/networks/${networkId}/people/${me.id}`, personSchema) });
  const programmes = useProgrammes();
  const mine = (programmes.data ?? []).filter((p) => person.data?.programmeIds.includes(p.id));
  return (
    <section aria-labelledby="mine-title">
      <h2 id="mine-title">{t('home.mineTitle')}</h2>
      {person.isPending || programmes.isPending ? <Loading /> : null}
      <ErrorMessage error={person.error ?? programmes.error} />
      {person.data && programmes.data ? (
        mine.length === 0 ? (
          <EmptyState title={t('home.noProgrammes')}>
            <p>{t('home.noProgrammesHelp')}</p>
          </EmptyState>
        ) : (
          <ul className="link-list">
            {mine.map((p) => (
              <li key={p.id}>
                {p.name} <span className="muted">({p.institutionName}, {t(`level.${p.level}`)})</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      <p>
        <Link to="/instellingen">{t('home.seeInstitutions')}</Link>
      </p>
    </section>
  );
}

/** A company professional: what Kruispunt offers them, and their company's profile to complete. */
function ProfessionalHome() {
  const { t } = useTranslation();
  const { me, networkId } = useNetwork();
  const companies = me.memberships.filter((m) => m.networkId === networkId && m.role === 'professional' && m.institutionId);
  return (
    <section aria-labelledby="professional-title" className="section">
      <h2 id="professional-title">{t('home.professionalTitle')}</h2>
      <p>{t('home.professionalIntro')}</p>
      <ul>
        <li>{t('home.professionalOffer1')}</li>
        <li>{t('home.professionalOffer2')}</li>
        <li>{t('home.professionalOffer3')}</li>
      </ul>
      {companies.map((m) => (
        <p key={m.institutionId}>
          <Link className="button-link" to={`/instellingen/${m.institutionId}`}>{t('home.professionalProfile')}<span className="sr-only"> ({m.institutionName})</span></Link>
          <br /><span className="field-hint">{t('home.professionalProfileHelp')}</span>
        </p>
      ))}
    </section>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { me, networkId, networkName, caps } = useNetwork();
  const myRoles = me.memberships.filter((m) => m.networkId === networkId);
  return (
    <>
      <PageHeading title={t('home.title', { name: me.name })} />
      {!networkId ? (
        <EmptyState title={t('home.noNetwork')}>
          <p>{t('home.noNetworkHelp')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="lead">
            {t('home.rolesIn', { network: networkName })}{' '}
            {myRoles.map((m) => (m.institutionName ? `${t(`role.${m.role}`)} – ${m.institutionName}` : t(`role.${m.role}`))).join(', ')}
          </p>
          <HomeCards />
          {caps.manageNetwork ? <CoordinatorHome /> : caps.readPeople ? <SchoolHome /> : null}
          {caps.roles.includes('teacher') ? <PersonalHome /> : null}
          {caps.roles.includes('professional') ? <ProfessionalHome /> : null}
        </>
      )}
    </>
  );
}
