import { useEffect, useState } from 'react';
import { onUpgradedElsewhere } from '../storage';
import { onNewVersion } from './register-sw';

/**
 * Tells the user to reload when this tab runs an older Hearth: a newer one, open in another tab,
 * upgraded the database (this tab's connection is closed and its code cannot read the new layout:
 * storage/index.ts), or a newer build was installed since the tab opened (it keeps working).
 */
export function UpgradeNotice() {
  const [upgraded, setUpgraded] = useState(false);
  const [installed, setInstalled] = useState(false);
  useEffect(() => onUpgradedElsewhere(() => setUpgraded(true)), []);
  useEffect(() => onNewVersion(() => setInstalled(true)), []);
  if (upgraded) {
    return (
      <div className="notice warning" role="alert">
        <p>
          A newer version of Hearth, open in another tab, has updated how your data is stored. This tab still runs the older
          version and has stopped reading the data: reload it to go on. Nothing was lost.
        </p>
        <ReloadButton />
      </div>
    );
  }
  if (installed) {
    return (
      <div className="notice" role="status">
        <p>A new version of Hearth has been installed. This tab keeps working; reload it to use the new version.</p>
        <ReloadButton />
      </div>
    );
  }
  return null;
}

function ReloadButton() {
  return (
    <button type="button" onClick={() => window.location.reload()}>
      Reload
    </button>
  );
}
