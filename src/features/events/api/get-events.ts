import { useDatasetQuery } from '../../filters/api/use-dataset-query';

/** Events with attendances in the period, with their attendee counts. */
export function useEventsTable() {
  return useDatasetQuery<'events'>((options) => ({ kind: 'events', options }));
}
