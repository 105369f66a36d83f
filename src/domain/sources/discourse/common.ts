/** Shared Discourse rules (formats.md): person keys, built-in bots, the extra-quotes quirk. */

export const DISCOURSE = 'discourse';

/** Persons are keyed by lower-cased username: posts and likes name users that way. */
export function discoursePersonKey(username: string): string {
  return `${DISCOURSE}:${username.trim().toLowerCase()}`;
}

/**
 * A post's key from its topic and position (not its post id): the posts query and a member's
 * user archive name the same post the same way, so importing both adds it once.
 */
export function discoursePostKey(topicId: string, postNumber: number): string {
  return `${DISCOURSE}:p:${topicId.trim()}:${postNumber}`;
}

const BUILT_IN_BOTS = new Set(['system', 'discobot']);

export function isDiscourseBot(username: string, id?: string): boolean {
  if (BUILT_IN_BOTS.has(username.trim().toLowerCase())) return true;
  if (id !== undefined && id.trim() !== '') {
    const n = Number(id);
    if (Number.isFinite(n) && n <= 0) return true;
  }
  return false;
}

/** `"""Doe, Jane"""` in the file is `"Doe, Jane"` after CSV parsing: strip the literal quotes. */
export function stripExtraQuotes(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v.slice(1, -1).trim();
  return v;
}
