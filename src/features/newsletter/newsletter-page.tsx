import { When } from '../../components/when';
import { DataTable } from '../../components/data-table';
import { QueryCard } from '../../components/query-card';
import { formatPercent, formatPercentFixed } from '../../components/format';
import { Definition, DEFINITIONS } from '../../components/metric-definitions';
import { SeriesPanel } from '../../components/series-panel';
import type { CampaignRecord } from '../../domain/model/records';
import { allEmpty, ReportPage } from '../filters/report-page';
import { useCampaigns } from './api/get-campaigns';
import { useEmptyReason } from '../filters/use-empty-reason';
import type { EmptySpec } from '../filters/empty-reason';

const CAMPAIGNS = {
  kinds: ['campaigns'],
  noun: 'campaigns',
  goal: 'to list campaigns with their open and click rates',
  importHint:
    'Import a Mailchimp campaigns report (or a Substack/beehiiv posts export) to list campaigns with their open and click rates.',
} satisfies EmptySpec;

const pct = (v: number | null) => formatPercentFixed(v);
const rate = (a: number, b: number) => (b > 0 ? a / b : null);

function CampaignTable() {
  const q = useCampaigns();
  const why = useEmptyReason()(CAMPAIGNS);
  return (
    <QueryCard title="Campaigns" query={q} emptyTitle={why.title} empty={why.text}>
      {(rows) => (
        <DataTable<CampaignRecord>
          caption="Newsletter campaigns sent in the period"
          captionHidden
          rows={rows}
          rowKey={(c) => c.key}
          initialSort={{ id: 'sent', dir: 'descending' }}
          columns={[
            { id: 'title', label: 'Campaign', value: (c) => c.title },
            { id: 'sent', label: 'Sent', value: (c) => c.sentAt, render: (c) => <When at={c.sentAt} /> },
            { id: 'delivered', label: 'Delivered', numeric: true, value: (c) => c.delivered },
            { id: 'opens', label: 'Unique opens', numeric: true, value: (c) => c.uniqueOpens },
            {
              id: 'open-rate',
              label: 'Open rate',
              numeric: true,
              value: (c) => rate(c.uniqueOpens, c.delivered),
              render: (c) => pct(rate(c.uniqueOpens, c.delivered)),
            },
            // An export without clicks (Substack) shows "—": not the 0 the monthly sums count for it.
            { id: 'clicks', label: 'Unique clicks', numeric: true, value: (c) => (c.clicksMissing ? null : c.uniqueClicks) },
            {
              id: 'click-rate',
              label: 'Click rate',
              numeric: true,
              value: (c) => (c.clicksMissing ? null : rate(c.uniqueClicks, c.delivered)),
              render: (c) => (c.clicksMissing ? '—' : pct(rate(c.uniqueClicks, c.delivered))),
            },
            { id: 'unsubs', label: 'Unsubscribes', numeric: true, value: (c) => c.unsubscribes ?? null },
          ]}
        />
      )}
    </QueryCard>
  );
}

export function NewsletterPage() {
  const why = useEmptyReason();
  return (
    <ReportPage id="newsletter" title="Newsletter">
      {(r) => {
        const s = r.series;
        const noCampaigns = allEmpty(s.campaigns_sent);
        const noRates = noCampaigns
          ? why({
              ...CAMPAIGNS,
              goal: 'to see open and click rates',
              importHint: 'Import a Mailchimp campaigns report or a Substack export to see open and click rates.',
            }).text
          : undefined;
        const noSends = noCampaigns
          ? why({
              ...CAMPAIGNS,
              goal: 'to see campaigns sent and emails delivered per month',
              importHint:
                'Import a Mailchimp campaigns report or a Substack export to see how many campaigns went out and how many emails were delivered each month.',
            }).text
          : undefined;
        return (
          <>
            <SeriesPanel
              title="Open and click rates"
              definition={<Definition>{DEFINITIONS.newsletter_rates}</Definition>}
              empty={noRates}
              months={r.months}
              unit="% of delivered"
              minStep={0.01}
              format={(v) => formatPercent(v, 0)}
              series={[
                { key: 'open', label: 'Open rate', color: 'var(--c1)', values: s.open_rate, format: pct },
                {
                  key: 'click',
                  label: 'Click rate',
                  color: 'var(--c2)',
                  values: s.click_rate,
                  format: pct,
                  dashed: true,
                },
                {
                  key: 'cto',
                  label: 'Click-to-open',
                  color: 'var(--c3)',
                  values: s.click_to_open,
                  format: pct,
                  dash: '2 3',
                },
              ]}
            />
            {/* Two charts, each on its own scale (as Events does): a few campaigns a month beside
              thousands of emails would be a flat line at zero. */}
            <SeriesPanel
              title="Emails delivered"
              definition={<Definition>{DEFINITIONS.campaigns_sent}</Definition>}
              empty={noSends}
              months={r.months}
              unit="emails delivered"
              series={[
                { key: 'sent', label: 'Campaigns sent', values: s.campaigns_sent, tableOnly: true },
                {
                  key: 'delivered',
                  label: 'Emails delivered',
                  color: 'var(--c1)',
                  values: s.emails_delivered,
                },
              ]}
            />
            <SeriesPanel
              title="Campaigns sent"
              definition={<Definition>{DEFINITIONS.campaigns_sent}</Definition>}
              empty={noSends}
              months={r.months}
              unit="campaigns"
              series={[
                {
                  key: 'sent',
                  label: 'Campaigns sent',
                  color: 'var(--c2)',
                  values: s.campaigns_sent,
                  dashed: true,
                },
                { key: 'delivered', label: 'Emails delivered', values: s.emails_delivered, tableOnly: true },
              ]}
            />
            <SeriesPanel
              title="Subscribers"
              definition={<Definition>{DEFINITIONS.subscribers}</Definition>}
              empty={
                allEmpty(s.subscribers_total, s.subscribers_net)
                  ? why({
                      kinds: ['subscriptions'],
                      noun: 'subscriber lists',
                      goal: 'to see subscribers over time',
                      importHint:
                        'Import a Mailchimp audience export (or a Substack/beehiiv subscriber list) to see subscribers over time.',
                    }).text
                  : undefined
              }
              months={r.months}
              unit="subscribers"
              series={[
                {
                  key: 'total',
                  label: 'Subscribers at month end',
                  color: 'var(--c1)',
                  values: s.subscribers_total,
                },
                {
                  key: 'net',
                  label: 'Net change',
                  color: 'var(--c2)',
                  values: s.subscribers_net,
                  dashed: true,
                },
              ]}
            />
            <CampaignTable />
          </>
        );
      }}
    </ReportPage>
  );
}
