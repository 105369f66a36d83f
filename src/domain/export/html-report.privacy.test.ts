/**
 * The HTML report carries aggregates only (issue 6): imports the sample exports exactly as the
 * `hearth` command does, renders the report, and looks for every member text and every email.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports -- the test reads files from disk the way the command does
import { expandInputs, readExports } from '../../cli/inputs';
import { computeReport } from '../metrics';
import type { HearthReport } from '../metrics/types';
import { parseCsvText } from '../parse/csv';
import { renderHtmlReport } from './html-report';

const SAMPLE = resolve(import.meta.dirname, '../../../sample-data');

let report: HearthReport;
let texts: string[];
let emails: string[];
let names: string[];

beforeAll(async () => {
  const warnings: string[] = [];
  const files = await expandInputs([SAMPLE], (l) => warnings.push(l));
  const { records, sources } = await readExports(files, 'UTC', (l) => warnings.push(l));
  report = computeReport(records, { timeZone: 'UTC', sourceSummaries: sources });
  // Every member-written text the import kept, plus the posts file's `raw` column read directly.
  const rows: string[][] = [];
  parseCsvText(await readFile(join(SAMPLE, 'discourse-posts.csv'), 'utf8'), (chunk) => rows.push(...chunk));
  const rawAt = rows[0]!.indexOf('raw');
  const raw = rows.slice(1).map((r) => r[rawAt] ?? '');
  texts = [
    ...new Set(
      [...raw, ...records.activities.map((a) => a.text ?? '')]
        .map((t) => t.trim())
        .filter((t) => t.length >= 20),
    ),
  ];
  emails = [
    ...new Set(
      [...records.persons.map((p) => p.email ?? ''), ...records.subscriptions.map((s) => s.email)].filter(
        (e) => e.includes('@'),
      ),
    ),
  ];
  names = report.topContributors.map((c) => c.name);
}, 60_000);

describe('the HTML report holds no member text and no email from the imported data', () => {
  it('the sample really has texts, emails and named contributors to leak', () => {
    expect(texts.length).toBeGreaterThanOrEqual(20);
    expect(emails.length).toBeGreaterThan(200);
    expect(names.length).toBe(10);
  });

  for (const includeNames of [false, true]) {
    it(`includeNames: ${includeNames}`, () => {
      const html = renderHtmlReport(report, {
        includeNames,
        notes: { [report.period.to]: 'Our own note about the month.' },
      });
      const lower = html.toLowerCase();
      const leakedTexts = texts.filter(
        (t) =>
          html.includes(t) ||
          html.includes(
            t
              .replace(/&/g, '&amp;')
              .replace(/</g, '&lt;')
              .replace(/>/g, '&gt;')
              .replace(/"/g, '&quot;')
              .replace(/'/g, '&#39;'),
          ),
      );
      expect(leakedTexts).toEqual([]);
      expect(emails.filter((e) => lower.includes(e.toLowerCase()))).toEqual([]);
      expect(html).not.toMatch(/[^\s@<>"']+@[^\s@<>"']+\.[a-z]{2,}/i);
      // Names appear only when asked for.
      const shown = names.filter((n) =>
        html.includes(n.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;')),
      );
      expect(shown.length).toBe(includeNames ? names.length : 0);
      expect(html).toContain('Our own note about the month.');
    });
  }
});
