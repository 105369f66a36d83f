import { describe, expect, it } from 'vitest';
import type { DataKinds } from '../../domain/metrics/data-kinds';
import { emptyReason, type EmptySpec } from './empty-reason';

const campaigns: EmptySpec = {
  kinds: ['campaigns'],
  noun: 'campaigns',
  goal: 'to see open and click rates',
  importHint: 'Import a Mailchimp campaigns report or a Substack export to see open and click rates.',
};

// Mailchimp campaigns March–August 2024, Substack posts May 2025; Discourse activity all 2025.
const kinds: DataKinds = {
  activity: { discourse: { from: '2025-01', to: '2025-12' } },
  campaigns: { mailchimp: { from: '2024-03', to: '2024-08' }, substack: { from: '2025-05', to: '2025-05' } },
};
const year = { from: '2025-01', to: '2025-12' };

describe('emptyReason', () => {
  it('nothing of the kind imported: the import hint', () => {
    expect(emptyReason(campaigns, { activity: kinds.activity! }, [], year)).toEqual({
      reason: 'none',
      title: 'No campaigns yet',
      text: campaigns.importHint,
    });
    expect(emptyReason(campaigns, undefined, [], year).reason).toBe('none');
  });

  it('the sources filter hides every source holding it: names them, never the import hint', () => {
    expect(emptyReason(campaigns, kinds, ['discourse'], year)).toEqual({
      reason: 'sources',
      title: 'No campaigns from the chosen sources',
      text: 'The sources filter hides Mailchimp and Substack: choose them in the filter bar to see open and click rates.',
    });
    // One hidden source: "it".
    expect(
      emptyReason(campaigns, { campaigns: { mailchimp: kinds.campaigns!.mailchimp! } }, ['discourse'], year)
        .text,
    ).toBe('The sources filter hides Mailchimp: choose it in the filter bar to see open and click rates.');
    // A stale choice of a source no longer in the data hides everything too.
    expect(emptyReason(campaigns, kinds, ['slack'], year).reason).toBe('sources');
  });

  it('outside the period: the months the chosen sources cover, and the sources still hidden', () => {
    // Only Mailchimp chosen; its campaigns are from 2024, the period is 2025.
    expect(emptyReason(campaigns, kinds, ['discourse', 'mailchimp'], year)).toEqual({
      reason: 'period',
      title: 'No campaigns in this period',
      text: 'The campaigns from Mailchimp are from March 2024 to August 2024, outside this period: choose a period that includes them in the filter bar to see open and click rates. The sources filter hides Substack.',
    });
    // Both chosen, the period June–December 2025: March 2024 to May 2025 together.
    expect(emptyReason(campaigns, kinds, [], { from: '2025-06', to: '2025-12' }).text).toBe(
      'The campaigns from Mailchimp and Substack are from March 2024 to May 2025, outside this period: choose a period that includes them in the filter bar to see open and click rates.',
    );
    // A single month.
    expect(
      emptyReason(campaigns, { campaigns: { substack: kinds.campaigns!.substack! } }, [], {
        from: '2025-06',
        to: '2025-12',
      }).text,
    ).toMatch(/^The campaigns from Substack are from May 2025, outside this period/);
  });

  it('in the chosen sources and the period, yet nothing to show: the card’s own words', () => {
    // Substack's May 2025 lies in the period.
    expect(emptyReason(campaigns, kinds, [], year)).toEqual({
      reason: 'other',
      title: 'No campaigns in this period',
      text: 'No campaigns in this period.',
    });
    expect(emptyReason({ ...campaigns, otherwise: 'Every campaign was empty.' }, kinds, [], year).text).toBe(
      'Every campaign was empty.',
    );
    // The period's edges count: a span ending in the period's first month overlaps it.
    expect(emptyReason(campaigns, kinds, ['mailchimp'], { from: '2024-08', to: '2024-12' }).reason).toBe(
      'other',
    );
  });

  it('several kinds: any source holding any of them counts, spans merged', () => {
    const members: EmptySpec = {
      kinds: ['activity', 'roster'],
      noun: 'members',
      goal: 'to see active and new members',
      importHint: 'Import…',
    };
    const k: DataKinds = {
      activity: { slack: { from: '2025-03', to: '2025-04' } },
      roster: { slack: { from: '2024-01', to: '2024-02' }, discourse: { from: '2025-01', to: '2025-01' } },
    };
    expect(emptyReason(members, k, ['x'], year).text).toBe(
      'The sources filter hides Discourse and Slack: choose them in the filter bar to see active and new members.',
    );
    expect(emptyReason(members, k, ['slack'], { from: '2025-06', to: '2025-12' }).text).toBe(
      'The members from Slack are from January 2024 to April 2025, outside this period: choose a period that includes them in the filter bar to see active and new members. The sources filter hides Discourse.',
    );
  });
});
