import type { ComponentType } from 'react';
import { BriefPage } from '../features/brief/brief-page';
import { ComparePage } from '../features/compare/compare-page';
import { ImportPage } from '../features/import/import-page';
import { PeoplePage } from '../features/identity/people-page';
import { OverviewPage } from '../features/overview/overview-page';
import { ListeningPage } from '../features/listening/listening-page';
import { SentimentPage } from '../features/sentiment/sentiment-page';
import { GrowthPage } from '../features/growth/growth-page';
import { RetentionPage } from '../features/retention/retention-page';
import { ResponsivenessPage } from '../features/responsiveness/responsiveness-page';
import { NewsletterPage } from '../features/newsletter/newsletter-page';
import { SocialPage } from '../features/social/social-page';
import { EventsPage } from '../features/events/events-page';
import { PlatformReportsPage } from '../features/platform-reports/platform-reports-page';
import { MembersPage } from '../features/members/members-page';
import { PresentPage } from '../features/presentation/present-page';
import { SettingsPage } from '../features/settings/settings-page';

export interface Route {
  path: string;
  label: string;
  component: ComponentType;
  /** Hidden pages are reachable by URL but not listed in the navigation. */
  hidden?: boolean;
  /** `tools` pages (sharing and data management) are listed apart from the dashboards. */
  group?: 'tools';
  /** Pages that show no metrics have no filter bar (its period and sources would change nothing there). */
  noFilters?: true;
  /** Pages that show the "Compare with" period (the Overview's cards); elsewhere the filter bar leaves it out. */
  compares?: true;
}

/** Every page, in navigation order. A feature adds its page here. */
export const ROUTES: Route[] = [
  { path: 'overview', label: 'Overview', component: OverviewPage, compares: true },
  { path: 'growth', label: 'Growth', component: GrowthPage },
  { path: 'retention', label: 'Retention', component: RetentionPage },
  { path: 'responsiveness', label: 'Responsiveness', component: ResponsivenessPage },
  { path: 'newsletter', label: 'Newsletter', component: NewsletterPage },
  { path: 'social', label: 'Social', component: SocialPage },
  { path: 'events', label: 'Events', component: EventsPage },
  { path: 'platform-reports', label: 'Platform reports', component: PlatformReportsPage },
  { path: 'members', label: 'Members', component: MembersPage },
  { path: 'sentiment', label: 'Sentiment', component: SentimentPage },
  { path: 'listening', label: 'Listening', component: ListeningPage },
  { path: 'people', label: 'People', component: PeoplePage, group: 'tools', noFilters: true },
  { path: 'brief', label: 'Brief', component: BriefPage, group: 'tools' },
  { path: 'compare', label: 'Compare', component: ComparePage, group: 'tools' },
  { path: 'present', label: 'Present', component: PresentPage, hidden: true },
  { path: 'import', label: 'Import', component: ImportPage, group: 'tools', noFilters: true },
  { path: 'settings', label: 'Your data', component: SettingsPage, group: 'tools', noFilters: true },
];
