import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { getDb, listImports, undoImport } from '../../../storage';

/** The import history's query (completed imports, oldest first), for this data version. */
export function importsQueryOptions(version: number) {
  return queryOptions({
    queryKey: ['imports', version],
    queryFn: () => listImports(getDb()),
    // The previous list stays on screen while a new version is read (no "No imports yet." flash).
    placeholderData: (prev) => prev,
  });
}

/** The import history (completed imports, oldest first). */
export function useImports() {
  const { version } = useDataVersion();
  return useQuery(importsQueryOptions(version));
}

/** Undo an import: removes the records it added, except those another listed import also holds. */
export function useUndoImport() {
  const { bump } = useDataVersion();
  return useMutation({
    mutationFn: (importId: string) => undoImport(getDb(), importId),
    onSuccess: () => bump(),
  });
}
