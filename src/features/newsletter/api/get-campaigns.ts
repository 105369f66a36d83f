import { useDatasetQuery } from '../../filters/api/use-dataset-query';

/** Newsletter campaigns sent in the period (under the source filter). */
export function useCampaigns() {
  return useDatasetQuery<'campaigns'>((options) => ({ kind: 'campaigns', options }));
}
