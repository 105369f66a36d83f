import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { RecordAccumulator } from '../../import/accumulate';
import { importBytesForTest, importFixture, importText, utc } from '../testing';

describe('substack export zip', () => {
  const { batch, outcomes } = importFixture('substack/export-hearthnotes.zip');

  it('reads posts with their stats and the email list from one zip', () => {
    expect(outcomes.map((o) => [o.format, o.rows, o.imported, o.skipped])).toEqual([
      ['substack-posts', 4, 4, 0],
      ['substack-email-list', 4, 3, 1],
    ]);
  });

  it('emailed, published posts are campaigns: delivered/opens = distinct emails in their files', () => {
    expect(batch.campaigns).toEqual([
      {
        key: 'substack:post:101.spring-issue',
        source: 'substack',
        title: 'Spring issue',
        sentAt: utc('2025-03-04T09:30:00Z'),
        delivered: 3,
        uniqueOpens: 2,
        uniqueClicks: 0,
        clicksMissing: true,
      },
      {
        key: 'substack:post:104.paid-issue',
        source: 'substack',
        title: 'Paid issue',
        sentAt: utc('2025-03-20T10:00:00Z'),
        delivered: 0,
        uniqueOpens: 0,
        uniqueClicks: 0,
        clicksMissing: true,
        statsMissing: true,
      },
    ]);
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        severity: 'warning',
        message: expect.stringContaining(
          '1 emailed post has no posts/<id>.delivers.csv: its delivered and open counts are 0.',
        ),
      }),
    ]);
  });

  it('every listed subscriber (paid or not, emails disabled or not) is a subscribe event at created_at; no members', () => {
    expect(batch.subscriptions).toEqual([
      {
        key: `substack:subscribe:jane.doe@example.org:${utc('2025-01-05T09:00:00Z')}`,
        source: 'substack',
        email: 'jane.doe@example.org',
        type: 'subscribe',
        at: utc('2025-01-05T09:00:00Z'),
      },
      {
        key: `substack:subscribe:leo@example.org:${utc('2025-02-14T18:30:00.123Z')}`,
        source: 'substack',
        email: 'leo@example.org',
        type: 'subscribe',
        at: utc('2025-02-14T18:30:00.123Z'),
      },
      {
        key: `substack:subscribe:sam@example.org:${utc('2025-03-01T08:00:00Z')}`,
        source: 'substack',
        email: 'sam@example.org',
        type: 'subscribe',
        at: utc('2025-03-01T08:00:00Z'),
      },
    ]);
    expect(batch.persons).toEqual([]);
    expect(outcomes[1]!.issues).toEqual([
      expect.objectContaining({ row: 5, column: 'email', severity: 'error' }),
    ]);
  });

  it('posts.csv alone gives campaigns without counts, and says so', () => {
    const { batch: b, outcomes: o } = importText(
      'posts.csv',
      'post_id,post_date,is_published,email_sent_at,type,audience,title,subtitle,podcast_url\n1.a,2025-01-01T00:00:00Z,true,2025-01-01T01:00:00Z,newsletter,everyone,A,,\n',
    );
    expect(b.campaigns).toEqual([
      {
        key: 'substack:post:1.a',
        source: 'substack',
        title: 'A',
        sentAt: utc('2025-01-01T01:00:00Z'),
        delivered: 0,
        uniqueOpens: 0,
        uniqueClicks: 0,
        clicksMissing: true,
        statsMissing: true,
      },
    ]);
    // The import review shows it before anything is stored: "found", not "imported".
    expect(o[0]!.issues[0]!.message).toBe(
      "posts.csv alone has no delivery or open counts (they are in the export's posts/ folder): 1 campaign found, counted with 0 delivered. Import the whole Substack export zip to get them.",
    );
  });

  it('imported after the whole export, posts.csv alone does not zero the counts it lacks (review F2)', () => {
    const zip = importFixture('substack/export-hearthnotes.zip');
    const withStats = zip.batch.campaigns.find((c) => !c.statsMissing)!;
    expect(withStats.delivered).toBeGreaterThan(0);
    const { batch: alone } = importText(
      'posts.csv',
      `post_id,post_date,is_published,email_sent_at,type,audience,title,subtitle,podcast_url\n${withStats.key.slice('substack:post:'.length)},2025-01-01T00:00:00Z,true,${new Date(withStats.sentAt).toISOString()},newsletter,everyone,${withStats.title},,\n`,
    );
    expect(alone.campaigns[0]).toMatchObject({ key: withStats.key, delivered: 0, statsMissing: true });
    const acc = new RecordAccumulator();
    acc.add(zip.batch);
    expect(acc.add(alone)).toBe(0);
    expect(acc.result().campaigns.find((c) => c.key === withStats.key)).toEqual(withStats);
  });
});

describe('substack export zip without per-post stats files', () => {
  it('is read as the export: says the stats files are missing (not "import the whole zip"), no post body is an unknown file', () => {
    const zip = zipSync({
      'email_list.newpub.csv': strToU8(
        'email,active_subscription,expiry,plan,email_disabled,created_at,first_payment_at\na@example.org,false,,,false,2025-11-02T08:15:30.120Z,',
      ),
      'posts.csv': strToU8(
        'post_id,post_date,is_published,email_sent_at,inbox_sent_at,type,audience,title,subtitle,podcast_url\n101.first,2025-11-04T09:00:00.000Z,true,2025-11-04T09:30:00.000Z,,newsletter,everyone,First,,',
      ),
      'posts/101.first.html': strToU8('<p>hi</p>'),
    });
    const { batch, outcomes } = importBytesForTest('export-newpub.zip', zip);
    expect(outcomes.map((o) => o.format)).toEqual(['substack-posts', 'substack-email-list']);
    expect(outcomes.flatMap((o) => o.issues).map((i) => i.message)).toEqual([
      expect.stringMatching(
        /^This export holds no per-post stats files .*: 1 emailed post found, counted with 0 delivered and 0 opens, so its open rate cannot be shown\.$/,
      ),
    ]);
    expect(batch.campaigns.map((c) => [c.key, c.delivered])).toEqual([['substack:post:101.first', 0]]);
    expect(batch.subscriptions).toHaveLength(1);
  });
});
