import { queryOptions, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../../app/data-version';
import { getDb, listImports } from '../../../storage';
import { isEmpty } from '../../../storage/backup';
import { storageStatus, type StorageStatus } from '../../../storage/persistence';

export interface DataSummary extends StorageStatus {
  imports: number;
  /** Anything to back up: imports, or notes, merges, corrections or mappings (settings aside). */
  hasData: boolean;
}

export function storageStatusQuery(version: number) {
  return queryOptions({
    queryKey: ['settings', 'storage', version],
    queryFn: async (): Promise<DataSummary> => ({
      ...(await storageStatus(getDb())),
      imports: (await listImports(getDb())).length,
      hasData: !(await isEmpty(getDb())),
    }),
  });
}

export function useStorageStatus() {
  const { version } = useDataVersion();
  return useQuery(storageStatusQuery(version));
}
