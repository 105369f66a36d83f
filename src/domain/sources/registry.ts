import type { ArchiveAdapter, DocumentAdapter, TableAdapter } from './types';
import { discourseUserList } from './discourse/user-list';
import { discoursePosts } from './discourse/posts';
import { discourseLikes } from './discourse/likes';
import { discourseUserArchive } from './discourse/user-archive';
import { discourseReport } from './discourse/report';
import { slackMembers } from './slack/members';
import { slackExport } from './slack/export';
import { discordCsv } from './discord/csv';
import { discordJson } from './discord/json';

/** Every supported format (shared/spec/formats.md). Add an adapter here and it is detected everywhere. */
export interface AdapterRegistry {
  tables: readonly TableAdapter[];
  documents: readonly DocumentAdapter[];
  archives: readonly ArchiveAdapter[];
}

export const REGISTRY: AdapterRegistry = {
  tables: [discourseUserList, discoursePosts, discourseLikes, discourseUserArchive, discourseReport, slackMembers, discordCsv],
  documents: [discordJson],
  archives: [slackExport],
};

export function formatLabel(format: string, registry: AdapterRegistry = REGISTRY): string {
  const all = [...registry.tables, ...registry.documents, ...registry.archives];
  return all.find((a) => a.format === format)?.label ?? format;
}
