import { sourceLabel } from '../../components/source-label';
import { When } from '../../components/when';
import { DataTable } from '../../components/data-table';
import { QueryCard } from '../../components/query-card';
import { formatPercent, formatPercentFixed } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { SeriesPanel } from '../../components/series-panel';
import type { SocialPostRecord } from '../../domain/model/records';
import { allEmpty, ReportPage } from '../filters/report-page';
import { useSocialPosts } from './api/get-social-posts';
import { ExternalLink } from '../../components/external-link';
import { DailyReportsSection } from '../platform-reports/daily-reports-section';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptySpec } from '../filters/empty-reason';

/** The account-level daily exports shown above the posts (every platform's on the Platform reports page). */
const SOCIAL_SOURCES = ['x', 'linkedin'];

const EMPTY =
  'Import a LinkedIn or X (Twitter) post analytics export to see posts, impressions and engagement.';
const POSTS: EmptySpec = {
  kinds: ['social'],
  noun: 'social posts',
  goal: 'to see posts, impressions and engagement',
  importHint: EMPTY,
};

function excerpt(text: string | undefined): string {
  if (!text) return '(no text)';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function PostTable() {
  const q = useSocialPosts();
  const why = useEmptyReason()(POSTS);
  return (
    <QueryCard title="Posts" query={q} emptyTitle={why.title} empty={why.text}>
      {(rows) => (
        <DataTable<SocialPostRecord>
          caption="Social posts published in the period"
          captionHidden
          rows={rows}
          rowKey={(p) => p.key}
          initialSort={{ id: 'published', dir: 'descending' }}
          columns={[
            {
              id: 'text',
              label: 'Post',
              value: (p) => p.text ?? '',
              render: (p) => <ExternalLink url={p.url}>{excerpt(p.text)}</ExternalLink>,
            },
            { id: 'source', label: 'Source', value: (p) => sourceLabel(p.source) },
            {
              id: 'published',
              label: 'Published',
              value: (p) => p.publishedAt,
              render: (p) => <When at={p.publishedAt} />,
            },
            { id: 'impressions', label: 'Impressions', numeric: true, value: (p) => p.impressions },
            { id: 'engagements', label: 'Engagements', numeric: true, value: (p) => p.engagements },
            {
              id: 'rate',
              label: 'Engagement rate',
              numeric: true,
              value: (p) => (p.impressions > 0 ? p.engagements / p.impressions : null),
              render: (p) => formatPercentFixed(p.impressions > 0 ? p.engagements / p.impressions : null, 2),
            },
          ]}
        />
      )}
    </QueryCard>
  );
}

export function SocialPage() {
  const why = useEmptyReason();
  return (
    <ReportPage id="social" title="Social">
      {(r) => {
        const s = r.series;
        const empty = allEmpty(s.social_posts) ? why(POSTS).text : undefined;
        return (
          <>
            {/* Two charts, each on its own scale: engagements drawn beside impressions (often 30× larger) were a flat line. */}
            <SeriesPanel
              title="Impressions"
              definition={<Definition>{DEFINITIONS.social}</Definition>}
              empty={empty}
              months={r.months}
              unit="count"
              series={[
                { key: 'posts', label: 'Posts', values: s.social_posts, tableOnly: true },
                { key: 'impressions', label: 'Impressions', color: 'var(--c1)', values: s.impressions },
              ]}
            />
            <SeriesPanel
              title="Engagements"
              definition={<Definition>{DEFINITIONS.social}</Definition>}
              empty={empty}
              months={r.months}
              unit="count"
              series={[
                { key: 'posts', label: 'Posts', values: s.social_posts, tableOnly: true },
                {
                  key: 'engagements',
                  label: 'Engagements',
                  color: 'var(--c2)',
                  values: s.engagements,
                  dashed: true,
                },
              ]}
            />
            <SeriesPanel
              title="Engagement rate"
              definition={<Definition>{DEFINITIONS.social}</Definition>}
              empty={empty}
              months={r.months}
              unit="% of impressions"
              minStep={0.001}
              format={(v) => formatPercent(v, 1)}
              series={[
                {
                  key: 'rate',
                  label: 'Engagement rate',
                  color: 'var(--c3)',
                  values: s.engagement_rate,
                  format: (v) => formatPercentFixed(v, 2),
                },
              ]}
            />
            <DailyReportsSection sources={SOCIAL_SOURCES} empty={null} />
            <PostTable />
          </>
        );
      }}
    </ReportPage>
  );
}
