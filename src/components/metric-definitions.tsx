import type { ReactNode } from 'react';

/** Short definitions quoted from shared/spec/metrics.md, shown under "How is this computed?". */
export const DEFINITIONS = {
  active_members:
    'active_members: distinct members with ≥ 1 community activity (post, reply, chat message, reaction, event attendance) in the month.',
  new_members:
    'new_members: members with first_seen in the month — the earliest of their roster join dates (any source) and their first community activity.',
  growth:
    'First-time contributors (new_active): members active in m with no community activity before m — unlike new members, a roster join alone does not count. Retained members (retained): active in m and in m−1. Returning members (resurrected): active in m, not in m−1, and active in some month before m−1. Members who went quiet (churned): active in m−1 and not in m (drawn below zero).',
  quick_ratio: 'quick_ratio: (new_active + resurrected) ÷ churned; no value when churned is 0.',
  retention:
    'For every month c with new members: the cohort is those members, size = their number, and for k = 0 … (last month of the period − c): active[k] = cohort members with ≥ 1 community activity in month c+k, rate[k] = active[k] ÷ size. (rate[0] below 1 means some members joined without taking part.)',
  median_ttfr_hours:
    'median_ttfr_hours: over threads started in m that have a first response, the median of (first response − thread start) in hours. The first response is the earliest reply in the thread by a person other than the thread’s author; bots’ replies are not responses.',
  unanswered_share:
    'unanswered_share: threads started in m with no first response anywhere in the data ÷ threads started in m; no value when 0 threads.',
  unanswered_threads:
    'Threads (posts that start a topic) started in the period with no reply by anyone other than their author anywhere in the data, oldest first.',
  newsletter_rates:
    'open_rate, click_rate: Σ unique opens ÷ Σ delivered; Σ unique clicks ÷ Σ delivered over campaigns sent in m. click_to_open: Σ unique clicks ÷ Σ unique opens. Delivered is the export’s delivered count, else sent − bounces. Substack exports hold no clicks: their issues count 0 clicks here, which lowers the click rate of a month that also holds campaigns from elsewhere (their clicks show as “—” in the table).',
  campaigns_sent:
    'campaigns_sent: newsletter campaigns whose send time is in m. emails_delivered: Σ delivered over those campaigns.',
  subscribers:
    'subscribers_total: subscribe events up to the end of m minus unsubscribe/cleaned events up to the end of m. subscribers_net: subscribe events in m − unsubscribe/cleaned events in m.',
  social:
    'social_posts: social posts published in m; impressions, engagements: Σ over those posts; engagement_rate: Σ engagements ÷ Σ impressions.',
  events:
    'events: distinct events with ≥ 1 attend in m; attendees: attend activities in m (a registration or RSVP alone is not an attendance).',
  top_contributors:
    'The 10 members with the most community activities inside the report period, most first; ties by display name ascending.',
  quiet:
    'Members active (≥ 1 community activity) in the month before, and not in the chosen month — the people behind that month’s churned count.',
  contributions: 'contributions: number of community activities in m.',
} as const;

export function Definition({
  children,
  source = 'Hearth metric contract (docs/metrics.md)',
}: {
  children: ReactNode;
  source?: string;
}) {
  return (
    <blockquote className="quote">
      <p>{children}</p>
      <footer>— {source}</footer>
    </blockquote>
  );
}
