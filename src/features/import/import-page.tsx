import { DropZone } from './drop-zone';
import { ImportHistory } from './import-history';
import { ImportStatus } from './import-status';
import { loadSampleFiles } from './sample-data';
import { useImport } from './use-import';

export function ImportPage() {
  const { run, start, cancel } = useImport();
  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import exports</h1>
      <p>
        Drop the CSV, JSON or ZIP exports of your forum, newsletter, chat, social accounts and events. Hearth recognises
        each format from its columns. Importing a file twice adds nothing.
      </p>
      <DropZone disabled={run.running} onFiles={(f) => void start(f)} />
      <p>
        <button type="button" disabled={run.running} onClick={() => void loadSampleFiles().then(start)}>
          Load sample data
        </button>
      </p>
      <ImportStatus run={run} onCancel={cancel} />
      <ImportHistory />
    </section>
  );
}
