const NAMES: Record<string, string> = {
  discourse: 'Discourse',
  slack: 'Slack',
  discord: 'Discord',
  mailchimp: 'Mailchimp',
  meetup: 'Meetup',
  luma: 'Luma',
  github: 'GitHub',
  x: 'X',
  linkedin: 'LinkedIn',
  beehiiv: 'beehiiv',
  eventbrite: 'Eventbrite',
  substack: 'Substack',
};

/** A source namespace (`discourse`) as people name it (`Discourse`). */
export function sourceLabel(source: string): string {
  return NAMES[source] ?? (source ? source[0]!.toUpperCase() + source.slice(1) : source);
}
