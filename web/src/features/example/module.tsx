import type { WebModule } from '../../app/web-module.ts';
import { LibraryPage, PublicLibraryPage } from './example/library-page.tsx';
import { EditExamplePage, ExamplePage, FromPracticePage, NewExamplePage, PublicExamplePage } from './example/example-page.tsx';
import nl from './i18n.nl.json';
import en from './i18n.en.json';

// Practice examples: the network's library with search and facets, coordinators writing examples
// or turning a finished item of a practice into one, and the public library with its Atom feed.
export const exampleWebModule: WebModule = {
  name: 'example',
  routes: [
    { path: '/voorbeelden', element: <LibraryPage />, access: 'session' },
    { path: '/voorbeelden/nieuw', element: <NewExamplePage />, access: 'session' },
    // A finished item of a practice links here ("Maak praktijkvoorbeeld", web/src/components/practice-example-link.tsx).
    { path: '/voorbeelden/van/:source/:id', element: <FromPracticePage />, access: 'session' },
    { path: '/voorbeelden/van-editie/:editionId', element: <FromPracticePage />, access: 'session' },
    { path: '/voorbeelden/:id', element: <ExamplePage />, access: 'session' },
    { path: '/voorbeelden/:id/bewerken', element: <EditExamplePage />, access: 'session' },
    // The Atom feed's links point to these (src/domain/example/example/rules.ts).
    { path: '/praktijkvoorbeelden', element: <PublicLibraryPage />, access: 'public' },
    { path: '/praktijkvoorbeelden/:slug', element: <PublicExamplePage />, access: 'public' },
  ],
  menu: [
    { to: '/voorbeelden', label: 'example.nav.library', order: 70, show: ({ networkId }) => Boolean(networkId) },
  ],
  messages: { nl, en },
};
