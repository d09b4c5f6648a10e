import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../../api/client.ts';
import { useNetwork } from '../../../app/session.tsx';
import { PageHeading } from '../../../components/page-heading.tsx';
import { profileVersionSchema, profileVersionSummarySchema, type ProfileVersion, type ProfileVersionSummary } from '../../../../../src/domain/cocreation/profile/schema.ts';

/** The network's professional profile: its versions, what changed, who decided, and the praatplaat. */
export function ProfilesPage() {
  const { t } = useTranslation();
  const { networkId, caps } = useNetwork();
  const { id } = useParams();
  const [versions, setVersions] = useState<ProfileVersionSummary[] | null>(null);
  const [version, setVersion] = useState<ProfileVersion | null>(null);
  useEffect(() => {
    api.get(`/networks/${networkId}/cocreation-profiles`, z.array(profileVersionSummarySchema)).then(setVersions, () => setVersions([]));
  }, [networkId]);
  const shown = id ?? versions?.[0]?.id;
  useEffect(() => {
    if (shown) api.get(`/networks/${networkId}/cocreation-profiles/${shown}`, profileVersionSchema).then(setVersion, () => setVersion(null));
  }, [networkId, shown]);
  const file = (ext: string, locale: string) => `/api/networks/${networkId}/cocreation-profiles/${shown}/praatplaat.${ext}?locale=${locale}`;
  return (
    <>
      <PageHeading title={t('cocreation.profile.title')} />
      {versions === null && <p role="status">{t('cocreation.loading')}</p>}
      {versions?.length === 0 && (
        <div className="empty-state">
          <p className="empty-title">{t('cocreation.profile.none')}</p>
          {caps.manageNetwork && <p><Link className="button-link" to="/cocreatie">{t('cocreation.profile.toSessions')}</Link></p>}
        </div>
      )}
      {versions && versions.length > 0 && (
        <nav aria-label={t('cocreation.profile.versions')}>
          <ul>{versions.map((v) => <li key={v.id}><Link to={`/beroepsbeeld/${v.id}`} aria-current={v.id === shown ? 'page' : undefined}>{t('cocreation.profile.version', { profile: v.profileName, version: v.version })}</Link> · {v.sessionTitle} · {v.createdByName ?? ''} · {v.createdAt.slice(0, 10)}</li>)}</ul>
        </nav>
      )}
      {version && (
        <>
          <h2>{t('cocreation.profile.version', { profile: version.profileName, version: version.version })}</h2>
          <p>{t('cocreation.profile.from', { session: version.content.sessionTitle, date: version.content.decidedOn })}</p>
          <div className="button-row">
            <a className="button-link" href={file('pdf', 'nl')} download>{t('cocreation.profile.pdf', { lang: 'NL' })}</a>
            <a className="button-link button-secondary" href={file('pdf', 'en')} download>{t('cocreation.profile.pdf', { lang: 'EN' })}</a>
            <a className="button-link button-secondary" href={file('png', 'nl')} download>{t('cocreation.profile.png')}</a>
          </div>
          {version.content.domains.map((d) => {
            const diff = version.diff.domains.find((x) => x.key === d.key);
            return (
              <section key={d.key} className="card" aria-label={d.label}>
                <h3>{d.label}</h3>
                <h4>{t('cocreation.profile.agreed')}</h4>
                {d.agreed.length === 0 ? <p className="muted">{t('cocreation.profile.nothingAgreed')}</p> : <ul>{d.agreed.map((a, i) => <li key={i} className="break">{a.text} <span className="muted">({t(`cocreation.decision.${a.outcome}`)}{a.decidedBy ? `, ${a.decidedBy}` : ''})</span></li>)}</ul>}
                {d.discussion.length > 0 && (<><h4>{t('cocreation.profile.discussion')}</h4><ul>{d.discussion.map((x, i) => <li key={i} className="break">{x}</li>)}</ul></>)}
                {version.diff.previousVersion !== null && diff && (diff.added.length > 0 || diff.removed.length > 0) && (
                  <>
                    <h4>{t('cocreation.profile.changed', { version: version.diff.previousVersion })}</h4>
                    <ul>
                      {diff.added.map((x, i) => <li key={`a${i}`} className="break"><ins>+ {x}</ins></li>)}
                      {diff.removed.map((x, i) => <li key={`r${i}`} className="break"><del>− {x}</del></li>)}
                    </ul>
                  </>
                )}
              </section>
            );
          })}
          {version.content.agreements.length > 0 && (
            <section className="section"><h3>{t('cocreation.agreements')}</h3><ul>{version.content.agreements.map((a, i) => <li key={i}>{a.title} — {a.ownerName}, {a.dueDate}</li>)}</ul></section>
          )}
        </>
      )}
    </>
  );
}
