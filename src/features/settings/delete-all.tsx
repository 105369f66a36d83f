import { useId, useState } from 'react';

const CONFIRM_WORD = 'DELETE';

/** "Delete all data" with a type-to-confirm step and a plain explanation of what it does. */
export function DeleteAll({ onDelete, disabled }: { onDelete: () => Promise<void>; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  if (!open) {
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)} disabled={disabled}>
        Delete all data…
      </button>
    );
  }
  return (
    <div className="confirm-delete" role="group" aria-labelledby={`${inputId}-title`}>
      <p id={`${inputId}-title`}>
        <strong>This deletes every import, record, merge, correction, note and setting Hearth holds in this browser.</strong> It
        cannot be undone. Download a backup first if you may want the data again.
      </p>
      <label htmlFor={inputId}>Type {CONFIRM_WORD} to confirm</label>{' '}
      <input id={inputId} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />{' '}
      <button
        type="button"
        className="danger"
        disabled={typed.trim() !== CONFIRM_WORD || busy}
        onClick={() => {
          setBusy(true);
          void onDelete().finally(() => {
            setBusy(false);
            setOpen(false);
            setTyped('');
          });
        }}
      >
        Delete everything
      </button>{' '}
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          setTyped('');
        }}
      >
        Keep my data
      </button>
    </div>
  );
}
