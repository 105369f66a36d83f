import { useEffect, useState } from 'react';
import { onUpgradedElsewhere } from '../storage';

/**
 * Tells the user to reload when a newer Hearth, open in another tab, upgraded the database: this
 * tab's connection is closed and its code cannot read the new layout (storage/index.ts).
 */
export function UpgradeNotice() {
  const [upgraded, setUpgraded] = useState(false);
  useEffect(() => onUpgradedElsewhere(() => setUpgraded(true)), []);
  if (!upgraded) return null;
  return (
    <div className="notice warning" role="alert">
      <p>
        A newer version of Hearth, open in another tab, has updated how your data is stored. This tab still runs the older
        version and has stopped reading the data: reload it to go on. Nothing was lost.
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Reload
      </button>
    </div>
  );
}
