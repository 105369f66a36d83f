import { useDatasetQuery } from '../../filters/api/use-dataset-query';

export const UNANSWERED_LIMIT = 25;

/** The oldest threads started in the period with no first response anywhere in the data. */
export function useOldestUnanswered() {
  return useDatasetQuery<'unanswered'>((options) => ({ kind: 'unanswered', options, limit: UNANSWERED_LIMIT }));
}
