/** The metric engine's public API (metrics.md). */
export { activityAt, prepareDataset, scoresText, type Dataset, type PrepareInput } from './dataset';
export { ActivityTableBuilder, activityTableOf, type ActivityTable } from './activity-table';
export { buildReport, computeReport, fullMetrics, resolvePeriod, type BuildOptions } from './report';
export { reportJson } from './report-json';
export { CHANGE_KIND, change, changeSeries } from './changes';
export { forumRepliesMissing } from './responsiveness';
export * from './members';
export * from './types';
