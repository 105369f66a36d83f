import { dateProblem } from '../../parse/dates';
import { parseNumber } from '../../parse/numbers';
import { cell, columnIndex, headerCoverage } from '../columns';
import { IdDamage, isExcelDamagedId, isoDay, readDate, readDay, rowError } from '../read';
import type { TableAdapter } from '../types';

export const X = 'x';

const count = (row: string[], i: number, decimalComma?: boolean) =>
  parseNumber(cell(row, i), decimalComma) ?? 0;

/**
 * The account analytics exports' column names as X writes them for a Japanese interface (the
 * header follows the UI language; values, dates included, do not): `ポストID,日付,ポスト本文,
 * ポストのリンク,インプレッション数,いいね,エンゲージメント,…` for `Post id,Date,Post text,Post Link,
 * Impressions,Likes,Engagements,…`. Keys stay the English names', so the same post or day read
 * from either file is the same record.
 */
const JAPANESE: Readonly<Record<string, string>> = {
  ポストid: 'post id',
  日付: 'date',
  ポスト本文: 'post text',
  ポストのリンク: 'post link',
  インプレッション数: 'impressions',
  いいね: 'likes',
  エンゲージメント: 'engagements',
  ブックマーク: 'bookmarks',
  共有された回数: 'shares',
  新しいフォロー: 'new follows',
  フォロー解除: 'unfollows',
  返信: 'replies',
  リポスト: 'reposts',
  プロフィールへのアクセス数: 'profile visits',
  詳細のクリック数: 'detail expands',
  urlのクリック数: 'url clicks',
  ハッシュタグのクリック数: 'hashtag clicks',
  パーマリンクのクリック数: 'permalink clicks',
};

/** A normalised header with localised account analytics names read as the English ones. */
export function xAnalyticsHeader(header: string[]): string[] {
  return header.some((h) => h in JAPANESE) ? header.map((h) => JAPANESE[h] ?? h) : header;
}

/** The id in a status permalink (`…/status/1226922834564386816`), which Excel cannot damage. */
function idFromLink(link: string): string | null {
  return /\/status(?:es)?\/(\d+)/.exec(link)?.[1] ?? null;
}

/** Where the two X post exports differ: column names, how issues name them, the date shape. */
interface PostColumns {
  /** Normalised header names. */
  id: string;
  link: string;
  text: string;
  time: string;
  /** The id and time columns as issues name them. */
  idLabel: string;
  timeLabel: string;
  /** A timestamp as the export writes it, for the "not a date" message. */
  timeExample: string;
}

/**
 * One social post per row, key `x:<post id>` (from the permalink when Excel damaged the id), for
 * both X post exports: they differ only in the names of their columns and the shape of their dates.
 */
function postRowMapper(names: PostColumns): TableAdapter['start'] {
  return (ctx, header) => {
    const col = {
      id: columnIndex(header, names.id),
      link: columnIndex(header, names.link),
      text: columnIndex(header, names.text),
      time: columnIndex(header, names.time),
      impressions: columnIndex(header, 'impressions'),
      engagements: columnIndex(header, 'engagements'),
    };
    const damage = new IdDamage();
    return {
      mapRow(row, rowNumber, out, issues) {
        const rawId = cell(row, col.id);
        const link = cell(row, col.link);
        const id = (isExcelDamagedId(rawId) ? idFromLink(link) : null) ?? rawId;
        if (id === rawId) damage.check(names.idLabel, rawId, rowNumber);
        if (!id) return rowError(ctx, issues, rowNumber, names.idLabel, `Missing ${names.idLabel}`);
        const timeRaw = cell(row, col.time);
        const at = readDate(ctx, names.time, timeRaw);
        if (at === null)
          return rowError(
            ctx,
            issues,
            rowNumber,
            names.timeLabel,
            dateProblem(timeRaw, `e.g. ${names.timeExample}`),
          );
        const text = cell(row, col.text);
        out.socialPosts.push({
          key: `${X}:${id}`,
          source: X,
          publishedAt: at,
          impressions: count(row, col.impressions, ctx.decimalComma),
          engagements: count(row, col.engagements, ctx.decimalComma),
          ...(text ? { text } : {}),
          ...(link ? { url: link } : {}),
        });
        return true;
      },
      finish(_out, issues) {
        damage.report(ctx, issues);
      },
    };
  };
}

/**
 * Legacy X/Twitter tweet activity export (40 quoted columns; 2015 files say `favorites`). One social
 * post per row, key `x:<tweet id>` (from the permalink when Excel damaged the id), published at
 * `time` (`2020-02-10 18:00 +0000`), counts like `"1203.0"`, promoted columns `-`.
 */
export const xTweetActivity: TableAdapter = {
  kind: 'table',
  format: 'x-tweet-activity',
  label: 'X (Twitter) tweet activity',
  detect(header) {
    const c = headerCoverage(header, [
      'tweet id',
      'tweet permalink',
      'tweet text',
      'time',
      'impressions',
      'engagements',
    ]);
    return c >= 0.8 ? 0.9 + c * 0.05 : 0;
  },
  start: postRowMapper({
    id: 'tweet id',
    link: 'tweet permalink',
    text: 'tweet text',
    time: 'time',
    idLabel: 'Tweet id',
    timeLabel: 'time',
    timeExample: '2020-02-10 18:00 +0000',
  }),
};

/**
 * The newer X account analytics "content" export (`Post id,Date,Post text,Post Link,Impressions,
 * Likes,Engagements,…`). Dates are days (`Tue, Jul 14, 2026`): midnight in the import zone. Keys
 * share the legacy export's namespace, so the same post in both files counts once.
 */
export const xAccountContent: TableAdapter = {
  kind: 'table',
  format: 'x-account-content',
  label: 'X account analytics (posts)',
  detect(localised) {
    const header = xAnalyticsHeader(localised);
    const c = headerCoverage(header, [
      'post id',
      'date',
      'post text',
      'post link',
      'impressions',
      'engagements',
    ]);
    return c >= 0.8 && header.includes('post id') ? 0.9 : 0;
  },
  start: (ctx, header) =>
    postRowMapper({
      id: 'post id',
      link: 'post link',
      text: 'post text',
      time: 'date',
      idLabel: 'Post id',
      timeLabel: 'Date',
      timeExample: 'Tue, Jul 14, 2026',
    })(ctx, xAnalyticsHeader(header)),
};

/**
 * Daily-series exports: a `Date` column and numeric columns, each becoming a named daily series
 * (`<prefix>: <column>`), keyed by source, column and day.
 */
export function dailySeriesMapper(source: string, prefix: string, dateName: string) {
  return (ctx: Parameters<TableAdapter['start']>[0], header: string[]): ReturnType<TableAdapter['start']> => {
    const labels = ctx.headerLabels ?? header;
    const dateCol = columnIndex(header, dateName);
    const valueCols = header.map((name, i) => ({ name, i })).filter((c) => c.i !== dateCol && c.name !== '');
    return {
      mapRow(row, rowNumber, out, issues) {
        const raw = cell(row, dateCol);
        const day = readDay(ctx, dateName, raw);
        if (day === null)
          return rowError(ctx, issues, rowNumber, dateName, dateProblem(raw, undefined, { noun: 'day' }));
        for (const c of valueCols) {
          const value = parseNumber(cell(row, c.i), ctx.decimalComma);
          if (value === null) continue;
          out.dailyValues.push({
            key: `${source}:daily:${c.name}:${isoDay(day)}`,
            source,
            series: `${prefix}: ${labels[c.i] ?? c.name}`,
            day,
            value,
          });
        }
        return true;
      },
    };
  };
}

/** X account overview (`Date,Impressions,Engagements,Likes,…,New follows,Unfollows`): daily series. */
export const xAccountOverview: TableAdapter = {
  kind: 'table',
  format: 'x-account-overview',
  label: 'X account analytics (overview)',
  detect(localised) {
    const header = xAnalyticsHeader(localised);
    const c = headerCoverage(header, [
      'date',
      'impressions',
      'engagements',
      'likes',
      'new follows',
      'unfollows',
      'replies',
      'reposts',
    ]);
    return c >= 0.6 && header.includes('date') && !header.includes('post id') ? 0.55 + c * 0.35 : 0;
  },
  start: (ctx, header) => {
    // A translated header names its series in English too (`x: Impressions`), as its keys do: one
    // series whichever language the export was taken in.
    const english = xAnalyticsHeader(header);
    const labels =
      english === header
        ? {}
        : { headerLabels: english.map((h) => (h ? h[0]!.toUpperCase() + h.slice(1) : h)) };
    return dailySeriesMapper(X, 'x', 'date')({ ...ctx, ...labels }, english);
  },
};
