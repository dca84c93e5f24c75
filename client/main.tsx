import { StrictMode, Suspense, lazy } from 'react';
import { createRoot } from 'react-dom/client';
import { adoptDeviceLink } from './auth/device-link.ts';
import { langStore } from './i18n/lang.ts';
import { home, routes } from './routes.ts';
import './styles/base.css';
import './styles/fonts.css';

const path = location.pathname.replace(/\/+$/, '') || '/';
const loader = routes[path] ?? home;
const View = lazy(loader);
document.documentElement.lang = langStore.getState().lang;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
// A device link's token is adopted before any view asks for a login (one request on the LAN).
void adoptDeviceLink().finally(() =>
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <View />
      </Suspense>
    </StrictMode>,
  ),
);
