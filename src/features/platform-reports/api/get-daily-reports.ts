import { useDatasetQuery } from '../../filters/api/use-dataset-query';

/** The platforms' own daily series (dashboard and account exports) in the period, under the source filter. */
export function useDailyReports() {
  return useDatasetQuery<'dailyReports'>((options) => ({ kind: 'dailyReports', options }));
}
