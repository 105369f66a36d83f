import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDb } from '../../../storage';
import { allNotes, getNote, saveNote } from '../../../storage/notes-repo';

export function noteQueryOptions(month: string) {
  return queryOptions({ queryKey: ['notes', month], queryFn: () => getNote(getDb(), month) });
}

/** The manager's note for a month (stored in this browser). */
export function useNote(month: string) {
  return useQuery(noteQueryOptions(month));
}

/** Every note (month → text), for exports. */
export function useAllNotes() {
  return useQuery({ queryKey: ['notes', '*'], queryFn: () => allNotes(getDb()) });
}

export function useSaveNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ month, text }: { month: string; text: string }) => saveNote(getDb(), month, text),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notes'] }),
  });
}
