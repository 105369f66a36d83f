import { describe, expect, it } from 'vitest';
import { fmtChange, fmtCountOf, fmtHours, fmtPercent, monthLabel } from './format';
import { generateHighlights, MAX_HIGHLIGHTS } from './highlights';
import { kpisForMonth } from './series-info';
import { handReport, monthRun } from './testing';

const texts = (h: { text: string }[]) => h.map((x) => x.text);

describe('generateHighlights: a month against the month before', () => {
  // 13 months; the last one (2025-01) has 1,204 active members against 1,075 in 2024-12:
  // (1204 − 1075) ÷ 1075 = 0.12 → "rose 12%"; every earlier month is lower → the highest on record.
  const months = monthRun('2024-01', 13);
  const active = [900, 950, 930, 1000, 990, 1010, 1020, 1000, 1050, 1060, 1070, 1075, 1204];
  const report = handReport(months, {
    active_members: active,
    new_members: [50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 50, 60, 45], // −25%
    contributions: [5000, 5100, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5000, 5030, 5020], // −0.2%: steady, no record (5,030 the month before)
    median_ttfr_hours: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 9], // 4 h → 9 h: slowed
    unanswered_share: [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.14, 0.09], // −5 pts
    net_sentiment: [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2], // held
  });

  it('leads with active members, with the size of the change and a record', () => {
    const h = generateHighlights(report);
    expect(h[0]).toEqual({ id: 'active_members', text: 'Active members rose 12% to 1,204, the highest on record.', tone: 'good' });
  });

  it('says response times slowed (bad) or improved, in hours', () => {
    const h = generateHighlights(report);
    expect(h.find((x) => x.id === 'median_ttfr_hours')).toEqual({
      id: 'median_ttfr_hours',
      text: 'Median first response slowed from 4 h to 9 h.',
      tone: 'bad',
    });
  });

  it('speaks of rates in percent from → to, good when a bad share falls', () => {
    const h = generateHighlights(report);
    expect(h.find((x) => x.id === 'unanswered_share')).toEqual({ id: 'unanswered_share', text: 'Unanswered threads fell from 14% to 9%.', tone: 'good' });
    expect(h.find((x) => x.id === 'new_members')?.text).toBe('New members fell 25% to 45, the lowest on record.');
  });

  it('gives 3 to 6 sentences, newsworthy first, and leaves steady figures out when there is enough news', () => {
    const h = generateHighlights(report);
    expect(h.length).toBeGreaterThanOrEqual(3);
    expect(h.length).toBeLessThanOrEqual(MAX_HIGHLIGHTS);
    expect(texts(h).join(' ')).not.toMatch(/Contributions|Net sentiment/);
    // 9 h vs 4 h is +125% × 1.2; new members −25% × 1.2; unanswered 5 pts × 4 × 1.2.
    expect(h.map((x) => x.id)).toEqual(['active_members', 'median_ttfr_hours', 'new_members', 'unanswered_share']);
  });

  it('is deterministic', () => {
    expect(generateHighlights(report)).toEqual(generateHighlights(report));
  });

  it('any month of the period can be described, not only the last', () => {
    // 2024-04: 1000 vs 930 → +7.5%; 3 earlier months (900, 950, 930), all lower → on record.
    expect(generateHighlights(report, '2024-04')[0]?.text).toBe('Active members rose 7.5% to 1,000, the highest on record.');
    // 2024-08: 1000 vs 1020 → −2%; the last month at least as high is July (1,020), just before: no record.
    expect(generateHighlights(report, '2024-08')[0]?.text).toBe('Active members fell 2% to 1,000.');
  });
});

describe('generateHighlights: edge cases', () => {
  it('ties: an equal value holds steady; matching an earlier high says so', () => {
    const months = monthRun('2025-01', 6);
    // June 120 vs May 105: +14%; February (120) is as high, 3 lower months lie between, nothing before it is higher.
    const r = handReport(months, { active_members: [100, 120, 110, 115, 105, 120], contributions: [10, 10, 10, 10, 10, 10] });
    expect(generateHighlights(r)[0]?.text).toBe('Active members rose 14% to 120, matching the highest on record (February 2025).');
    expect(generateHighlights(r).find((h) => h.id === 'contributions')?.text).toBe('Contributions held steady at 10.');
    // With a higher January, February's equal value is not the record: "the highest since February".
    const r2 = handReport(months, { active_members: [140, 120, 110, 115, 105, 120] });
    expect(generateHighlights(r2)[0]?.text).toBe('Active members rose 14% to 120, the highest since February 2025.');
    // Only 2 lower months since an equal one (Feb 120; Mar 110, Apr 115): no record to speak of.
    const r3 = handReport(monthRun('2025-01', 5), { active_members: [100, 120, 110, 115, 120] });
    expect(generateHighlights(r3)[0]?.text).toBe('Active members rose 4.3% to 120.');
  });

  it('the highest since a month names the last month at least as high, 3 or more months back', () => {
    // June 120: May 105, April 115, March 110 are lower; February 130 is higher → since February.
    const r = handReport(monthRun('2025-01', 6), { active_members: [100, 130, 110, 115, 105, 120] });
    expect(generateHighlights(r)[0]?.text).toBe('Active members rose 14% to 120, the highest since February 2025.');
  });

  it('the lowest is news too', () => {
    const months = monthRun('2025-01', 5);
    // 80 against 100, 120, 110, 115: lower than every earlier month.
    const r = handReport(months, { active_members: [100, 120, 110, 115, 80] });
    expect(generateHighlights(r)[0]).toMatchObject({ text: 'Active members fell 30% to 80, the lowest on record.', tone: 'bad' });
    // 90 against (…, 85, 100, 95, 98): March (85) is the last month as low → since March.
    const r2 = handReport(monthRun('2025-01', 7), { active_members: [100, 120, 85, 100, 95, 98, 90] });
    expect(generateHighlights(r2)[0]?.text).toBe('Active members fell 8.2% to 90, the lowest since March 2025.');
  });

  it('records span all the data, not only the period: the same month reads the same in every period', () => {
    // July 2024 – June 2025. June: 91 against May's 64 → +42% (27 ÷ 64 = 0.42). The last month at
    // least as high is August 2024 (95); January 2025 (29) is the period's low, not its peer.
    const active = [120, 95, 60, 40, 35, 30, 29, 40, 50, 55, 64, 91];
    const year = handReport(monthRun('2024-07', 12), { active_members: active });
    const half = handReport(monthRun('2025-01', 6), { active_members: active.slice(6) }, {
      earlier: { from: '2024-07', count: 6, series: { active_members: active.slice(0, 6) } },
    });
    const expected = 'Active members rose 42% to 91, the highest since August 2024.';
    expect(generateHighlights(year)[0]?.text).toBe(expected);
    expect(generateHighlights(half)[0]?.text).toBe(expected);
    // Without the months before the period, the period alone would make it a record.
    expect(generateHighlights(handReport(monthRun('2025-01', 6), { active_members: active.slice(6) }))[0]?.text).toBe(
      'Active members rose 42% to 91, the highest on record.',
    );
    // February 2025 (40 against 29, +38%): October 2024 (40) is as high, with 3 lower months since
    // and higher ones before it → "since October 2024", though the period starts in January.
    expect(generateHighlights(half, '2025-02').find((h) => h.id === 'active_members')?.text).toBe(
      'Active members rose 38% to 40, the highest since October 2024.',
    );
    // March 2025 (50): the last month at least as high is September 2024 (60).
    expect(generateHighlights(half, '2025-03').find((h) => h.id === 'active_members')?.text).toBe(
      'Active members rose 25% to 50, the highest since September 2024.',
    );
  });

  it('the months before a series starts (0: its source had no data yet) are not its record', () => {
    // Data from October 2024 (another source); members only from January 2025. May: 20 against
    // 50, 60, 55, 52 → the lowest on record, not "since December 2024" (a month with no members yet).
    const r = handReport(monthRun('2025-01', 5), { active_members: [50, 60, 55, 52, 20] }, {
      earlier: { from: '2024-10', count: 3, series: { active_members: [0, 0, 0] } },
    });
    expect(generateHighlights(r)[0]?.text).toBe('Active members fell 62% to 20, the lowest on record.');
    // Fewer than 3 earlier months with data: no record at all.
    const short = handReport(monthRun('2025-01', 3), { active_members: [50, 60, 90] }, {
      earlier: { from: '2024-10', count: 3, series: { active_members: [0, 0, 0] } },
    });
    expect(generateHighlights(short)[0]?.text).toBe('Active members rose 50% to 90.');
  });

  it('nulls: a series with no value this month is left out; no value last month gives a plain figure', () => {
    const months = monthRun('2025-01', 3);
    const r = handReport(months, {
      active_members: [10, 20, 30],
      median_ttfr_hours: [null, null, 5],
      unanswered_share: [0.5, 0.2, null],
    });
    const h = generateHighlights(r);
    expect(h.find((x) => x.id === 'median_ttfr_hours')?.text ?? 'absent').toMatch(/^(Median first response was 5 h\.|absent)$/);
    expect(h.some((x) => x.id === 'unanswered_share')).toBe(false);
    expect(texts(h).join(' ')).not.toMatch(/NaN|null|undefined|Infinity|—/);
  });

  it('a count with nothing in any month of the period says nothing (a newsletter-only import has no members)', () => {
    const r = handReport(monthRun('2025-01', 3), { open_rate: [0.4, 0.42, 0.45], subscribers_total: [100, 110, 120], active_members: [0, 0, 0], new_members: [0, 0, 0] });
    const h = generateHighlights(r);
    expect(h.some((x) => x.id === 'active_members' || x.id === 'new_members')).toBe(false);
    expect(texts(h).join(' ')).not.toMatch(/none, as in the month before/);
    expect(h.some((x) => x.id === 'subscribers_total')).toBe(true);
    // With members in an earlier month, a quiet month is still said.
    const quiet = handReport(monthRun('2025-01', 3), { active_members: [4, 0, 0], open_rate: [0.4, 0.42, 0.45] });
    expect(generateHighlights(quiet).find((x) => x.id === 'active_members')?.text).toBe('Active members: none, as in the month before.');
  });

  it('a count rising from zero has no percentage', () => {
    const r = handReport(monthRun('2025-01', 2), { active_members: [5, 5], attendees: [0, 40] });
    expect(generateHighlights(r).find((h) => h.id === 'attendees')?.text).toBe('Event attendees went from none to 40.');
  });

  it('the first month: says there is nothing to compare with, then plain figures', () => {
    const r = handReport(monthRun('2025-01', 3), { active_members: [40, 50, 60], new_members: [40, 12, 9], median_ttfr_hours: [3, 3, 3] });
    const h = generateHighlights(r, '2025-01');
    expect(h[0]?.id).toBe('first-month');
    expect(h[0]?.text).toBe('January 2025 is the first month of the period: there is no earlier month to compare with.');
    expect(h[1]?.text).toBe('Active members: 40.');
    expect(h.length).toBe(3);
  });

  it('no data: one sentence saying so, for a silent month and for a month outside the report', () => {
    const r = handReport(monthRun('2025-01', 2), { active_members: [3, 0] });
    expect(generateHighlights(r)).toEqual([{ id: 'no-data', text: 'No community activity was recorded in February 2025.', tone: 'neutral' }]);
    expect(generateHighlights(r, '2030-01')[0]?.text).toBe('There are no figures for January 2030.');
    expect(generateHighlights(handReport([], {}))[0]?.id).toBe('no-data');
  });

  it('retention: the previous month\'s newcomers who came back', () => {
    const r = handReport(monthRun('2025-01', 2), { active_members: [40, 42], new_members: [40, 5] }, {
      retention: [{ cohort: '2025-01', size: 40, active: [40, 12], rate: [1, 0.3] }],
    });
    expect(generateHighlights(r).find((h) => h.id === 'retention')?.text).toBe(
      'Of the 40 members who joined in January 2025, 12 (30%) took part again in February 2025.',
    );
  });

  it('never more than six, even when everything moved', () => {
    const r = handReport(monthRun('2025-01', 2), {
      active_members: [10, 20],
      new_members: [10, 20],
      contributions: [10, 20],
      threads: [10, 20],
      median_ttfr_hours: [1, 5],
      unanswered_share: [0.1, 0.5],
      net_sentiment: [0.1, -0.2],
      stickiness: [0.1, 0.3],
      open_rate: [0.2, 0.4],
      subscribers_total: [10, 30],
    });
    const h = generateHighlights(r);
    expect(h).toHaveLength(6);
    expect(h.find((x) => x.id === 'net_sentiment')?.text).toBe('Net sentiment fell from +10% to −20%.'.replace('−', '-'));
  });
});

describe('formatting', () => {
  it('months, percents, hours and changes', () => {
    expect(monthLabel('2025-03')).toBe('March 2025');
    expect(monthLabel('2025-03', 'short')).toBe('Mar 2025');
    expect(fmtPercent(0.125)).toBe('12.5%');
    expect(fmtPercent(0.18, 0, true)).toBe('+18%');
    expect(fmtHours(0.5)).toBe('30 min');
    expect(fmtHours(6.78)).toBe('6.8 h');
    expect(fmtHours(72)).toBe('3 days');
    expect(fmtChange(0.2, 'relative')).toBe('+20%');
    expect(fmtChange(-0.032, 'points')).toBe('−3.2 pts');
    expect(fmtChange(null, 'points')).toBe('—');
  });

  it('counts with their noun, singular or plural (not "row(s)")', () => {
    expect(fmtCountOf(1, 'row')).toBe('1 row');
    expect(fmtCountOf(0, 'row')).toBe('0 rows');
    expect(fmtCountOf(12345, 'record')).toBe('12,345 records');
    expect(fmtCountOf(1, 'row has', 'rows have')).toBe('1 row has');
    expect(fmtCountOf(3, 'row has', 'rows have')).toBe('3 rows have');
  });

  it('kpisForMonth compares any month with the one before, relative for counts and points for rates', () => {
    const r = handReport(monthRun('2025-01', 3), { active_members: [100, 120, 90], unanswered_share: [0.1, 0.25, 0.2] });
    expect(kpisForMonth(r, '2025-02').active_members).toEqual({ value: 120, previous: 100, change: 0.2, changeKind: 'relative' });
    expect(kpisForMonth(r, '2025-02').unanswered_share.change).toBeCloseTo(0.15);
    expect(kpisForMonth(r, '2025-01').active_members.previous).toBeNull();
    expect(kpisForMonth(r, '2025-03')).toBe(r.kpis);
  });
});
