import { parseCsvText, sniffDelimiter } from '../../parse/csv';
import { dateProblem } from '../../parse/dates';
import { parseNumber as readNumber } from '../../parse/numbers';
import { readDate } from '../read';
import type { DocumentAdapter } from '../types';
import { mailchimpCampaign } from './common';

const label = (k: string) => k.trim().replace(/:$/, '').trim().toLowerCase();

/** `"Combination 2 Stats"`: the heading of one variant's figures in an A/B test's report. */
const COMBINATION = /^\s*combination\s+\d+\s+stats\s*$/i;
/** `"Overall Stats"`: the heading of the whole campaign's figures. */
const OVERALL = /^\s*overall\s+stats\s*$/i;

/** The count lines read, each under every name it goes by (`Total Unsubs:` in Mailchimp's own reports). */
const COUNTS = {
  recipients: ['total recipients'],
  delivered: ['successful deliveries'],
  bounces: ['bounces', 'total bounces'],
  opens: ['recipients who opened', 'unique opens'],
  clicks: ['recipients who clicked', 'unique clicks'],
  unsubscribes: ['total unsubs', 'unsubscribes', 'total unsubscribes', 'unsubscribed'],
};

/** Lines whose figure is a whole count (`1,751`, `1.751`, `9 (0.5%)`): the evidence of the report's number format. */
const COUNT_LABELS = new Set([
  ...Object.values(COUNTS).flat(),
  'total opens',
  'total clicks',
  'times forwarded',
  'forwarded opens',
]);

/** Which of two patterns more of `values` match: true for the first, false for the second, null for a tie. */
function vote(values: readonly string[], first: RegExp, second: RegExp): boolean | null {
  let a = 0;
  let b = 0;
  for (const v of values) {
    if (first.test(v)) a++;
    if (second.test(v)) b++;
  }
  return a === b ? null : a > b;
}

/**
 * Whether the report writes numbers with a decimal comma, from its count lines. Counts are whole, so
 * a separator followed by three digits groups thousands: `1.751` means a decimal comma, `1,751` a
 * decimal point. Else the rate beside a count says it (`9 (0,5%)` / `9 (0.5%)`). Null when nothing
 * tells (then counts under 1,000 read the same either way).
 */
export function reportDecimalComma(counts: readonly string[]): boolean | null {
  return (
    vote(counts, /^\d{1,3}(\.\d{3})+(?:\s*\(|$)/, /^\d{1,3}(,\d{3})+(?:\s*\(|$)/) ??
    vote(counts, /\d,\d{1,2}\s*%/, /\d\.\d{1,2}\s*%/)
  );
}

/**
 * A single-campaign report: a key/value document (`"Total Recipients:","1,751"`,
 * `"Bounces:","9 (0.5%)"`, `"Recipients Who Opened:","595 (34.2%)"`, `"Total Unsubs:","5"`)
 * followed by click tables. One campaign record, keyed like the all-campaigns report's row for the
 * same campaign. An A/B test's report without an `Overall Stats` section gives each variant's
 * figures under its own `Combination N Stats` heading: the campaign's figures are their sums.
 * Re-saved by a European spreadsheet it reads `"Total Recipients:";"1.751"`, `"Bounces:";"9 (0,5%)"`:
 * the number format is decided from the report's own counts (else from its `;` delimiter).
 */
export const mailchimpCampaignReport: DocumentAdapter = {
  kind: 'document',
  format: 'mailchimp-campaign-report',
  label: 'Mailchimp campaign report',
  detect(_fileName, head) {
    if (!/^\W*Total Recipients:\W*[,;\t]/im.test(head)) return 0;
    return /(Successful Deliveries|Recipients Who Opened|Bounces):/i.test(head) ? 0.9 : 0.6;
  },
  map(ctx, text, out, issues) {
    const values = new Map<string, string>();
    const combinations: Map<string, string>[] = [];
    /** The `Overall Stats` section's own figures, wherever it stands (before or after the combinations). */
    let overall: Map<string, string> | null = null;
    let section: Map<string, string> | null = null;
    const counts: string[] = [];
    parseCsvText(text, (rows) => {
      for (const row of rows) {
        const first = row[0] ?? '';
        if (
          row.filter((c) => c.trim() !== '').length === 1 &&
          (COMBINATION.test(first) || OVERALL.test(first))
        ) {
          if (COMBINATION.test(first)) combinations.push((section = new Map()));
          else section = overall ??= new Map();
          continue;
        }
        if (row.length < 2 || !/:\s*$/.test(first)) continue;
        const k = label(first);
        const v = (row[1] ?? '').trim();
        if (!values.has(k)) values.set(k, v);
        if (COUNT_LABELS.has(k)) counts.push(v);
        const current = section as Map<string, string> | null;
        if (current && !current.has(k)) current.set(k, v);
      }
    });
    // The import's setting (a `;` table) does not reach documents: the delimiter parseCsvText sniffed.
    const decimalComma =
      reportDecimalComma(counts) ?? ctx.decimalComma ?? sniffDelimiter(text.slice(0, 64 * 1024)) === ';';
    const parseNumber = (raw: string) => readNumber(raw, decimalComma);
    const firstOf = (map: Map<string, string>, keys: string[]) =>
      keys.map((k) => map.get(k)).find((v) => v !== undefined && v !== '') ?? '';
    const first = (...keys: string[]) => firstOf(values, keys);
    const summed = !overall && combinations.length > 1;
    /** A count: the report's figure (its Overall Stats' when it has them), or an A/B test's summed over its combinations. */
    const num = (names: string[]): number | null => {
      if (overall) return parseNumber(firstOf(overall, names) || firstOf(values, names));
      if (!summed) return parseNumber(firstOf(values, names));
      let total: number | null = null;
      for (const c of combinations) {
        const n = parseNumber(firstOf(c, names));
        if (n !== null) total = (total ?? 0) + n;
      }
      return total;
    };
    const fail = (column: string, message: string) => {
      issues.push({
        file: ctx.fileName,
        column,
        severity: 'error',
        message: `${message}; nothing imported.`,
      });
      return { rows: 1, skipped: 1 };
    };
    const title = first('title', 'campaign name', 'name', 'subject line', 'subject');
    const sentRaw = first('delivery date/time', 'send date', 'sent', 'date sent', 'delivery date', 'sent on');
    if (!sentRaw)
      return fail(
        'Delivery Date/Time',
        'The report has no delivery date (expected a "Delivery Date/Time:" line)',
      );
    const sentAt = readDate(ctx, 'delivery date/time', sentRaw);
    if (sentAt === null)
      return fail('Delivery Date/Time', dateProblem(sentRaw, undefined, { shown: sentRaw.slice(0, 40) }));
    const recipients = num(COUNTS.recipients);
    const delivered =
      num(COUNTS.delivered) ?? (recipients !== null ? recipients - (num(COUNTS.bounces) ?? 0) : null);
    if (delivered === null)
      return fail(
        'Successful Deliveries',
        'The report has no "Successful Deliveries:" or "Total Recipients:" line',
      );
    out.campaigns.push(
      mailchimpCampaign(
        sentAt,
        title,
        {
          recipients,
          delivered,
          uniqueOpens: num(COUNTS.opens),
          uniqueClicks: num(COUNTS.clicks),
          unsubscribes: num(COUNTS.unsubscribes),
        },
        ctx.timeZone,
      ),
    );
    return { rows: 1, skipped: 0 };
  },
};
