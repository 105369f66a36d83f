import { useDatasetQuery } from '../../filters/api/use-dataset-query';

/** Social posts published in the period (under the source filter). */
export function useSocialPosts() {
  return useDatasetQuery<'socialPosts'>((options) => ({ kind: 'socialPosts', options }));
}
