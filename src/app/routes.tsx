import type { ComponentType } from 'react';
import { ImportPage } from '../features/import/import-page';
import { OverviewPage } from '../features/overview/overview-page';

export interface Route {
  path: string;
  label: string;
  component: ComponentType;
  /** Hidden pages are reachable by URL but not listed in the navigation. */
  hidden?: boolean;
}

/** Every page, in navigation order. A feature adds its page here. */
export const ROUTES: Route[] = [
  { path: 'overview', label: 'Overview', component: OverviewPage },
  { path: 'import', label: 'Import', component: ImportPage },
];
