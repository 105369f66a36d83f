import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISCOURSE_LIKES_SQL, DISCOURSE_POSTS_SQL, EXPORT_GUIDE } from './export-guide-data';

/** The output column names of a `SELECT a.b AS c, d.e, … FROM` query. */
function columnsOfSelect(sql: string): string[] {
  const list = /^SELECT\s+([\s\S]*?)\s+FROM\s/i.exec(sql)?.[1] ?? '';
  return list.split(/,\s*\n/).map((item) => {
    const alias = /\bAS\s+(\w+)\s*$/i.exec(item.trim());
    return alias ? alias[1]! : item.trim().split('.').pop()!;
  });
}

const docs = readFileSync('docs/exports.md', 'utf8');

describe('the Import page’s export guide', () => {
  it('gives the same Data Explorer queries as docs/exports.md', () => {
    expect(docs).toContain('```sql\n' + DISCOURSE_POSTS_SQL + '\n```');
    expect(docs).toContain('```sql\n' + DISCOURSE_LIKES_SQL + '\n```');
  });
  it('the queries select exactly the columns the Discourse adapters read, in their order', () => {
    expect(columnsOfSelect(DISCOURSE_POSTS_SQL)).toEqual([
      'post_id',
      'topic_id',
      'post_number',
      'username',
      'created_at',
      'topic_title',
      'category',
      'raw',
    ]);
    expect(columnsOfSelect(DISCOURSE_LIKES_SQL)).toEqual(['post_id', 'username', 'created_at']);
  });
  it('names every platform of the supported-exports list', () => {
    const names = EXPORT_GUIDE.map((p) => p.platform).join(' ');
    for (const tool of [
      'Discourse',
      'Mailchimp',
      'Substack',
      'beehiiv',
      'Slack',
      'Discord',
      'X',
      'LinkedIn',
      'Luma',
      'Eventbrite',
      'Meetup',
    ])
      expect(names + ' ' + EXPORT_GUIDE.flatMap((p) => p.entries.map((e) => e.name)).join(' ')).toContain(
        tool,
      );
  });
});
