import { useState } from 'react';
import { formatDateTime } from '../../components/format';
import { formatsLabel } from './format-labels';
import { useImports, useUndoImport } from './api/imports';
import { undoMessage } from './undo-message';

/**
 * Every import with its file, format and counts, and an Undo that removes what it added (what another
 * listed import also holds stays, as that import's) —
 * then says what it removed. `onUndone` lets the page clear results that no longer hold.
 */
export function ImportHistory({ onUndone }: { onUndone?: () => void } = {}) {
  const imports = useImports();
  const undo = useUndoImport();
  const [undone, setUndone] = useState<string | null>(null);
  const status = (
    <p role="status" className="undo-status">
      {undo.isError ? `The import could not be undone: ${undo.error.message}` : (undone ?? '')}
    </p>
  );
  if (imports.isPending) return <p role="status">Loading import history…</p>;
  if (!imports.data || imports.data.length === 0)
    return (
      <>
        {status}
        <p className="empty">No imports yet.</p>
      </>
    );
  return (
    // Scrolls sideways on its own on a narrow screen (long file names), not the whole page.
    <div className="table-scroll">
      {status}
      <table className="history" aria-busy={imports.isFetching}>
        <caption>Import history</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
            <th scope="col">Times read in</th>
            <th scope="col">Imported</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Skipped
            </th>
            <th scope="col" className="num">
              New records
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...imports.data].reverse().map((imp) => (
            <tr key={imp.id}>
              <td>{imp.fileName}</td>
              <td>{formatsLabel(imp.format)}</td>
              {/* The import time zone: times without a zone in the file were read in it. */}
              <td>{imp.timeZone ?? '—'}</td>
              <td>
                <time dateTime={new Date(imp.finishedAt ?? imp.startedAt).toISOString()}>
                  {formatDateTime(imp.finishedAt ?? imp.startedAt)}
                </time>
              </td>
              <td className="num">{imp.rows.toLocaleString()}</td>
              <td className="num">{imp.skipped.toLocaleString()}</td>
              <td className="num">{imp.added.toLocaleString()}</td>
              <td>
                <button
                  type="button"
                  disabled={undo.isPending}
                  onClick={() => {
                    if (
                      !window.confirm(
                        `Remove what was imported from ${imp.fileName}? Records another listed import also holds stay.`,
                      )
                    )
                      return;
                    setUndone(null);
                    undo.mutate(imp.id, {
                      onSuccess: (summary) => {
                        setUndone(undoMessage(imp.fileName, summary));
                        onUndone?.();
                      },
                    });
                  }}
                  aria-label={`Undo import of ${imp.fileName}`}
                >
                  Undo
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
