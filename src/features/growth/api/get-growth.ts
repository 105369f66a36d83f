import type { HearthReport } from '../../../domain/metrics/types';

export interface GrowthData {
  months: string[];
  active: (number | null)[];
  newMembers: (number | null)[];
  newActive: (number | null)[];
  retained: (number | null)[];
  resurrected: (number | null)[];
  churned: (number | null)[];
  quickRatio: (number | null)[];
}

/** The growth page's data, selected from the report (the report query is shared by every page). */
export function selectGrowth(r: HearthReport): GrowthData {
  const s = r.series;
  return {
    months: r.months,
    active: s.active_members,
    newMembers: s.new_members,
    newActive: s.new_active,
    retained: s.retained,
    resurrected: s.resurrected,
    churned: s.churned,
    quickRatio: s.quick_ratio,
  };
}
