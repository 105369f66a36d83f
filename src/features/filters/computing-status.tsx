import { useSyncExternalStore } from 'react';
import { computeClient } from '../../workers/compute-client';

/**
 * The status line while a report is on its way. Usually a moment ("Computing…"); with millions of
 * stored activities the first load takes seconds, so it says what it is doing — reading the stored
 * activities (with a bar) or preparing the metrics — instead of a bare "Computing…".
 * `data-loading` marks it for tests.
 */
export function ComputingStatus() {
  const load = useSyncExternalStore(computeClient.subscribeLoad, computeClient.getLoad);
  if (load.phase === 'reading' && load.total > 0) {
    const percent = Math.floor((load.read / load.total) * 100);
    return (
      <div role="status" data-loading className="progress-row">
        <label htmlFor="load-progress">Reading your stored activities…</label>
        <progress id="load-progress" max={load.total} value={load.read} aria-valuetext={`${percent}%`} />
        <span className="progress-percent" aria-hidden="true">
          {percent}%
        </span>
      </div>
    );
  }
  if (load.phase === 'preparing') {
    return (
      <p role="status" data-loading>
        Preparing the metrics for {load.activities.toLocaleString('en-US')} activities…
      </p>
    );
  }
  return (
    <p role="status" data-loading>
      Computing…
    </p>
  );
}
