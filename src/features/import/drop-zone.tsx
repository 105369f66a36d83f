import { useId, useState, type DragEvent } from 'react';

/** A drop zone that is also a real, keyboard-reachable `<input type="file" multiple>`. */
export function DropZone({ disabled, onFiles }: { disabled: boolean; onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const id = useId();
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!disabled) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`drop-zone${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <p>Drop your export files here (CSV, TSV, JSON, ZIP or GZ), or</p>
      <label htmlFor={id} className="button">
        Choose files…
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        multiple
        disabled={disabled}
        accept=".csv,.tsv,.txt,.json,.zip,.gz,.xls,.xlsx"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          onFiles(files);
        }}
      />
      <p className="hint">Files are read in this browser and stored only here. Nothing is uploaded.</p>
    </div>
  );
}
