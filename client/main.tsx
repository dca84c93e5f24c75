import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { langStore } from './i18n/lang.ts';
import { routes } from './routes.ts';
import './styles/base.css';
import './styles/fonts.css';

const path = location.pathname.replace(/\/+$/, '') || '/';
const loader = routes[path] ?? routes['/']!;
const View = lazy(loader);
document.documentElement.lang = langStore.getState().lang;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Suspense fallback={null}>
      <View />
    </Suspense>
  </StrictMode>,
);
