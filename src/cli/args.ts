/** Minimal argument parsing for the `hearth` command: `--flag value`, `--flag=value`, positionals. */
export interface ParsedArgs {
  command: string | undefined;
  flags: Map<string, string>;
  positionals: string[];
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valueFlags: readonly string[], booleanFlags: readonly string[] = []): ParsedArgs {
  const [command, ...rest] = argv;
  const flags = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (booleanFlags.includes(name)) {
      flags.set(name, 'true');
      continue;
    }
    if (!valueFlags.includes(name)) throw new UsageError(`unknown option --${name}`);
    const value = eq > 0 ? a.slice(eq + 1) : rest[++i];
    if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
    flags.set(name, value);
  }
  return { command, flags, positionals };
}

export function checkMonth(flag: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) throw new UsageError(`--${flag} must be a month like 2025-01, not "${v}"`);
  return v;
}

export function checkZone(v: string | undefined): string {
  const zone = v ?? 'UTC';
  // UTC needs no check, and skipping it keeps Intl (~40 ms to start) out of a UTC report entirely.
  if (zone === 'UTC') return zone;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    throw new UsageError(`--tz "${zone}" is not a time zone (use an IANA name like Europe/Berlin)`);
  }
  return zone;
}
