import { dateProblem } from '../../parse/dates';
import { parseNumber } from '../../parse/numbers';
import { cell, columnIndex } from '../columns';
import { readDate, rowError } from '../read';
import type { TableAdapter } from '../types';
import { dailySeriesMapper } from './x';

export const LINKEDIN = 'linkedin';

/**
 * LinkedIn page analytics saved as CSV from Excel: a notice line, then the header (found by
 * TableImport). The `Metrics` sheet (`Date, Impressions (organic), …`) and the `New followers`
 * sheet (`Date, Sponsored followers, Organic followers, …`) become daily series
 * (`linkedin: Impressions (organic)`, …). Dates `MM/DD/YYYY` are settled from the column.
 */
export const linkedinPage: TableAdapter = {
  kind: 'table',
  format: 'linkedin-page',
  label: 'LinkedIn page analytics',
  detect(header) {
    if (!header.includes('date')) return 0;
    const linkedin = header.filter(
      (h) =>
        /\((organic|sponsored|total)\)$/.test(h) ||
        /^(organic|sponsored|auto-invited|total) followers$/.test(h),
    ).length;
    return linkedin >= 2 ? 0.9 : 0;
  },
  start: dailySeriesMapper(LINKEDIN, 'linkedin', 'date'),
};

/**
 * LinkedIn page "All posts" sheet (`Post title, Post link, …, Created date, …, Impressions, …,
 * Clicks, Likes, Comments, Reposts, Follows, …`): social posts. Engagements = clicks + likes +
 * comments + reposts + follows (LinkedIn's own engagement-rate numerator). Older page exports
 * (`<page>_updates_<n>.xls`, sheet "Update engagement") name the same columns `Update title,
 * Update link, Update type` and say `Shares` for reposts: read alike, keyed by the link as well.
 */
export const linkedinPosts: TableAdapter = {
  kind: 'table',
  format: 'linkedin-posts',
  label: 'LinkedIn page posts',
  detect(header) {
    return (header.includes('post link') || header.includes('update link')) &&
      header.includes('created date') &&
      header.includes('impressions')
      ? 0.9
      : 0;
  },
  start(ctx, header) {
    const col = {
      title: columnIndex(header, 'post title', 'update title'),
      link: columnIndex(header, 'post link', 'update link'),
      created: columnIndex(header, 'created date'),
      impressions: columnIndex(header, 'impressions'),
      parts: [['clicks'], ['likes'], ['comments'], ['reposts', 'shares'], ['follows']].map((n) =>
        columnIndex(header, ...n),
      ),
    };
    const linkLabel = header[col.link] === 'update link' ? 'Update link' : 'Post link';
    return {
      mapRow(row, rowNumber, out, issues) {
        const link = cell(row, col.link);
        if (!link) return rowError(ctx, issues, rowNumber, linkLabel, `Missing ${linkLabel}`);
        const raw = cell(row, col.created);
        const at = readDate(ctx, 'created date', raw);
        if (at === null) return rowError(ctx, issues, rowNumber, 'Created date', dateProblem(raw));
        const title = cell(row, col.title);
        out.socialPosts.push({
          key: `${LINKEDIN}:${link}`,
          source: LINKEDIN,
          publishedAt: at,
          impressions: parseNumber(cell(row, col.impressions), ctx.decimalComma) ?? 0,
          engagements: col.parts.reduce((s, i) => s + (parseNumber(cell(row, i), ctx.decimalComma) ?? 0), 0),
          ...(title ? { text: title } : {}),
          url: link,
        });
        return true;
      },
    };
  },
};
