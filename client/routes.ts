import type { ComponentType } from 'react';

type Loader = () => Promise<{ default: ComponentType }>;

/** Each view is its own chunk, so a phone opening /agenda never downloads the MC or editor code. */
export const home: Loader = () => import('./views/home/HomeView.tsx');

export const routes: Record<string, Loader> = {
  '/': home,
  '/edit': () => import('./views/edit/EditView.tsx'),
  '/report': () => import('./views/report/ReportView.tsx'),
  '/mc': () => import('./views/mc/McView.tsx'),
  '/stage': () => import('./views/stage/StageView.tsx'),
  '/led': () => import('./views/led/LedView.tsx'),
  '/tech': () => import('./views/tech/TechView.tsx'),
  '/crew': () => import('./views/crew/CrewView.tsx'),
};
