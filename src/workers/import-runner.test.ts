import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HearthDb } from '../storage/db';
import { freshDbPerTest } from '../storage/test-db';
import { loadRecords } from '../storage/records-repo';
import { importFile, type ImportProgress } from './import-runner';
import { chatExportCsv } from './test-chat-export';

let db: HearthDb;
freshDbPerTest('runner', (d) => (db = d));

describe('importFile streaming a large CSV', () => {
  it('stores every row once, reports progress that only grows to the file size, and adds nothing the second time', async () => {
    const file = chatExportCsv(62_000);
    expect(file.size).toBeGreaterThan(8 * 1024 * 1024);
    const progress: ImportProgress[] = [];
    const r = await importFile(db, file, { timeZone: 'UTC' }, (p) => progress.push(p));
    expect(r.status).toBe('imported');
    expect(r.added).toBe(62_000 + 97); // messages + members
    const values = progress.map((p) => p.bytesDone);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    expect(values.at(-1)).toBe(file.size);
    // Reading and storing both move the bar: more than one step per 1 MiB read, none past the file.
    expect(values.filter((v) => v < file.size).length).toBeGreaterThan(Math.ceil(file.size / (1024 * 1024)));
    const { records } = await loadRecords(db);
    expect(records.activities).toHaveLength(62_000);
    expect(new Set(records.activities.map((a) => a.key)).size).toBe(62_000);
    expect(records.activities.every((a) => a.score !== undefined)).toBe(true);

    const again = await importFile(db, chatExportCsv(62_000), { timeZone: 'UTC' }, () => undefined);
    expect(again.status).toBe('already-imported');
    expect((await loadRecords(db)).records.activities).toHaveLength(62_000);
  }, 60_000);

  it('repairs an older Mailchimp audience file that quotes every field with a space (streamed, over 8 MB)', async () => {
    const cols = ['Email Address', 'First Name', 'Last Name', 'Company', 'MEMBER_RATING', 'OPTIN_TIME', 'OPTIN_IP', 'CONFIRM_TIME', 'CONFIRM_IP', 'LAST_CHANGED', 'LEID', 'EUID', 'NOTES', 'TAGS'];
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = [cols.map(q).join(', ')];
    const n = 40_000;
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const notes = `Met at the ${i % 2 ? 'spring' : 'autumn'} meetup, asked about "weaving" kits; prefers the monthly digest over weekly mail`;
      const values = [`m${i}@example.org`, ` Jane ${i} `, 'Doe, Jr.', 'Loomcraft Ltd', '2', `2025-03-${day} 10:00:00`, '203.0.113.7', `2025-03-${day} 10:05:00`, '203.0.113.7', `2025-04-${day} 09:00:00`, String(100000 + i), `e${i}`, notes, '"Tag A","Tag B"'];
      lines.push(values.map(q).join(' , '));
    }
    const file = new File([lines.join('\r\n')], 'subscribed_members_export_old.csv');
    expect(file.size).toBeGreaterThan(8 * 1024 * 1024);
    const r = await importFile(db, file, { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('imported');
    expect(r.batch?.skipped).toBe(0);
    expect(r.added).toBe(n);
    const { records } = await loadRecords(db);
    expect(records.subscriptions).toHaveLength(n);
    const last = records.subscriptions.find((s) => s.email === `m${n - 1}@example.org`);
    expect(last?.at).toBe(Date.UTC(2025, 2, 1 + ((n - 1) % 28), 10, 5));
  }, 60_000);
});
