import type { ComponentType, ReactNode } from 'react';
import type { Capabilities } from './session.tsx';

// The contract of an area in the browser app. Each area (web/src/features/<area>/) declares in
// its module.tsx what it adds: routes, menu entries, header items and its messages. The router,
// the shell and the i18n set-up loop over the list in web/src/features/modules.ts and never name
// an area; the server side has the same list in src/server/modules.ts.

/** A message catalogue: nested keys, strings at the leaves (i18next's JSON format). */
export type MessageTree = { [key: string]: string | MessageTree };

export interface WebRoute {
  /** The URL path, as React Router writes it (`/uitwisseling/:slug`). Links in e-mails use these: never change one. */
  path: string;
  element: ReactNode;
  /** `public`: without a session, in the narrow public layout; `session`: logged-in pages in the app shell. */
  access: 'public' | 'session';
}

/** What decides whether a menu entry shows: the user's capabilities in the current network. */
export interface MenuContext {
  caps: Capabilities;
  networkId: string;
}

export interface MenuEntry {
  to: string;
  /** An i18n key. */
  label: string;
  /** Position in the main menu, across areas (lower first). */
  order: number;
  show: (context: MenuContext) => boolean;
}

export interface WebModule {
  /** The area's folder name, the same in every layer. */
  name: string;
  routes: readonly WebRoute[];
  menu?: readonly MenuEntry[];
  /** Small components in the header of the logged-in shell (e.g. the notifications link). */
  headerItems?: readonly ComponentType[];
  /** Cards at the top of the home page; each decides itself whether it shows (e.g. a professional's own offers). */
  homeCards?: readonly ComponentType[];
  messages: { nl: MessageTree; en: MessageTree };
}
