import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { i18nInit } from './i18n/index.ts';
import { webModules } from './features/modules.ts';
import './styles.css';

i18nInit(webModules);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
