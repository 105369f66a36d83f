import { useState } from 'react';
import { fmtCountOf } from '../../domain/highlights/format';
import { useDataVersion } from '../../app/data-version';
import { useFilters } from '../../app/filters';
import type { DataChange } from '../../app/data-version';
import { deleteAllData, getDb, ImportRunningError } from '../../storage';
import { deletedMessage, MAY_KEEP_BYTES } from './delete-message';
import { BackupError, backupFileName, createBackup, restoreBackupFile } from '../../storage/backup';
import { requestPersistence } from '../../storage/persistence';
import { useStorageStatus } from './api/storage-status';
import { DeleteAll } from './delete-all';
import { downloadBlob } from '../../components/download';
import { formatBytes } from './format-bytes';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** "Your data": where it lives, how much room it takes, backup, restore and delete. */
export function SettingsPage() {
  const { bump } = useDataVersion();
  const { reload } = useFilters();
  const status = useStorageStatus();
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  /** Share of the backup written (0–1) while one is made: a large community's takes seconds. */
  const [backupDone, setBackupDone] = useState<number | null>(null);
  const s = status.data;
  // Notes, merges or corrections alone are worth a backup too.
  const hasData = s?.hasData ?? false;

  const run = async (work: () => Promise<string>, change: DataChange = 'changed') => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'ok', text: await work() });
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof BackupError ? e.message : e instanceof ImportRunningError ? `${e.message} Nothing was deleted.` : `Something went wrong: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      setBusy(false);
      bump(change);
    }
  };

  return (
    <section aria-labelledby="settings-title" className="settings-page">
      <h1 id="settings-title">Your data</h1>

      <div className="card">
        <h2>Where your data lives</h2>
        <p>
          Everything you import stays in this browser, on this computer, in its built-in database (IndexedDB). Hearth has no server:
          nothing is uploaded, and nobody else can see it. Another browser or computer does not see this data — move it with a backup.
          Clearing this site&apos;s data in the browser settings deletes it.
        </p>
        <dl className="storage-facts">
          <dt>Imports stored</dt>
          <dd data-testid="imports-count">{s ? s.imports.toLocaleString('en-US') : '…'}</dd>
          <dt>Storage used</dt>
          <dd>{s ? (s.usage === null ? 'Unknown (this browser does not say)' : formatBytes(s.usage)) : '…'}</dd>
          <dt>Storage available</dt>
          <dd>{s ? (s.quota === null || s.usage === null ? 'Unknown (this browser does not say)' : `${formatBytes(Math.max(0, s.quota - s.usage))} more`) : '…'}</dd>
          <dt>Kept permanently</dt>
          <dd data-testid="persistence">
            {s?.persisted === true
              ? 'Yes: the browser will not delete it to free space.'
              : s?.persisted === false
                ? 'Not yet: the browser may delete it if the disk runs low.'
                : 'Unknown (this browser does not say).'}
          </dd>
        </dl>
        {s?.persisted === false && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              void run(async () => ((await requestPersistence(getDb())) ? 'The browser will now keep Hearth’s data permanently.' : 'The browser declined to keep the data permanently; keep a backup.'))
            }
          >
            Ask the browser to keep it
          </button>
        )}
      </div>

      <div className="card">
        <h2>Back up and restore</h2>
        <p>
          A backup is one file holding everything: imports, records, merges, corrections, notes, column mappings and settings. Keep it
          somewhere safe; restore it here or in another browser to get the same numbers.
        </p>
        <p className="actions">
          <button
            type="button"
            disabled={busy || !hasData}
            onClick={() =>
              void run(async () => {
                const now = new Date();
                let shown = 0;
                setBackupDone(0);
                try {
                  const blob = await createBackup(getDb(), now, {
                    // A few updates a second: each is a render.
                    onProgress: (done, total) => {
                      const t = performance.now();
                      if (t - shown < 200 && done < total) return;
                      shown = t;
                      setBackupDone(total > 0 ? done / total : 1);
                    },
                  });
                  downloadBlob(backupFileName(now), blob);
                } finally {
                  setBackupDone(null);
                }
                return `Backup downloaded as ${backupFileName(now)}.`;
              })
            }
          >
            Download backup
          </button>
          {backupDone !== null && (
            <span className="backup-progress">
              <progress max={1} value={backupDone} aria-label="Backup written" />{' '}
              Writing the backup… {Math.round(backupDone * 100)}%
            </span>
          )}
        </p>
        <p>
          <label htmlFor="restore-file">Restore from backup</label>{' '}
          <input
            id="restore-file"
            type="file"
            accept=".json,application/json"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              void run(async () => {
                const { imports } = await restoreBackupFile(getDb(), file);
                // The backup's filters (time zone, period, sources): the same numbers as where it was made.
                await reload();
                return `Restored ${fmtCountOf(imports, 'import')} from ${file.name}.`;
              }, 'reset');
            }}
          />
        </p>
        <p className="hint">A backup is restored into an empty Hearth: delete all data first if this browser already holds some.</p>
      </div>

      <div className="card">
        <h2>Delete all data</h2>
        <p>
          Removes everything Hearth has stored in this browser. Your export files on disk are not touched.{' '}
          {s?.location === 'bucket'
            ? 'The browser removes the files that held the data at once.'
            : s?.location === 'site'
              ? MAY_KEEP_BYTES
              : null}
        </p>
        <DeleteAll
          disabled={busy}
          onDelete={() =>
            run(async () => {
              const outcome = await deleteAllData(getDb());
              await reload();
              return deletedMessage(outcome);
            }, 'reset')
          }
        />
      </div>

      <div role="status" aria-live="polite" className="settings-message">
        {message && <p className={message.kind === 'error' ? 'result failed' : 'result imported'}>{message.text}</p>}
      </div>
    </section>
  );
}
