import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeReport } from '../domain/metrics';
import { readExports } from './inputs';
import { reportCommand } from './report-command';

/**
 * A mixed upload of several formats at once (issue 3), through the command's reader, with every
 * number worked out by hand from metrics.md:
 *
 * Discourse user list: ada (joined 2025-01-10, ada@x.org), ben (2025-02-05, ben@x.org), system (bot).
 * Discourse posts: topic 1 by ada 01-15 10:00, reply by ben 01-15 12:00 (first response: 2 h);
 *                  topic 2 by ben 02-10 09:00, reply by system 09:05 (a bot: no response).
 * Slack members: "Ada L" (ADA@x.org, account created Jan 1, 2025) → the same person as ada (email);
 *                Cy (cy@x.org, Feb 16, 2025): a roster member who never takes part.
 * Luma guests: ben checks in 2025-03-01 18:00; dan registers but never checks in (audience only).
 *
 * Members: ada, ben, cy (dan is audience; system is a bot) → 3.
 * first_seen: ada = Jan 1 (Slack roster < Discourse join), ben = Jan 15 (first activity < roster
 * join Feb 5), cy = Feb 16 → new_members Jan 2, Feb 1, Mar 0.
 * Activities: Jan ada post + ben reply; Feb ben post (system's reply dropped); Mar ben attend.
 */
const FILES: Record<string, string> = {
  'user-list-250401.csv': [
    'id,name,username,email,title,created_at,last_seen_at,last_posted_at,last_emailed_at,trust_level,approved,suspended_at,suspended_till,silenced_till,active,admin,moderator,ip_address,staged,secondary_emails,topics_entered,posts_read_count,time_read,topic_count,post_count,likes_given,likes_received,location,website,views',
    '-1,system,system,no_email,,2025-01-02 00:00:00 UTC,,,,4,true,,,,true,true,true,,false,,0,0,0,0,0,0,0,,,0',
    '1,Ada,ada,ada@x.org,,2025-01-10 08:00:00 UTC,,,,1,true,,,,true,false,false,,false,,0,0,0,0,0,0,0,,,0',
    '2,Ben,ben,ben@x.org,,2025-02-05 08:00:00 UTC,,,,1,true,,,,true,false,false,,false,,0,0,0,0,0,0,0,,,0',
  ].join('\n'),
  'posts.csv': [
    'post_id,topic_id,post_number,username,created_at,topic_title,category,raw',
    '1,1,1,ada,2025-01-15T10:00:00Z,Welcome,General,Hello everyone',
    '2,1,2,ben,2025-01-15T12:00:00Z,Welcome,General,Hi Ada',
    '3,2,1,ben,2025-02-10T09:00:00Z,Question,Help,How do I export?',
    '4,2,2,system,2025-02-10T09:05:00Z,Question,Help,This topic was automatically opened',
  ].join('\n'),
  'slack-members.csv': [
    'Name,What I Do,Account type,Account created (UTC),Claimed Date (UTC),Deactivated date (UTC),Days active,Messages posted,User ID,Username,Display name,Email',
    'Ada L,,Member,"Jan 1, 2025","Jan 1, 2025",,1,0,U1,adal,,ADA@x.org',
    'Cy,,Member,"Feb 16, 2025","Feb 16, 2025",,0,0,U3,cy,,cy@x.org',
  ].join('\n'),
  'Spring Meetup - Guests - 2025-03-01.csv': [
    'api_id,name,first_name,last_name,email,phone_number,created_at,approval_status,custom_source,checked_in_at',
    'g1,Ben,Ben,,ben@x.org,,2025-02-20T10:00:00.000Z,approved,,2025-03-01T18:00:00.000Z',
    'g2,Dan,Dan,,dan@x.org,,2025-02-21T10:00:00.000Z,approved,,',
  ].join('\n'),
};

describe('a mixed upload of several formats', () => {
  it('links persons by email across sources and gives the numbers metrics.md defines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-mixed-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const problems: string[] = [];
    const { records, sources } = await readExports(
      Object.keys(FILES)
        .sort()
        .map((f) => join(dir, f)),
      'UTC',
      (l) => problems.push(l),
    );
    expect(problems.filter((p) => p.startsWith('error'))).toEqual([]);
    expect(sources.map((s) => s.format).sort()).toEqual([
      'discourse-posts',
      'discourse-user-list',
      'luma-guests',
      'slack-members',
    ]);

    const r = computeReport(records, { timeZone: 'UTC', sourceSummaries: sources });
    expect(r.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(r.totals.members).toBe(3);
    expect(r.series.new_members).toEqual([2, 1, 0]);
    expect(r.series.active_members).toEqual([2, 1, 1]);
    expect(r.series.contributions).toEqual([2, 1, 1]);
    expect(r.series.threads).toEqual([1, 1, 0]);
    expect(r.series.median_ttfr_hours).toEqual([2, null, null]);
    expect(r.series.unanswered_share).toEqual([0, 1, null]);
    // Jan: ada and ben are new; Feb: ben retained, ada churned; Mar: ben retained.
    expect(r.series.new_active).toEqual([2, 0, 0]);
    expect(r.series.retained).toEqual([0, 1, 1]);
    expect(r.series.churned).toEqual([0, 1, 0]);
    expect(r.series.quick_ratio).toEqual([null, 0, null]);
    expect(r.series.events).toEqual([0, 0, 1]);
    expect(r.series.attendees).toEqual([0, 0, 1]);
    // Cohort Jan = {ada, ben}: both active in Jan, ben in Feb and Mar. Cohort Feb = {cy}: never active.
    expect(r.retention).toEqual([
      { cohort: '2025-01', size: 2, active: [2, 1, 1], rate: [1, 0.5, 0.5] },
      { cohort: '2025-02', size: 1, active: [0, 0], rate: [0, 0] },
    ]);
    // ben: reply + post + attend = 3; ada: 1 (her Slack and forum accounts are one person).
    expect(r.topContributors).toEqual([
      { name: 'Ben', activities: 3 },
      { name: 'Ada', activities: 1 },
    ]);
  });

  it('limits the report to some sources, as the Sources filter does (only the Luma check-in remains)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-mixed-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const out: string[] = [];
    const err: string[] = [];
    const code = await reportCommand(
      ['report', '--sources', 'luma', '--from', '2025-01', '--to', '2025-03', dir],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    expect(code).toBe(0);
    const r = JSON.parse(out.join(''));
    expect(r.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(r.series.contributions).toEqual([0, 0, 1]);
    expect(r.series.active_members).toEqual([0, 0, 1]);
    expect(r.series.attendees).toEqual([0, 0, 1]);
    expect(r.series.threads).toEqual([0, 0, 0]);
  });

  it('a file given twice (a copy under another name) changes nothing: the same report, one source, as in the browser', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-twice-'));
    writeFileSync(join(dir, 'posts.csv'), FILES['posts.csv']!);
    writeFileSync(join(dir, 'posts (1).csv'), FILES['posts.csv']!);
    const run = async (files: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      expect(
        await reportCommand(
          ['report', ...files.map((f) => join(dir, f))],
          (x) => out.push(x),
          (x) => err.push(x),
        ),
      ).toBe(0);
      return { json: out.join(''), err };
    };
    const once = await run(['posts.csv']);
    const twice = await run(['posts.csv', 'posts (1).csv']);
    expect(twice.json).toBe(once.json);
    expect(JSON.parse(twice.json).sources.map((x: { file: string }) => x.file)).toEqual(['posts.csv']);
    expect(twice.err.join('\n')).toContain('posts (1).csv: nothing new');
  });

  it('says when a named source has no data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-mixed-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const err: string[] = [];
    await reportCommand(
      ['report', '--sources', 'luma,mastodon', dir],
      () => undefined,
      (s) => err.push(s),
    );
    expect(err).toContain('hearth: --sources: no data from mastodon (present: discourse, luma, slack)');
  });

  it('counts a source whose only data is daily reports as present', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-daily-'));
    writeFileSync(
      join(dir, 'account_overview_analytics_2025-03-01_2025-03-31.csv'),
      'Date,Impressions,Likes,Engagements,New follows,Unfollows\n"Sat, Mar 1, 2025",238,3,13,2,1\n',
    );
    for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text);
    const err: string[] = [];
    await reportCommand(
      ['report', '--sources', 'x', dir],
      () => undefined,
      (s) => err.push(s),
    );
    expect(err.filter((l) => l.includes('no data from'))).toEqual([]);
  });
});

describe('--dates: the order of ambiguous dates, as the browser asks it', () => {
  // 01/03/2025 is 3 January read month first, 1 March read day first; no value in the column settles it.
  const CSV =
    '"AuthorID","Author","Date","Content","Attachments","Reactions"\n"1","ana","01/03/2025 10:00","hello","",""\n';
  async function run(extra: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-dates-'));
    writeFileSync(join(dir, 'Guild - general [1].csv'), CSV);
    const out: string[] = [];
    const err: string[] = [];
    const code = await reportCommand(
      ['report', ...extra, '--from', '2025-01', '--to', '2025-03', dir],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, r: JSON.parse(out.join('')) as { series: { contributions: number[] } }, err };
  }
  it('month first by default (with a warning), day first on request', async () => {
    const byDefault = await run([]);
    expect(byDefault.r.series.contributions).toEqual([1, 0, 0]);
    expect(byDefault.err.join('\n')).toMatch(/month/i);
    const dayFirst = await run(['--dates', 'day-first']);
    expect(dayFirst.r.series.contributions).toEqual([0, 0, 1]);
    const monthFirst = await run(['--dates', 'month-first']);
    expect(monthFirst.r.series.contributions).toEqual([1, 0, 0]);
  });
  it('rejects another value', async () => {
    await expect(run(['--dates', 'ymd'])).rejects.toThrow(
      '--dates must be day-first or month-first, not "ymd"',
    );
  });
});

describe('--event-date: the date of an attendee list that carries none, as the browser asks it', () => {
  // A Meetup attendee list: RSVPs on 2025-02-20 and 02-27, one attendee; the event was on 2025-03-06.
  const CSV = [
    'Name,Attendance,User ID,Title,Event Host,RSVP,Guests,RSVPed on,Joined Group on,URL of Member Profile,Notes',
    'Tara,Attended,user 1,,No,Yes,0,2025-02-20 10:00:00,2024-01-10 09:00:00,,',
    'Bo,No show,user 2,,No,Yes,0,2025-02-27 10:00:00,2024-01-10 09:00:00,,',
  ].join('\n');
  async function run(extra: string[]) {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-event-'));
    writeFileSync(join(dir, 'Weekly Weave.csv'), CSV);
    const out: string[] = [];
    const err: string[] = [];
    await reportCommand(
      ['report', ...extra, '--from', '2025-02', '--to', '2025-03', dir],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { r: JSON.parse(out.join('')) as { series: { attendees: number[] } }, err: err.join('\n') };
  }
  it('without it: the latest RSVP (February), with a warning; with it: that day (March), no warning', async () => {
    const guessed = await run([]);
    expect(guessed.r.series.attendees).toEqual([1, 0]);
    expect(guessed.err).toMatch(/RSVPed on/);
    const given = await run(['--event-date', '2025-03-06']);
    expect(given.r.series.attendees).toEqual([0, 1]);
    expect(given.err).not.toMatch(/RSVPed on/);
  });
  it('a list where nobody attended: nothing to count (not "nothing new")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-event-'));
    writeFileSync(
      join(dir, 'Weekly Weave.csv'),
      CSV.split('\n')
        .filter((l) => !l.startsWith('Tara'))
        .join('\n'),
    );
    writeFileSync(join(dir, 'posts.csv'), FILES['posts.csv']!);
    const err: string[] = [];
    await reportCommand(
      ['report', dir],
      () => undefined,
      (s) => err.push(s),
    );
    expect(err).toContain(
      'Weekly Weave.csv: nothing to count (its rows hold no activity, attendance, member or subscriber)',
    );
  });

  it('is midnight of that day in --tz', async () => {
    // 2025-03-01 in New York is 05:00 UTC on 1 March: March either way; 2025-03-01 in Tokyo is 28 Feb 15:00 UTC,
    // which is still March in the report's (Tokyo) months.
    expect((await run(['--event-date', '2025-03-01', '--tz', 'Asia/Tokyo'])).r.series.attendees).toEqual([
      0, 1,
    ]);
  });
  it('rejects a value that is not a day', async () => {
    await expect(run(['--event-date', '2025-13-01'])).rejects.toThrow(
      '--event-date must be a day like 2025-03-14',
    );
  });
});
