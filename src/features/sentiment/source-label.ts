const NAMES: Record<string, string> = {
  discourse: 'Discourse',
  slack: 'Slack',
  discord: 'Discord',
  mailchimp: 'Mailchimp',
  meetup: 'Meetup',
  luma: 'Luma',
  github: 'GitHub',
};

/** A source namespace (`discourse`) as people name it (`Discourse`). */
export function sourceLabel(source: string): string {
  return NAMES[source] ?? (source ? source[0]!.toUpperCase() + source.slice(1) : source);
}
