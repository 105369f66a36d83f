import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HearthDb } from '../storage/db';
import { freshDbPerTest } from '../storage/test-db';
import { loadRecords } from '../storage/records-repo';
import { mixedEncodingIssue } from '../domain/import/import-file';
import { importFile, WriteQueue, type ImportProgress } from './import-runner';
import { chatExportCsv } from './test-chat-export';

let db: HearthDb;
freshDbPerTest('runner', (d) => (db = d));

describe('importFile result lines', () => {
  it('say "1 record" and "1 row skipped" in the singular', async () => {
    const csv = 'post_id,topic_id,post_number,username,created_at,topic_title,category,raw\n1,10,1,ada,2025-03-01T10:00:00Z,Hello,General,Hi all\n2,10,2,ada,not a date,Hello,General,Again\n';
    const r = await importFile(db, new File([csv], 'posts.csv'), { timeZone: 'UTC' }, () => undefined);
    // One post plus ada as a person: 2 records; the second row is skipped.
    expect(r.message).toBe('Imported 2 records from posts.csv (1 row skipped, see “Problems found”)');
    // A user list of one member: one person record.
    const one = 'id,name,username,email,title,created_at,last_seen_at,last_posted_at,last_emailed_at,trust_level,approved,active,admin,moderator\n5,Ben,ben,ben@example.org,,2025-03-02T10:00:00Z,,,,1,true,true,false,false\n';
    const r1 = await importFile(db, new File([one], 'user-list.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r1.message).toBe('Imported 1 record from user-list.csv');
  });
});

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

    // The result line: en-US thousands separators (the number of records stored, persons included).
    expect(r.message).toBe(`Imported 62,097 records from ${file.name}`);

    const again = await importFile(db, chatExportCsv(62_000), { timeZone: 'UTC' }, () => undefined);
    expect(again.status).toBe('already-imported');
    expect((await loadRecords(db)).records.activities).toHaveLength(62_000);
  }, 60_000);

  it('an event date entered for a file imported before is said not to apply (its attendances are the stored ones)', async () => {
    const csv = [
      'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
      'Tara,Attended,user 1,,No,Yes,0,2025-03-02 18:00:00,2025-02-03 17:45:00,,',
    ].join('\n');
    const file = () => new File([csv], 'March Weave Night.csv');
    expect((await importFile(db, file(), { timeZone: 'UTC' }, () => undefined)).status).toBe('imported');
    const again = await importFile(
      db,
      file(),
      { timeZone: 'UTC', eventDate: Date.UTC(2025, 2, 7) },
      () => undefined,
    );
    expect(again.message).toBe(
      'Nothing new in March Weave Night.csv: its row was already imported. The event date entered was not applied: to change it, undo the earlier import in the import history and import the file again.',
    );
  });

  it('a file whose rows give no record says there is nothing to count, not "already imported"', async () => {
    const csv = [
      'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
      'Bo Lind,No show,user 102,,No,Yes,1,2025-03-02 18:00:00,2025-02-03 17:45:00,,',
    ].join('\n');
    const r = await importFile(db, new File([csv], 'March Weave Night.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.message).toBe(
      'Nothing to count in March Weave Night.csv: its rows hold no activity, attendance, member or subscriber (e.g. an attendee list where nobody attended or checked in).',
    );
  });

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

describe('importFile streaming a large CSV whose Windows-1252 bytes come after the sniffed head (QA C1)', () => {
  it('reads them as the command does (Windows-1252, not U+FFFD) and says so the same way', async () => {
    const lines = ['post_id,topic_id,post_number,username,created_at,topic_title,category,raw'];
    const filler = 'words '.repeat(150);
    for (let i = 1; i <= 9_000; i++)
      lines.push(`${i},${i},1,user${i % 50},2025-03-01T10:00:00Z,Title ${i},General,${filler}${i}`);
    const head = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
    const tail = Uint8Array.from(
      '9001,9001,1,zo\xeb,2025-03-02T10:00:00Z,Caf\xe9,General,M\xfcller says hi\r\n',
      (c) => c.charCodeAt(0),
    );
    const bytes = new Uint8Array([...head, ...tail]);
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const r = await importFile(db, new File([bytes], 'posts.csv'), { timeZone: 'UTC' }, () => undefined);
    expect(r.status).toBe('imported');
    expect(r.outcomes).toHaveLength(1);
    expect(r.outcomes[0]!.issues).toEqual([mixedEncodingIssue('posts.csv')]);
    const { records } = await loadRecords(db);
    const zoe = records.activities.find((a) => a.personKey === 'discourse:zoë');
    expect(zoe?.text).toBe('Müller says hi');
    expect(records.activities).toHaveLength(9_001);

    const { importBytes } = await import('../domain/import/import-file');
    const { REGISTRY } = await import('../domain/sources/registry');
    const command = importBytes('posts.csv', bytes, { timeZone: 'UTC' }, REGISTRY, () => undefined);
    expect(command).toEqual(r.outcomes);
  }, 60_000);
});

describe('importFile reading a DiscordChatExporter JSON from its bytes', () => {
  it('stores what the general reader stores, with progress while messages are parsed and while chunks are stored, and cancels mid-way', async () => {
    const messages = Array.from({ length: 23_456 }, (_, i) => ({
      id: String(9_000_000 + i),
      type: i % 7 === 3 ? 'Reply' : 'Default',
      timestamp: new Date(Date.UTC(2025, 0, 1) + i * 61_000).toISOString().replace('Z', '+00:00'),
      content: `message ${i}: ${i % 3 ? 'thanks, great help' : 'still broken'} 👍`,
      author: { id: String(100 + (i % 57)), name: `member_${i % 57}`, isBot: false },
      ...(i % 7 === 3 ? { reference: { messageId: String(9_000_000 + i - 3) } } : {}),
    }));
    const text = JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'general' }, messages, messageCount: messages.length }, null, 2);
    const name = 'G - general [2].json';
    const progress: ImportProgress[] = [];
    const r = await importFile(db, new File([text], name), { timeZone: 'UTC' }, (p) => progress.push(p));
    expect(r.status).toBe('imported');
    expect(r.added).toBe(23_456 + 57);
    const values = progress.map((p) => p.bytesDone);
    for (let i = 1; i < values.length; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]!);
    const size = new TextEncoder().encode(text).length;
    expect(values.at(-1)).toBe(size);
    // Parsing reports every 5,000 messages (first half of the bar), storing once per chunk of 10,000 (second half).
    expect(values.filter((v) => v > 0 && v < size / 2).length).toBeGreaterThanOrEqual(4);
    expect(values.filter((v) => v > size / 2 && v < size).length).toBeGreaterThanOrEqual(2);
    const stored = (await loadRecords(db)).records;
    // The same records as the general reader (importBytes), which the command's tests compare with the adapter.
    const { importBytes } = await import('../domain/import/import-file');
    const { REGISTRY } = await import('../domain/sources/registry');
    const { RecordAccumulator } = await import('../domain/import/accumulate');
    const acc = new RecordAccumulator();
    importBytes(name, new TextEncoder().encode(text), { timeZone: 'UTC' }, REGISTRY, (b) => acc.add(b));
    const expected = acc.result();
    expect(stored.activities.map(({ score: _s, ...a }) => a)).toEqual(expected.activities);
    expect(stored.persons.map((p) => p.key).sort()).toEqual(expected.persons.map((p) => p.key).sort());

    // Cancelled while its messages are parsed: nothing kept.
    await db.delete();
    await db.open();
    let calls = 0;
    const c = await importFile(db, new File([text], name), { timeZone: 'UTC' }, () => calls++, () => calls >= 2);
    expect(c.status).toBe('cancelled');
    expect(await db.activityChunks.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  }, 60_000);
});

/**
 * A File whose slices carry their bytes, and a stand-in for the browser's FileReaderSync (workers
 * only; Node has none) that reads them: what importFile reads synchronously, and how much at once.
 * The real FileReaderSync is exercised by the end-to-end import of a large JSON.
 */
class BytesFile extends File {
  constructor(
    readonly content: Uint8Array<ArrayBuffer>,
    name: string,
  ) {
    super([content], name);
  }
  /** Times the file was read whole (the fallback for a JSON that cannot be read slice by slice). */
  wholeReads = 0;
  override slice(start = 0, end = this.size): Blob {
    const blob = super.slice(start, end);
    return Object.assign(blob, { content: this.content.slice(start, end) });
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    this.wholeReads++;
    return super.arrayBuffer();
  }
}

describe('importFile reading a large DiscordChatExporter JSON slice by slice', () => {
  const reads: number[] = [];
  class FileReaderSyncStandIn {
    readAsArrayBuffer(blob: Blob & { content?: Uint8Array<ArrayBuffer> }): ArrayBuffer {
      if (!blob.content) throw new Error('not a slice of a BytesFile');
      reads.push(blob.content.length);
      return blob.content.buffer;
    }
  }
  beforeEach(() => {
    reads.length = 0;
    (globalThis as { FileReaderSync?: unknown }).FileReaderSync = FileReaderSyncStandIn;
  });
  afterEach(() => {
    delete (globalThis as { FileReaderSync?: unknown }).FileReaderSync;
  });

  function chatJson(n: number): string {
    const messages = Array.from({ length: n }, (_, i) => ({
      id: String(9_000_000 + i),
      type: i % 7 === 3 ? 'Reply' : 'Default',
      timestamp: new Date(Date.UTC(2025, 0, 1) + i * 61_000).toISOString().replace('Z', '+00:00'),
      content: `message ${i}: ${i % 3 ? 'thanks, great help' : 'still broken'} 👍`,
      author: { id: String(100 + (i % 57)), name: `member_${i % 57}`, isBot: false, avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png' },
      attachments: [],
      reactions: i % 5 === 0 ? [{ emoji: { id: '', name: '👍' }, count: 1, users: [{ id: String(100 + ((i + 1) % 57)), name: `member_${(i + 1) % 57}` }] }] : [],
      ...(i % 7 === 3 ? { reference: { messageId: String(9_000_000 + i - 3) } } : {}),
    }));
    return JSON.stringify({ guild: { id: '1', name: 'G' }, channel: { id: '2', name: 'general' }, messages, messageCount: n }, null, 2);
  }

  it('stores what the general reader stores, never reading more than a window at once, and adds nothing the second time', async () => {
    const text = chatJson(30_000);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(8 * 1024 * 1024);
    const name = 'G - general [2].json';
    const progress: number[] = [];
    const file = new BytesFile(bytes, name);
    const r = await importFile(db, file, { timeZone: 'UTC' }, (p) => progress.push(p.bytesDone));
    expect(r.status).toBe('imported');
    expect(file.wholeReads).toBe(0);
    // Read a window (4 MiB) at a time, about twice over (split, then messages), never whole.
    expect(Math.max(...reads)).toBeLessThanOrEqual(4 * 1024 * 1024);
    const total = reads.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2 * bytes.length);
    // (plus, per pass, a window loaded again near the end, where the rest of the document is read)
    expect(total).toBeLessThan(2 * bytes.length + 3 * 4 * 1024 * 1024);
    for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1]!);
    expect(progress.at(-1)).toBe(bytes.length);
    expect(progress.filter((v) => v > bytes.length / 2 && v < bytes.length).length).toBeGreaterThanOrEqual(3);

    const { importBytes } = await import('../domain/import/import-file');
    const { REGISTRY } = await import('../domain/sources/registry');
    const { RecordAccumulator } = await import('../domain/import/accumulate');
    const acc = new RecordAccumulator();
    importBytes(name, bytes, { timeZone: 'UTC' }, REGISTRY, (b) => acc.add(b));
    const expected = acc.result();
    const stored = (await loadRecords(db)).records;
    expect(expected.activities.length).toBeGreaterThan(30_000); // messages and reactions
    expect(r.added).toBe(expected.activities.length + expected.persons.length);
    expect(stored.activities.map(({ score: _s, ...a }) => a)).toEqual(expected.activities);
    expect(stored.persons.map((p) => p.key).sort()).toEqual(expected.persons.map((p) => p.key).sort());

    const again = await importFile(db, new BytesFile(bytes, name), { timeZone: 'UTC' }, () => undefined);
    expect(again.status).toBe('already-imported');
    expect((await loadRecords(db)).records.activities).toHaveLength(expected.activities.length);
  }, 120_000);

  it('is cancelled while the file is being split, keeping nothing and reading no further', async () => {
    const bytes = new TextEncoder().encode(chatJson(30_000));
    let calls = 0;
    const file = new BytesFile(bytes, 'G - general [2].json');
    const r = await importFile(db, file, { timeZone: 'UTC' }, () => calls++, () => calls >= 1);
    expect(r.status).toBe('cancelled');
    expect(file.wholeReads).toBe(0); // the cancel was not taken for a file to read another way
    // The 256 KB head, then the split's windows until the first report after the cancel: not the file.
    expect(reads.reduce((a, b) => a + b, 0)).toBeLessThan(bytes.length / 2);
    expect(await db.activityChunks.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  }, 60_000);

  it('refuses a JSON too large to read whole that cannot be read message by message, saying why and where, keeping nothing', async () => {
    const text = chatJson(30_000);
    const name = 'G - general [2].json';
    // Cut off mid-way (an export that did not finish); read whole only below the limit.
    const cut = new BytesFile(new TextEncoder().encode(text.slice(0, Math.floor(text.length * 0.8))), name);
    const r = await importFile(db, cut, { timeZone: 'UTC' }, () => undefined, () => false, { wholeJsonLimit: 1024 * 1024 });
    expect(r.status).toBe('failed');
    expect(r.message).toMatch(/^G - general \[2\]\.json was not imported: G - general \[2\]\.json: This DiscordChatExporter JSON could not be read message by message: its messages could not be told apart: the file may be cut off.*At \d+ MB it is too large to be read whole instead/);
    expect(cut.size).toBeGreaterThan(8 * 1024 * 1024);
    expect(cut.wholeReads).toBe(0);
    // A message that is not valid JSON: its row.
    const bad = new BytesFile(new TextEncoder().encode(text.replace('"message 20001: still broken 👍"', '"message 20001: still broken \\x"')), name);
    const b = await importFile(db, bad, { timeZone: 'UTC' }, () => undefined, () => false, { wholeJsonLimit: 1024 * 1024 });
    expect(b.status).toBe('failed');
    expect(b.outcomes[0]!.issues[0]).toMatchObject({ row: 20_002, severity: 'error', message: expect.stringMatching(/message 20002 \(from byte [\d,]+\) is not valid JSON/) });
    expect(bad.wholeReads).toBe(0);
    expect(await db.activityChunks.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  }, 60_000);

  it('reads a large JSON that cannot be split the general way, with its usual result', async () => {
    const text = chatJson(30_000);
    // A Windows-1252 byte in the last message: not UTF-8, found only when that message is decoded.
    const good = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, text.lastIndexOf('thanks, great help') + 3)).length; // a byte offset
    const bytes = new Uint8Array([...good.subarray(0, at), 0xe9, ...good.subarray(at + 1)]);
    const file = new BytesFile(bytes, 'G - general [2].json');
    const r = await importFile(db, file, { timeZone: 'UTC' }, () => undefined);
    expect(reads.length).toBeGreaterThan(2); // the windowed reader tried first
    expect(file.wholeReads).toBe(1); // then the general way
    expect(r.status).toBe('imported');
    const stored = (await loadRecords(db)).records;
    // Read as the rest of such a file is (QA C1): the byte as Windows-1252, with a warning.
    expect(stored.activities.some((a) => a.text?.includes('thaéks, great help'))).toBe(true);
    expect(stored.activities.some((a) => a.text?.includes('\ufffd'))).toBe(false);
    expect(r.outcomes[0]!.issues[0]).toEqual(mixedEncodingIssue('G - general [2].json'));
  }, 120_000);
});

describe('WriteQueue', () => {
  it('runs writes one at a time in order, asks the caller to wait beyond `ahead`, and reports the first failure', async () => {
    const q = new WriteQueue(2);
    const log: string[] = [];
    let running = 0;
    const write = (name: string, fail = false) => async () => {
      running++;
      expect(running).toBe(1);
      await new Promise((r) => setTimeout(r, 1));
      log.push(name);
      running--;
      if (fail) throw new Error(`${name} failed`);
    };
    expect(q.push(write('a'))).toBeUndefined();
    expect(q.push(write('b'))).toBeUndefined();
    const wait = q.push(write('c')); // three queued: wait for the oldest
    expect(wait).toBeInstanceOf(Promise);
    await wait;
    expect(log).toEqual(['a']);
    await q.all();
    expect(log).toEqual(['a', 'b', 'c']);

    const f = new WriteQueue(1);
    f.push(write('d', true));
    const afterFailure = f.push(write('e'));
    await expect(afterFailure).rejects.toThrow('d failed');
    await expect(f.all()).rejects.toThrow('d failed');
    expect(log).toEqual(['a', 'b', 'c', 'd']); // e never ran
  });
});
