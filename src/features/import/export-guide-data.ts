/**
 * Which exports Hearth reads and where each tool hides it: the Import page's guide. The longer
 * account, with what each file becomes, is docs/exports.md; the Data Explorer queries are the same
 * text there (export-guide.test.ts compares them).
 */

export interface GuideQuery {
  /** What the query's CSV holds, e.g. "Posts". */
  label: string;
  sql: string;
}

export interface GuideEntry {
  /** The export's name as the tool gives it. */
  name: string;
  /** Where to click, in the tool's own words. */
  how: string;
  /** What Hearth takes from it, after "Gives:" (lower case). */
  gives: string;
  queries?: GuideQuery[];
}

export interface GuidePlatform {
  platform: string;
  entries: GuideEntry[];
}

export const DISCOURSE_POSTS_SQL = `SELECT p.id AS post_id,
       p.topic_id,
       p.post_number,
       u.username,
       to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
       t.title AS topic_title,
       c.name AS category,
       p.raw
FROM posts p
JOIN topics t ON t.id = p.topic_id
JOIN users u ON u.id = p.user_id
LEFT JOIN categories c ON c.id = t.category_id
WHERE p.deleted_at IS NULL
  AND t.deleted_at IS NULL
  AND t.archetype = 'regular'
  AND p.post_type = 1
ORDER BY p.created_at`;

export const DISCOURSE_LIKES_SQL = `SELECT pa.post_id,
       u.username,
       to_char(pa.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at
FROM post_actions pa
JOIN users u ON u.id = pa.user_id
JOIN posts p ON p.id = pa.post_id
JOIN topics t ON t.id = p.topic_id
WHERE pa.post_action_type_id = 2
  AND pa.deleted_at IS NULL
  AND p.deleted_at IS NULL
  AND t.archetype = 'regular'
ORDER BY pa.created_at`;

export const EXPORT_GUIDE: readonly GuidePlatform[] = [
  {
    platform: 'Discourse (forum)',
    entries: [
      {
        name: 'User list',
        how: 'Admin → Users → Export. Discourse emails a zip (user-list-….zip): import it as it is.',
        gives: 'members and when they joined.',
      },
      {
        name: 'Posts and likes',
        how: 'Discourse has no export of all posts: with the Data Explorer plugin, Admin → Plugins → Data Explorer → New query, paste each query below, Run, then Download as CSV.',
        gives: 'topics, replies and likes: activity, response times and sentiment.',
        queries: [
          { label: 'Posts', sql: DISCOURSE_POSTS_SQL },
          { label: 'Likes', sql: DISCOURSE_LIKES_SQL },
        ],
      },
      {
        name: 'Dashboard reports',
        how: 'Admin → Reports → any report → Export.',
        gives: 'the report’s daily series, on the Platform reports page.',
      },
    ],
  },
  {
    platform: 'Mailchimp (newsletter)',
    entries: [
      {
        name: 'Audience',
        how: 'Audience → All contacts → Export Audience; import the zip as it is.',
        gives: 'subscribes and unsubscribes over time.',
      },
      {
        name: 'Campaigns',
        how: 'Analytics → Reports → Download all (or one campaign’s report → Download).',
        gives: 'campaigns sent, deliveries, open and click rates.',
      },
    ],
  },
  {
    platform: 'Substack and beehiiv (newsletter)',
    entries: [
      {
        name: 'Substack export',
        how: 'Settings → Exports → Create new export; import the zip as it is.',
        gives: 'subscribers, and each emailed post with its deliveries and opens.',
      },
      {
        name: 'beehiiv subscribers',
        how: 'Audience → Subscribers → Export.',
        gives: 'subscribes and unsubscribes over time.',
      },
    ],
  },
  {
    platform: 'Slack (chat)',
    entries: [
      {
        name: 'Workspace export',
        how: 'Workspace settings → Import/Export data → Export; import the zip as it is.',
        gives: 'messages, threads, replies and reactions.',
      },
      {
        name: 'Member analytics',
        how: 'Workspace settings → Analytics → Members → Export (not “Manage members → Export member list”, which has no join dates).',
        gives: 'members and when they joined.',
      },
    ],
  },
  {
    platform: 'Discord (chat)',
    entries: [
      {
        name: 'DiscordChatExporter',
        how: 'Discord has no export of its own: export each channel with DiscordChatExporter, as JSON (preferred: replies and who reacted) or CSV.',
        gives: 'messages, replies and reactions.',
      },
    ],
  },
  {
    platform: 'X and LinkedIn (social)',
    entries: [
      {
        name: 'X analytics',
        how: 'Analytics → Export data (posts, and the account overview).',
        gives: 'posts with impressions and engagements; the account’s daily series.',
      },
      {
        name: 'LinkedIn page analytics',
        how: 'Page admin → Analytics → Content, Followers or Visitors → Export; import the downloaded .xls as it is (or a sheet saved as CSV).',
        gives: 'posts with impressions and engagements; daily metrics and new followers.',
      },
    ],
  },
  {
    platform: 'Events',
    entries: [
      {
        name: 'Luma guests',
        how: 'Event → Manage → Guests → Download as CSV (keep the file name: it names the event).',
        gives: 'check-ins (attendance); registrations alone are audience.',
      },
      {
        name: 'Eventbrite attendees',
        how: 'Reporting → Attendee summary → Export CSV; enter the event date when Hearth asks.',
        gives: 'checked-in attendees.',
      },
      {
        name: 'Meetup',
        how: 'Event → Attendees → Download (enter the event date when asked); Group → Members → Export for the member list (a .xls that is really text: import it as it is).',
        gives: 'attendance; members and when they joined.',
      },
    ],
  },
  {
    platform: 'Anything else',
    entries: [
      {
        name: 'Any CSV',
        how: 'Drop it: Hearth asks which columns hold the date, the person, the kind of action and the text, and remembers your answer for files with the same columns.',
        gives: 'whatever you map: activities, with sentiment when there is text.',
      },
    ],
  },
];
