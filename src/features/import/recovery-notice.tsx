import { useEffect, useState } from 'react';
import { useDataVersion } from '../../app/data-version';
import { getDb, recoverPendingImports } from '../../storage';

let recovery: Promise<string[]> | null = null;

/** Rolls back imports interrupted by a closed tab (once per page load) and tells the user. */
export function RecoveryNotice() {
  const [files, setFiles] = useState<string[]>([]);
  const { bump } = useDataVersion();
  useEffect(() => {
    recovery ??= recoverPendingImports(getDb()).catch(() => []);
    let live = true;
    void recovery.then((f) => {
      if (live && f.length) {
        setFiles(f);
        bump();
      }
    });
    return () => {
      live = false;
    };
  }, [bump]);
  if (files.length === 0) return null;
  return (
    <div className="notice warning" role="alert">
      <p>
        The import of {files.join(', ')} was interrupted before it finished. It has been rolled back: your other data is
        exactly as it was. Import the file again to add it.
      </p>
      <button type="button" onClick={() => setFiles([])}>
        Dismiss
      </button>
    </div>
  );
}
