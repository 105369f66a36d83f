import { useId, useState } from 'react';
import { monthLabel } from '../../domain/highlights';
import { useNote, useSaveNote } from './api/notes';

/**
 * The manager's note for a month: typed here, stored in this browser (IndexedDB), shown as plain
 * text in print and on the last slide, and written into the exports.
 */
export function NotesBox({ month }: { month: string }) {
  const note = useNote(month);
  const save = useSaveNote();
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const stored = note.data ?? '';
  const text = draft ?? stored;
  const dirty = draft !== null && draft !== stored;
  const commit = () => {
    if (draft === null || draft === stored) return;
    save.mutate({ month, text: draft }, { onSuccess: () => setDraft(null) });
  };
  // Printed only with a saved note: an empty box would print its heading over nothing.
  const printed = stored.trim() !== '';
  return (
    <section
      className={`card notes-box report-block${printed ? '' : ' no-print'}`}
      aria-labelledby={`${id}-title`}
    >
      <h2 id={`${id}-title`}>Notes for {monthLabel(month)}</h2>
      <label htmlFor={id} className="visually-hidden">
        Notes for {monthLabel(month)}
      </label>
      <textarea
        id={id}
        rows={4}
        value={text}
        disabled={note.isPending}
        placeholder="What happened this month? Launches, incidents, what you want leadership to know…"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
      />
      <p className="print-only note-print">{stored}</p>
      <p className="notes-actions">
        <button type="button" onClick={commit} disabled={!dirty || save.isPending}>
          Save note
        </button>{' '}
        <span role="status" className="notes-status">
          {save.isError ? 'The note could not be saved.' : dirty ? 'Not saved yet' : stored ? 'Saved in this browser' : ''}
        </span>
      </p>
    </section>
  );
}
