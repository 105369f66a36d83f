import { useState } from 'react';
import { EXPORT_GUIDE, type GuideQuery } from './export-guide-data';

function QueryBlock({ query }: { query: GuideQuery }) {
  const [status, setStatus] = useState('');
  const copy = () => {
    // The clipboard is local: nothing leaves the machine.
    navigator.clipboard.writeText(query.sql).then(
      () => setStatus(`${query.label} query copied.`),
      () => setStatus('Copying is not allowed here: select the query and copy it yourself.'),
    );
  };
  return (
    <div className="guide-query">
      <p className="guide-query-head">
        <span>{query.label} query</span>{' '}
        <button type="button" onClick={copy} aria-label={`Copy the ${query.label.toLowerCase()} query`}>
          Copy
        </button>{' '}
        <span role="status" className="hint">
          {status}
        </span>
      </p>
      <pre tabIndex={0} aria-label={`${query.label} query (SQL)`}>
        <code>{query.sql}</code>
      </pre>
    </div>
  );
}

/** "Which exports, and how to get them": where each tool hides the file Hearth reads. */
export function ExportGuide() {
  return (
    <details className="export-guide card">
      <summary>Which exports Hearth reads, and how to get them</summary>
      <p className="hint">
        Import as many as you have, in any order; a zip can be dropped as it is. Importing a file again adds
        nothing.
      </p>
      {EXPORT_GUIDE.map((p) => (
        <section key={p.platform} aria-label={p.platform}>
          <h2>{p.platform}</h2>
          <dl>
            {p.entries.map((e) => (
              <div key={e.name}>
                <dt>{e.name}</dt>
                <dd>
                  {e.how} <span className="hint">Gives: {e.gives}</span>
                  {e.queries?.map((q) => (
                    <QueryBlock key={q.label} query={q} />
                  ))}
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  );
}
