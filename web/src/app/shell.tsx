import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { logoutResultSchema } from '../../../src/domain/foundation/auth/schema.ts';
import { LanguageSwitch } from '../components/language-switch.tsx';
import { useNetwork } from './session.tsx';
import { webModules } from '../features/modules.ts';

const menu = webModules.flatMap((m) => m.menu ?? []).sort((a, b) => a.order - b.order);
const headerItems = webModules.flatMap((m) => m.headerItems ?? []);

function focusMain(event: React.MouseEvent) {
  event.preventDefault();
  const main = document.getElementById('main');
  main?.focus();
  main?.scrollIntoView();
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main" onClick={focusMain}>
      {t('app.skipToContent')}
    </a>
  );
}

/** Layout for pages without a session (login, password reset, invitation). */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <Link to="/" className="brand">
            {t('app.name')}
          </Link>
          <div className="header-tools">
            <LanguageSwitch />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="main main-narrow">
        {children ?? <Outlet />}
      </main>
      <footer className="app-footer">
        <p>{t('app.tagline')}</p>
      </footer>
    </>
  );
}

function NetworkSwitcher() {
  const { t } = useTranslation();
  const { networks, networkId, networkName, setNetworkId } = useNetwork();
  const id = useId();
  if (networks.length === 0) return null;
  if (networks.length === 1) return <span className="network-name">{networkName}</span>;
  return (
    <span className="network-switcher">
      <label htmlFor={id} className="sr-only">
        {t('network.switch')}
      </label>
      <select id={id} value={networkId} onChange={(e) => setNetworkId(e.target.value)}>
        {networks.map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </select>
    </span>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { me } = useNetwork();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (ref.current && !ref.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
      }
    };
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  async function logout() {
    let endSessionUrl: string | undefined;
    try {
      endSessionUrl = (await api.post('/auth/logout', undefined, logoutResultSchema)).endSessionUrl;
    } finally {
      queryClient.clear();
      queryClient.setQueryData(['me'], null);
      // Logged in through an identity provider: end its session too (it sends the browser back to PUBLIC_URL/).
      if (endSessionUrl) window.location.assign(endSessionUrl);
      else navigate('/inloggen', { replace: true });
    }
  }

  return (
    <div className="user-menu" ref={ref}>
      <button type="button" className="button-ghost user-menu-button" aria-expanded={open} aria-controls={menuId} onClick={() => setOpen(!open)}>
        <span className="sr-only">{t('user.menuFor')} </span>
        {me.name}
        <span aria-hidden="true"> ▾</span>
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <p className="user-menu-email">{me.email}</p>
        <ul>
          <li>
            <Link to="/profiel" onClick={() => setOpen(false)}>
              {t('nav.profile')}
            </Link>
          </li>
          <li>
            <button type="button" className="button-secondary" onClick={() => void logout()}>
              {t('user.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

/** The main menu; on a phone it is one line that scrolls sideways by itself, so the page starts on the first screen. */
function MainNav() {
  const { t } = useTranslation();
  const { caps, networkId } = useNetwork();
  const items = menu.filter((entry) => entry.show({ caps, networkId }));
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {items.map((i) => (
          <li key={i.to}>
            <NavLink to={i.to} end={i.to === '/'}>
              {t(i.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Layout for logged-in pages: header, navigation by role, main landmark. */
export function AppShell() {
  const { t } = useTranslation();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <div className="header-brand">
            <Link to="/" className="brand">
              {t('app.name')}
            </Link>
            <NetworkSwitcher />
          </div>
          <div className="header-tools">
            {headerItems.map((Item, index) => (
              <Item key={index} />
            ))}
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <MainNav />
      </header>
      <main id="main" tabIndex={-1} className="main">
        <Outlet />
      </main>
    </>
  );
}
