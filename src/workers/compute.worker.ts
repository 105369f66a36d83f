/// <reference lib="webworker" />
import { getDb } from '../storage';
import { ComputeEngine } from './compute-runner';
import type { ComputeRequest, ComputeResponse } from './compute-protocol';

// Thin shell: metrics are computed here so the page stays responsive.
const scope = self as unknown as { postMessage(r: ComputeResponse): void; onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null };
const engine = new ComputeEngine(getDb(), true, (load) => scope.postMessage({ load }));
const fail = (id: number) => (err: unknown) =>
  scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
scope.onmessage = (e) => {
  const req = e.data;
  if (req.type === 'query') {
    const { id, dataVersion, query } = req;
    engine.datasetQuery(dataVersion, query).then((result) => scope.postMessage({ id, ok: true, result }), fail(id));
    return;
  }
  const { id, dataVersion, options } = req;
  engine.report(dataVersion, options).then((report) => scope.postMessage({ id, ok: true, report }), fail(id));
};
