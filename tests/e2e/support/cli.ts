import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const root = resolve(import.meta.dirname, '../../..');

/** Runs the real `hearth` command (as `npm run hearth -- …` does) and returns stdout/stderr. */
export async function runHearth(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [resolve(root, 'src/cli/hearth.mjs'), ...args], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, stderr };
}

export const SAMPLE_DIR = resolve(root, 'sample-data');

/** Every sample export (what "Load sample data" imports), as paths, in name order. */
export const SAMPLE_FILES = readdirSync(SAMPLE_DIR)
  .filter((f) => !f.startsWith('.') && f.toLowerCase() !== 'readme.md')
  .sort()
  .map((f) => resolve(SAMPLE_DIR, f));
export const ROOT = root;
