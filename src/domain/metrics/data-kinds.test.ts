import { describe, expect, it } from 'vitest';
import { dataKinds } from './data-kinds';
import { prepareDataset } from './dataset';
import { act, batch, person, stubScorer } from './testing';

// A Slack message with text (Dec 31, 23:30 UTC), a reaction (no text), a Mailchimp roster join and
// subscription, a bot's post, and a Discourse daily report value.
const ds = prepareDataset({
  scorer: stubScorer,
  records: batch({
    persons: [
      person('slack:U1'),
      person('mailchimp:a@x.org', { roster: true, joinedAt: Date.parse('2024-06-15T00:00:00Z') }),
      person('discourse:system', { bot: true }),
    ],
    activities: [
      act('slack:U1', 'message', '2024-12-31T23:30:00Z', { text: 'good' }),
      act('slack:U1', 'reaction', '2025-02-01T10:00:00Z'),
      act('discourse:system', 'post', '2025-03-01T10:00:00Z', { threadKey: 'discourse:t:1', text: 'bad' }),
    ],
    subscriptions: [
      {
        key: 's1',
        source: 'mailchimp',
        email: 'a@x.org',
        type: 'subscribe',
        at: Date.parse('2024-06-15T00:00:00Z'),
      },
    ],
    dailyValues: [
      {
        key: 'd1',
        source: 'discourse',
        series: 'discourse: Signups',
        day: Date.parse('2025-04-01T00:00:00Z'),
        value: 3,
      },
      {
        key: 'd2',
        source: 'discourse',
        series: 'discourse: Signups',
        day: Date.parse('2025-05-31T00:00:00Z'),
        value: 4,
      },
    ],
  }),
});

describe('dataKinds', () => {
  it('per kind, the sources that hold it and their months (bots left out, as in every metric)', () => {
    expect(dataKinds(ds, 'UTC')).toEqual({
      activity: { slack: { from: '2024-12', to: '2025-02' } },
      texts: { slack: { from: '2024-12', to: '2024-12' } },
      roster: { mailchimp: { from: '2024-06', to: '2024-06' } },
      subscriptions: { mailchimp: { from: '2024-06', to: '2024-06' } },
      daily: { discourse: { from: '2025-04', to: '2025-05' } },
    });
  });

  it('months in the report zone; daily values keep their calendar month', () => {
    // 31 Dec 23:30 UTC is January 2025 in Berlin (UTC+1).
    const berlin = dataKinds(ds, 'Europe/Berlin');
    expect(berlin.texts).toEqual({ slack: { from: '2025-01', to: '2025-01' } });
    expect(berlin.daily).toEqual({ discourse: { from: '2025-04', to: '2025-05' } });
  });
});
