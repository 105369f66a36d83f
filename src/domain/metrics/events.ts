/** Events (metrics.md §3): events = distinct events (the attend's `channel`) with ≥ 1 attend in m; attendees = attend activities in m. */
import { KIND_ATTEND } from './dataset';
import { NO_MONTH, type MetricContext } from './context';
import { zeros } from './series';

export interface EventSeries {
  events: number[];
  attendees: number[];
}

export function eventSeries(ctx: MetricContext): EventSeries {
  const { ds, include, axisStart, axisLen } = ctx;
  const { actMonth } = ctx.zone;
  const events = zeros(axisLen);
  const attendees = zeros(axisLen);
  const lastMonth = new Int32Array(ds.events.length).fill(NO_MONTH);
  for (let i = 0; i < ds.n; i++) {
    if (ds.kind[i] !== KIND_ATTEND || !include[ds.source[i] as number]) continue;
    const m = (actMonth[i] as number) - axisStart;
    attendees[m]!++;
    const e = ds.event[i] as number;
    if (lastMonth[e] !== m) {
      lastMonth[e] = m;
      events[m]!++;
    }
  }
  return { events, attendees };
}
