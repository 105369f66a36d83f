import type { ArchiveAdapter, DocumentAdapter, TableAdapter } from './types';
import { discourseUserList } from './discourse/user-list';
import { discoursePosts } from './discourse/posts';
import { discourseLikes } from './discourse/likes';
import { discourseUserArchive } from './discourse/user-archive';
import { discourseReport } from './discourse/report';
import { slackMembers } from './slack/members';
import { slackManageMembers } from './slack/manage-members';
import { slackExport } from './slack/export';
import { discordCsv } from './discord/csv';
import { discordJson } from './discord/json';
import { mailchimpAudience } from './mailchimp/audience';
import { mailchimpCampaigns } from './mailchimp/campaigns';
import { mailchimpCampaignReport } from './mailchimp/campaign-report';
import { substackEmailList, substackSubscribersExport } from './substack/email-list';
import { substackExport, substackPostsCsv, substackPostStats } from './substack/posts';
import { beehiivSubscribers } from './beehiiv/subscribers';
import { lumaGuests } from './events/luma';
import { eventbriteAttendees } from './events/eventbrite';
import { meetupAttendees, meetupMembers } from './events/meetup';
import { xAccountContent, xAccountOverview, xTweetActivity } from './social/x';
import { linkedinPage, linkedinPosts } from './social/linkedin';
import { makeGenericAdapter, type GenericMapping } from './generic/generic';

/** Every supported format (shared/spec/formats.md). Add an adapter here and it is detected everywhere. */
export interface AdapterRegistry {
  tables: readonly TableAdapter[];
  documents: readonly DocumentAdapter[];
  archives: readonly ArchiveAdapter[];
}

export const REGISTRY: AdapterRegistry = {
  tables: [
    discourseUserList,
    discoursePosts,
    discourseLikes,
    discourseUserArchive,
    discourseReport,
    mailchimpAudience,
    mailchimpCampaigns,
    substackEmailList,
    substackSubscribersExport,
    substackPostsCsv,
    substackPostStats,
    beehiivSubscribers,
    slackMembers,
    slackManageMembers,
    discordCsv,
    xTweetActivity,
    xAccountContent,
    xAccountOverview,
    linkedinPage,
    linkedinPosts,
    lumaGuests,
    eventbriteAttendees,
    meetupAttendees,
    meetupMembers,
  ],
  documents: [discordJson, mailchimpCampaignReport],
  archives: [slackExport, substackExport],
};

export function formatLabel(format: string, registry: AdapterRegistry = REGISTRY): string {
  const all = [...registry.tables, ...registry.documents, ...registry.archives];
  return all.find((a) => a.format === format)?.label ?? format;
}

/**
 * The registry for one file the user mapped by hand: their generic mapping is tried first (it
 * matches only a header holding every mapped column), then every known format.
 */
export function registryWithMapping(
  mapping: GenericMapping | undefined,
  registry: AdapterRegistry = REGISTRY,
): AdapterRegistry {
  if (!mapping) return registry;
  return { ...registry, tables: [makeGenericAdapter(mapping), ...registry.tables] };
}
