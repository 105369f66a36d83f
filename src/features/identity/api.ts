import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../app/data-version';
import { getDb } from '../../storage';
import { addMerge, listMerges, removeMerge } from '../../storage/merges-repo';
import { computeClient } from '../../workers/compute-client';

export interface PersonRow {
  id: number;
  name: string;
  keys: string[];
  sources: string[];
  emails: string[];
}

/** Every resolved person (after automatic email merges and the stored manual merges). */
export function usePeople() {
  const { version } = useDataVersion();
  return useQuery({
    queryKey: ['people', version],
    queryFn: () =>
      computeClient.mainThreadEngine.query(version, (ds): PersonRow[] =>
        ds.persons.map((p) => ({
          id: p.id,
          name: p.name,
          keys: p.keys,
          sources: [...new Set(p.records.map((r) => r.source))].sort(),
          emails: [...new Set(p.records.map((r) => r.email).filter((e): e is string => !!e))].sort(),
        })),
      ),
  });
}

export function useMerges() {
  const { version } = useDataVersion();
  return useQuery({ queryKey: ['merges', version], queryFn: () => listMerges(getDb()) });
}

export function useMerge() {
  const { bump } = useDataVersion();
  return useMutation({ mutationFn: ({ a, b }: { a: string; b: string }) => addMerge(getDb(), a, b), onSuccess: bump });
}

export function useUnmerge() {
  const { bump } = useDataVersion();
  return useMutation({ mutationFn: (id: string) => removeMerge(getDb(), id), onSuccess: bump });
}
