import { useEffect, useRef, useState } from 'react';
import { importLockHeld, onImportAnnounced } from '../storage/import-lock';
import { useDataVersion } from './data-version';
import { createImportWatch, type ImportWatch } from './import-watch';

/**
 * While an import runs — in this tab or another Hearth tab — every page says that its figures are
 * partial and will change (an import of several files stores them one after another). When to look
 * at the import lock: import-watch.ts.
 */
export function ImportingNotice({ route }: { route: string }) {
  const [importing, setImporting] = useState(false);
  const watch = useRef<ImportWatch | null>(null);
  const { version } = useDataVersion();
  useEffect(() => {
    const w = createImportWatch({ held: importLockHeld, onChange: setImporting });
    watch.current = w;
    const stop = onImportAnnounced(() => w.check(true));
    return () => {
      stop();
      w.stop();
      watch.current = null;
    };
  }, []);
  // Opened, or the data changed (an import ended, here or in another tab): look again.
  useEffect(() => {
    watch.current?.check();
  }, [version]);
  if (!importing) return null;
  return (
    // Above the slides on Present (they cover the page): the audience sees the figures are partial.
    <div className={`notice importing${route === 'present' ? ' over-slides' : ''}`} role="status">
      <p>
        Importing… the figures will change until it finishes.
        {route !== 'import' && (
          <>
            {' '}
            <a href="#/import">See the import’s progress</a>
          </>
        )}
      </p>
    </div>
  );
}
