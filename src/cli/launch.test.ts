import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The command as `npm run hearth` starts it, with or without the cached bundle. */
function hearth(args: string[], bundle: boolean): string {
  return execFileSync(process.execPath, ['src/cli/hearth.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, HEARTH_CLI_BUNDLE: bundle ? '1' : '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('hearth launcher', () => {
  it('prints the same report from the cached bundle as from the sources', () => {
    const args = ['report', 'tests/fixtures/formats/discord', 'tests/fixtures/formats/discourse-posts'];
    const fromSources = hearth(args, false);
    expect(fromSources).toContain('"schema": "hearth.report/1"');
    expect(hearth(args, true)).toBe(fromSources);
    expect(hearth(args, true)).toBe(fromSources); // built on the first run, read from the cache on the second
  }, 60_000);
});
