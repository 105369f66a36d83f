import type { ImportRun } from './use-import';

/** Progress bar while importing, then one status line per file and the details of any problems. */
export function ImportStatus({ run, onCancel }: { run: ImportRun; onCancel: () => void }) {
  return (
    <div className="import-status">
      {run.running && (
        <div className="progress-row">
          <label htmlFor="import-progress">
            {run.waiting
              ? `Waiting for an import in another Hearth tab to finish before importing ${run.currentFile ?? ''}…`
              : `Importing ${run.currentFile ?? ''}…`}
          </label>
          {/* Tenths of a percent: on a large file the bar moves with every progress event, not every 1 %. */}
          <progress id="import-progress" max={100} value={Math.round(run.fraction * 1000) / 10} aria-valuetext={`${Math.round(run.fraction * 100)}%`} />
          {/* The number for sighted users; screen readers hear the bar's own value text. */}
          <span className="progress-percent" aria-hidden="true">
            {Math.floor(run.fraction * 100)}%
          </span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      <div role="status" aria-live="polite">
        {run.results.map((r, i) => (
          <p key={i} className={`result ${r.status}`}>
            {r.message}
          </p>
        ))}
      </div>
      {run.error && (
        <p role="alert" className="result failed">
          {run.error}
        </p>
      )}
      {run.results.some((r) => r.outcomes.some((o) => o.issues.length > 0)) && (
        <details className="issues">
          <summary>Problems found ({run.results.reduce((n, r) => n + r.outcomes.reduce((m, o) => m + o.issues.length, 0), 0)})</summary>
          <table>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Row</th>
                <th scope="col">Column</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {run.results
                .flatMap((r) => r.outcomes.flatMap((o) => o.issues))
                .slice(0, 200)
                .map((issue, i) => (
                  <tr key={i} className={issue.severity}>
                    <td>{issue.file}</td>
                    <td>{issue.row ?? ''}</td>
                    <td>{issue.column ?? ''}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}
    </div>
  );
}
