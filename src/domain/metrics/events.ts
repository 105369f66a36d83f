/** Events (metrics.md §3): events = distinct events (the attend's `channel`) with ≥ 1 attend in m; attendees = attend activities in m. */
import type { MetricContext } from './context';
import { activityPass } from './pass';

export interface EventSeries {
  events: number[];
  attendees: number[];
}

export function eventSeries(ctx: MetricContext): EventSeries {
  const pass = activityPass(ctx);
  return { events: Array.from(pass.events), attendees: Array.from(pass.attendees) };
}
