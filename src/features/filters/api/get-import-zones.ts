import { useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { getDb, listImports } from '../../../storage';
import { importsReadElsewhere, importZoneNote } from '../import-zones';

/**
 * The filter bar's note on imports read in another time zone than the report's (import-zones.ts).
 * Shares the import history's query (same key): one read of the history for both.
 */
export function useImportZoneNote(timeZone: string): string | null {
  const { version } = useDataVersion();
  const imports = useQuery({
    queryKey: ['imports', version],
    queryFn: () => listImports(getDb()),
    placeholderData: (prev) => prev,
  });
  return imports.data ? importZoneNote(importsReadElsewhere(imports.data, timeZone), timeZone) : null;
}
