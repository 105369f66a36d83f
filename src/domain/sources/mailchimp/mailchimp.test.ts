import { describe, expect, it } from 'vitest';
import { importFixture, importText, utc } from '../testing';
import { audienceFileKind, audienceKindFromName, mailchimpAudience } from './audience';
import { reportDecimalComma } from './campaign-report';

const sub = (email: string, type: 'subscribe' | 'unsubscribe', iso: string) => ({
  key: `mailchimp:${type}:${email}:${utc(iso)}`,
  source: 'mailchimp',
  email,
  type,
  at: utc(iso),
});

describe('mailchimp-audience (zip of subscribed/unsubscribed/cleaned)', () => {
  const { batch, outcomes } = importFixture('mailchimp-audience/members_export_3f2a1b.zip');

  it('imports the three files; audience only: no persons, no activities', () => {
    expect(outcomes.map((o) => [o.file.split(' › ')[1], o.format, o.rows, o.imported])).toEqual([
      ['cleaned_members_export_3f2a1b.csv', 'mailchimp-audience', 1, 1],
      ['subscribed_members_export_3f2a1b.csv', 'mailchimp-audience', 3, 2],
      ['unsubscribed_members_export_3f2a1b.csv', 'mailchimp-audience', 2, 2],
    ]);
    expect(batch.persons).toEqual([]);
    expect(batch.activities).toEqual([]);
  });

  it('subscribe at CONFIRM_TIME else OPTIN_TIME; unsubscribe at UNSUB_TIME / CLEAN_TIME (older spaced quoting read too)', () => {
    expect(batch.subscriptions).toEqual([
      sub('bounce@example.org', 'subscribe', '2024-12-01T12:00:30Z'),
      sub('bounce@example.org', 'unsubscribe', '2025-02-01T06:00:00Z'),
      sub('jane.doe@example.org', 'subscribe', '2025-01-05T09:05:00Z'),
      sub('ana@example.org', 'subscribe', '2025-02-10T14:00:00Z'),
      sub('leo@example.org', 'subscribe', '2025-01-20T08:01:00Z'),
      sub('leo@example.org', 'unsubscribe', '2025-03-04T10:00:00Z'),
      sub('mia@example.org', 'subscribe', '2025-01-21T08:00:00Z'),
    ]);
  });

  it('reads zone-less times in the import zone', () => {
    const berlin = importFixture('mailchimp-audience/members_export_3f2a1b.zip', {
      timeZone: 'Europe/Berlin',
    });
    expect(berlin.batch.subscriptions[0]!.at).toBe(utc('2024-12-01T11:00:30Z'));
  });

  it('reports bad emails and missing unsubscribe times', () => {
    expect(outcomes[1]!.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Email Address', severity: 'error' }),
    ]);
    expect(outcomes[2]!.issues).toEqual([
      expect.objectContaining({ row: 3, column: 'UNSUB_TIME', severity: 'warning' }),
    ]);
  });

  it('tells the files apart by name, else by columns', () => {
    expect(audienceFileKind('unsubscribed_members_export_x.csv', [])).toBe('unsubscribed');
    expect(audienceFileKind('export.csv', ['email address', 'clean_time'])).toBe('cleaned');
    expect(audienceFileKind('export.csv', ['email address', 'last_changed'])).toBe('subscribed');
  });
});

describe('mailchimp-audience: contacts who are not email subscribers', () => {
  const NON_SUBSCRIBED =
    'left out: this file lists contacts who never subscribed to your emails (such as shop customers or imported contacts), so they do not count as newsletter subscribers.';
  const HEADER =
    'Email Address,First Name,Last Name,MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS';

  it('leaves out the non-subscribed file of a current export zip, saying how many and why', () => {
    // audience_export_<id>/ holds subscribed, unsubscribed, cleaned and nonsubscribed_email_audience_export_<id>.csv.
    const { batch, outcomes } = importFixture('mailchimp-audience/audience_export_1a10653875.zip');
    expect(outcomes.map((o) => [o.file.split('/').pop(), o.format, o.rows, o.imported, o.skipped])).toEqual([
      ['subscribed_email_audience_export_1a10653875.csv', 'mailchimp-audience', 1, 1, 0],
      ['unsubscribed_email_audience_export_1a10653875.csv', 'mailchimp-audience', 1, 1, 0],
      ['cleaned_email_audience_export_1a10653875.csv', 'mailchimp-audience', 1, 1, 0],
      ['nonsubscribed_email_audience_export_1a10653875.csv', 'mailchimp-audience', 2, 0, 2],
    ]);
    expect(outcomes[3]!.issues).toEqual([
      {
        file: 'audience_export_1a10653875.zip › audience_export_1a10653875/nonsubscribed_email_audience_export_1a10653875.csv',
        severity: 'warning',
        message: `2 non-subscribed contacts ${NON_SUBSCRIBED}`,
      },
    ]);
    // Three subscribers, two of whom left in February: shop1@ and shop2@ are not among them.
    expect(batch.subscriptions).toEqual([
      sub('sub@example.org', 'subscribe', '2025-01-05T09:05:00Z'),
      sub('uns@example.org', 'subscribe', '2025-01-06T09:05:00Z'),
      sub('uns@example.org', 'unsubscribe', '2025-02-01T10:00:00Z'),
      sub('cln@example.org', 'subscribe', '2025-01-07T09:05:00Z'),
      sub('cln@example.org', 'unsubscribe', '2025-02-02T10:00:00Z'),
    ]);
  });

  it('leaves out the older nonsubscribed_members_export_… file too', () => {
    const { batch, outcomes } = importText(
      'nonsubscribed_members_export_3f2a.csv',
      `${HEADER}\nshop1@example.org,Shop,Buyer,1,2025-01-08 09:00:00,127.0.0.1,2025-01-08 09:00:00,,,,,,,,,2025-01-08 09:00:00,1,e4,,\n`,
    );
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 1, imported: 0, skipped: 1 });
    expect(outcomes[0]!.issues.map((i) => i.message)).toEqual([`1 non-subscribed contact ${NON_SUBSCRIBED}`]);
    expect(batch.subscriptions).toEqual([]);
  });

  it('tells the non-subscribed and SMS-only files from the subscribed one by name', () => {
    expect(audienceKindFromName('nonsubscribed_members_export_3f2a.csv')).toBe('nonsubscribed');
    expect(
      audienceKindFromName('x.zip › audience_export_1a/nonsubscribed_email_audience_export_1a.csv'),
    ).toBe('nonsubscribed');
    expect(audienceKindFromName('sms_only_audience_export_0b7f.csv')).toBe('sms-only');
    expect(audienceKindFromName('subscribed_email_audience_export_1a.csv')).toBe('subscribed');
    expect(audienceKindFromName('unsubscribed_email_audience_export_1a.csv')).toBe('unsubscribed');
  });

  it('leaves out an SMS-only file', () => {
    const { batch, outcomes } = importText(
      'sms_only_audience_export_0b7f.csv',
      `${HEADER}\ntext@example.org,Text,Only,2,2025-01-08 09:00:00,,2025-01-08 09:00:00,,,,,,,,,2025-01-08 09:00:00,1,e6,,\n`,
    );
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 1, imported: 0, skipped: 1 });
    expect(outcomes[0]!.issues.map((i) => i.message)).toEqual([
      '1 SMS-only contact left out: this file lists contacts who subscribed to text messages only, not to your emails, so they do not count as newsletter subscribers.',
    ]);
    expect(batch.subscriptions).toEqual([]);
  });
});

describe('mailchimp-audience whose email column is labelled in another language or renamed', () => {
  // Mailchimp writes the audience's own labels (translated, renamed) and its own columns in English.
  const SYSTEM_COLUMNS =
    'MEMBER_RATING,OPTIN_TIME,OPTIN_IP,CONFIRM_TIME,CONFIRM_IP,LATITUDE,LONGITUDE,GMTOFF,DSTOFF,TIMEZONE,CC,REGION,LAST_CHANGED,LEID,EUID,NOTES,TAGS';
  const ROW = '2,2025-03-01 10:00:00,,2025-03-01 10:05:00,,,,,,,,,2025-03-01 10:05:00,1,abc,,';

  it('reads a German audience (`E-Mail-Adresse`), naming that column in its errors', () => {
    const { batch, outcomes } = importFixture('mailchimp-audience/subscribed_members_export_de.csv');
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 3, imported: 2, skipped: 1 });
    expect(outcomes[0]!.issues).toEqual([
      {
        file: 'subscribed_members_export_de.csv',
        row: 3,
        column: 'E-Mail-Adresse',
        severity: 'error',
        message: '"keine Adresse" is not an email address; row skipped.',
      },
    ]);
    expect(batch.subscriptions).toEqual([
      sub('anna@example.de', 'subscribe', '2025-03-01T10:05:00Z'),
      sub('jo@example.de', 'subscribe', '2025-03-03T10:00:00Z'),
    ]);
  });

  it.each([
    ['Adresse e-mail,Prénom,Nom', 'anna@example.org,Anna,Muster'],
    ['Email,First Name,Last Name', 'anna@example.org,Anna,Muster'],
    ['Correo electrónico,Nombre,Apellido', 'anna@example.org,Anna,Muster'],
    ['Courriel,Prénom,Nom', 'anna@example.org,Anna,Muster'],
    // No label like an email's: the column whose values are addresses (here after a merge field).
    ['First Name,Contact,Last Name', 'Anna,anna@example.org,Muster'],
  ])('reads an audience whose email column is `%s…`', (labels, values) => {
    const { batch, outcomes } = importText(
      'subscribed_members_export_1a.csv',
      `${labels},${SYSTEM_COLUMNS}\n${values},${ROW}\n`,
    );
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-audience', rows: 1, imported: 1 });
    expect(batch.subscriptions).toEqual([sub('anna@example.org', 'subscribe', '2025-03-01T10:05:00Z')]);
  });

  it('does not take `Mailing Address` for the email column', () => {
    const { batch } = importText(
      'subscribed_members_export_1a.csv',
      `Mailing Address,Kontakt,${SYSTEM_COLUMNS}\n1 Main St,anna@example.org,${ROW}\n`,
    );
    expect(batch.subscriptions).toEqual([sub('anna@example.org', 'subscribe', '2025-03-01T10:05:00Z')]);
  });

  it('says so when no column is labelled or filled like an email', () => {
    const { batch, outcomes } = importText(
      'subscribed_members_export_1a.csv',
      `First Name,Contact,${SYSTEM_COLUMNS}\nAnna,-,${ROW}\nBen,ben@example.org,${ROW}\n`,
    );
    expect(outcomes[0]).toMatchObject({ rows: 2, imported: 1, skipped: 1 });
    expect(outcomes[0]!.issues).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'Email Address',
        message:
          'No column of this row holds an email address, and no column is named "Email Address"; row skipped.',
      }),
    ]);
    expect(batch.subscriptions.map((s) => s.email)).toEqual(['ben@example.org']);
  });

  it('needs three of Mailchimp’s own columns when `Email Address` is missing', () => {
    expect(
      mailchimpAudience.detect(['e-mail-adresse', 'member_rating', 'optin_time', 'leid'], 'x.csv'),
    ).toBeGreaterThan(0.5);
    expect(
      mailchimpAudience.detect(['e-mail-adresse', 'optin_time', 'last_changed', 'gmtoff'], 'x.csv'),
    ).toBe(0);
    expect(
      mailchimpAudience.detect(['email address', 'optin_time', 'last_changed'], 'x.csv'),
    ).toBeGreaterThan(0.5);
  });
});

describe('mailchimp-campaigns and mailchimp-campaign-report', () => {
  const all = importFixture('mailchimp-campaigns/campaigns.csv');
  const single = importFixture('mailchimp-campaign-report/March_news_report.csv');
  const march = {
    key: 'mailchimp:campaign:2025-03-04T09:30:march news',
    source: 'mailchimp',
    title: 'March news',
    sentAt: utc('2025-03-04T09:30:00Z'),
    recipients: 1751,
    delivered: 1742,
    uniqueOpens: 595,
    uniqueClicks: 114,
    unsubscribes: 3,
  };

  it('maps each sent campaign; delivered falls back to recipients − bounces', () => {
    expect(all.outcomes[0]).toMatchObject({
      format: 'mailchimp-campaigns',
      rows: 3,
      imported: 2,
      skipped: 1,
    });
    expect(all.batch.campaigns).toEqual([
      march,
      {
        key: 'mailchimp:campaign:2025-02-04T21:30:february news',
        source: 'mailchimp',
        title: 'February news',
        sentAt: utc('2025-02-04T21:30:00Z'),
        recipients: 1700,
        delivered: 1688,
        uniqueOpens: 500,
        uniqueClicks: 100,
        unsubscribes: 2,
      },
    ]);
    expect(all.outcomes[0]!.issues).toEqual([
      expect.objectContaining({ row: 4, column: 'Send Date', severity: 'error' }),
    ]);
  });

  it('reads the key/value single-campaign report as the same campaign (same key)', () => {
    expect(single.outcomes[0]).toMatchObject({ format: 'mailchimp-campaign-report', rows: 1, imported: 1 });
    expect(single.batch.campaigns).toEqual([march]);
  });
});

describe('mailchimp-campaigns saved by a European Excel', () => {
  it('reads `;` tables with dot thousands and decimal commas', () => {
    const { batch, outcomes } = importText(
      'campaigns.csv',
      [
        'Title;Subject;List;Send Date;Total Recipients;Successful Deliveries;Total Bounces;Unique Opens;Open Rate;Unique Clicks;Unsubscribes',
        'March news;Spring;Hearth Friends;Mar 04, 2025 09:30 am;1.751;1.742;9;1.095;62,86%;114;3',
      ].join('\n'),
    );
    expect(outcomes[0]).toMatchObject({ format: 'mailchimp-campaigns', imported: 1 });
    expect(batch.campaigns).toEqual([
      expect.objectContaining({ delivered: 1742, uniqueOpens: 1095, uniqueClicks: 114 }),
    ]);
  });
});

describe('mailchimp-campaign-report saved by a European Excel', () => {
  const march = {
    key: 'mailchimp:campaign:2025-03-04T09:30:march news',
    recipients: 1751,
    delivered: 1742,
    uniqueOpens: 595,
    uniqueClicks: 114,
    unsubscribes: 3,
  };
  const report = (sep: string, lines: [string, string][]) =>
    [
      'Email Campaign Report',
      `Title:${sep}March news`,
      `Delivery Date/Time:${sep}Mar 04, 2025 09:30 am`,
      'Overall Stats',
      ...lines.map(([k, v]) => `${k}:${sep}${v}`),
    ].join('\r\n');

  it('reads `;` reports with dot thousands and decimal commas (`"1.751"`, `"9 (0,5%)"`)', () => {
    const { batch, outcomes } = importFixture('mailchimp-campaign-report/March_news_report_de.csv');
    expect(outcomes[0]).toMatchObject({
      format: 'mailchimp-campaign-report',
      rows: 1,
      imported: 1,
      issues: [],
    });
    expect(batch.campaigns).toEqual([expect.objectContaining(march)]);
  });

  it('reads the same report unquoted, and tab-separated: the counts decide, not the delimiter', () => {
    const lines: [string, string][] = [
      ['Total Recipients', '1.751'],
      ['Successful Deliveries', '1.742'],
      ['Bounces', '9 (0,5%)'],
      ['Recipients Who Opened', '595 (34,2%)'],
      ['Recipients Who Clicked', '114 (6,5%)'],
      ['Unsubscribes', '3'],
    ];
    for (const sep of [';', '\t']) {
      const { batch } = importText('March_news_report.csv', report(sep, lines));
      expect(batch.campaigns).toEqual([expect.objectContaining(march)]);
    }
  });

  it('reads a `;` report with US numbers (`1,751`) as US numbers', () => {
    const { batch } = importText(
      'March_news_report.csv',
      report(';', [
        ['Total Recipients', '1,751'],
        ['Successful Deliveries', '1,742'],
        ['Bounces', '9 (0.5%)'],
        ['Recipients Who Opened', '595 (34.2%)'],
        ['Recipients Who Clicked', '114 (6.5%)'],
        ['Unsubscribes', '3'],
      ]),
    );
    expect(batch.campaigns).toEqual([expect.objectContaining(march)]);
  });

  it('decides the number format from the counts, then from the rates beside them', () => {
    expect(reportDecimalComma(['1.751', '1.742', '9 (0,5%)'])).toBe(true);
    expect(reportDecimalComma(['1,751', '9 (0.5%)'])).toBe(false);
    // A count of 1.751 cannot be a decimal: the grouped counts win over the rates.
    expect(reportDecimalComma(['1.751', '1.742', '9 (0.5%)', '595 (34.2%)', '114 (6.5%)'])).toBe(true);
    expect(reportDecimalComma(['751', '9 (0,5%)'])).toBe(true);
    expect(reportDecimalComma(['751', '9', '3'])).toBeNull();
  });
});

describe('Mailchimp keys do not depend on the import time zone', () => {
  // Times in these exports carry no zone: read in another zone they are other instants, but the
  // same rows — importing the files again after changing the zone must add nothing.
  for (const file of ['mailchimp-audience/members_export_3f2a1b.zip', 'mailchimp-campaigns/campaigns.csv']) {
    it(`${file}: same keys in UTC and in New York, other instants`, () => {
      const utcBatch = importFixture(file, { timeZone: 'UTC' }).batch;
      const ny = importFixture(file, { timeZone: 'America/New_York' }).batch;
      const records = (b: typeof utcBatch) => [...b.subscriptions, ...b.campaigns];
      expect(records(ny).map((r) => r.key)).toEqual(records(utcBatch).map((r) => r.key));
      expect(records(ny).length).toBeGreaterThan(0);
      const time = (r: (typeof utcBatch.subscriptions)[number] | (typeof utcBatch.campaigns)[number]) =>
        'sentAt' in r ? r.sentAt : r.at;
      // New York is 4–5 hours behind UTC: each time read there is that much later.
      for (const [i, r] of records(ny).entries())
        expect(time(r) - time(records(utcBatch)[i]!)).toBeGreaterThanOrEqual(4 * 3600_000);
    });
  }
});
