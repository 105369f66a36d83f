import { useFilters } from '../app/filters';
import { formatDateTime } from './format';

/** A moment from the data, shown in the report time zone (the filters' zone, like the monthly charts). */
export function When({ at }: { at: number }) {
  const { filters } = useFilters();
  return <time dateTime={new Date(at).toISOString()}>{formatDateTime(at, filters.timeZone)}</time>;
}
