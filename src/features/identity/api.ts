import { useMutation, useQuery } from '@tanstack/react-query';
import { useDataVersion } from '../../app/data-version';
import { getDb } from '../../storage';
import { addMerge, listMerges, removeMerge } from '../../storage/merges-repo';
import { computeClient } from '../../workers/compute-client';
import type { PersonRow } from '../../workers/compute-queries';

export type { PersonRow };

/** Every resolved person (after automatic email merges and the stored manual merges). */
export function usePeople() {
  const { version } = useDataVersion();
  return useQuery({
    queryKey: ['people', version],
    queryFn: () => computeClient.query(version, { kind: 'people' }),
  });
}

export function useMerges() {
  const { version } = useDataVersion();
  return useQuery({ queryKey: ['merges', version], queryFn: () => listMerges(getDb()) });
}

export function useMerge() {
  const { bump } = useDataVersion();
  return useMutation({ mutationFn: ({ a, b }: { a: string; b: string }) => addMerge(getDb(), a, b), onSuccess: () => bump() });
}

export function useUnmerge() {
  const { bump } = useDataVersion();
  return useMutation({ mutationFn: (id: string) => removeMerge(getDb(), id), onSuccess: () => bump() });
}
