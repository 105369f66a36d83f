/// <reference lib="webworker" />
import { getDb } from '../storage';
import { ComputeEngine } from './compute-runner';
import type { ComputeRequest, ComputeResponse } from './compute-protocol';

// Thin shell: metrics are computed here so the page stays responsive.
const scope = self as unknown as { postMessage(r: ComputeResponse): void; onmessage: ((e: MessageEvent<ComputeRequest>) => void) | null };
const engine = new ComputeEngine(getDb());
scope.onmessage = (e) => {
  const { id, dataVersion, options } = e.data;
  engine.report(dataVersion, options).then(
    (report) => scope.postMessage({ id, ok: true, report }),
    (err: unknown) => scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) }),
  );
};
