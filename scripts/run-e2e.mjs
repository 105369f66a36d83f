#!/usr/bin/env node
// Runs the end-to-end suite in the system Chromium. Fails with one clear line when there is none.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`e2e: no Chromium at ${chromium} — install it with "sudo apt-get install -y chromium" (or set CHROMIUM_PATH to a Chromium binary).`);
  process.exit(1);
}
const args = ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)];
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(r.status ?? 1);
