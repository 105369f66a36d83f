/** Zones offered in the report time zone select: the user's own, UTC and a few common ones. */
export const COMMON_ZONES = [
  'UTC',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Paris',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

export function userZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** Options for the select: the user's zone first, the stored one kept even when uncommon. */
export function zoneOptions(current: string, user = userZone()): string[] {
  const out: string[] = [];
  for (const z of [user, current, ...COMMON_ZONES]) if (z && !out.includes(z)) out.push(z);
  return out;
}
