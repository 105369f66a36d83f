import { formatDateTime } from '../../components/format';
import { useImports, useUndoImport } from './api/imports';

/** Every import with its file, format and counts, and an Undo that removes exactly what it added. */
export function ImportHistory() {
  const imports = useImports();
  const undo = useUndoImport();
  if (imports.isPending) return <p role="status">Loading import history…</p>;
  if (!imports.data || imports.data.length === 0) return <p className="empty">No imports yet.</p>;
  return (
    // Scrolls sideways on its own on a narrow screen (long file names), not the whole page.
    <div className="table-scroll">
      <table className="history" aria-busy={imports.isFetching}>
        <caption>Import history</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Format</th>
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
              <td>{imp.format}</td>
              <td>{formatDateTime(imp.finishedAt ?? imp.startedAt)}</td>
              <td className="num">{imp.rows.toLocaleString()}</td>
              <td className="num">{imp.skipped.toLocaleString()}</td>
              <td className="num">{imp.added.toLocaleString()}</td>
              <td>
                <button
                  type="button"
                  disabled={undo.isPending}
                  onClick={() => {
                    if (window.confirm(`Remove everything imported from ${imp.fileName}?`))
                      undo.mutate(imp.id);
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
