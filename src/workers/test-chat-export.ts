/**
 * Test support: a DiscordChatExporter CSV of `rows` messages (~150 bytes each) by `members`
 * members, one a minute from 2025-01-01 — over 8 MB from ~56k rows, so importFile streams it.
 */
export function chatExportCsv(rows: number, members = 97): File {
  const lines = ['AuthorID,Author,Date,Content,Attachments,Reactions'];
  const t0 = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const at = new Date(t0 + i * 60_000).toISOString().replace('Z', '+00:00');
    lines.push(`10000000000000${i % members},member_${i % members},${at},"Message ${i}: the new release works, thanks for the quick fix on the sync issue",,`);
  }
  return new File([lines.join('\n')], 'Guild - General [1].csv');
}
