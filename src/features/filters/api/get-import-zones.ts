import { useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { importsQueryOptions } from '../../import/api/imports';
import { importsReadElsewhere, importZoneNote } from '../import-zones';

/**
 * The filter bar's note on imports read in another time zone than the report's (import-zones.ts).
 * The import history's own query (importsQueryOptions): one read of the history for both.
 */
export function useImportZoneNote(timeZone: string): string | null {
  const { version } = useDataVersion();
  const imports = useQuery(importsQueryOptions(version));
  return imports.data ? importZoneNote(importsReadElsewhere(imports.data, timeZone), timeZone) : null;
}
