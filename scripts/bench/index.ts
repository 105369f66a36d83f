/**
 * `npm run bench`: every performance figure of issue 7, printed as one table (figure, value, unit,
 * peer figure, ratio, target, OK/MISS). Not a test: it prints figures; it is not part of
 * `npm test` or CI. Inputs are generated deterministically into bench-out/ (gitignored).
 *
 * Environment:
 *   BENCH_FULL=1      the memory figure imports a 1 GB CSV (default: a 400 MB one, to keep the run short)
 *   BENCH_STORAGE=1   also re-measure the storage layouts of docs/decisions/0001 (1M rows; minutes)
 *   BENCH_ONLY=a,b    run only some groups: node, cli, browser (figures 1 and 3), memory (figure 4), charts, storage
 */
import { statSync } from 'node:fs';
import { buildApp, serveDist } from './browser.ts';
import { benchBrowserImport, benchBrowserMemory } from './browser-import.ts';
import { benchCharts } from './charts.ts';
import { benchCli } from './cli.ts';
import { discordCsv, discordJson, mailchimpAudience } from './generate.ts';
import { benchStorageLayout } from './storage-layout.ts';
import type { Figure } from './types.ts';

const log = (s: string) => console.log(`  · ${s}`);
const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
const want = (group: string) => !only || only.includes(group);
const full = process.env.BENCH_FULL === '1';
const figures: Figure[] = [];
const started = performance.now();

async function group(name: string, fn: () => Promise<Figure[]>): Promise<void> {
  if (!want(name)) return;
  console.log(`▸ ${name}`);
  const t0 = performance.now();
  try {
    figures.push(...(await fn()));
  } catch (e) {
    console.error(`  ${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    figures.push({ name: `${name}: failed (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`, value: null, unit: '', target: '', ok: false });
  }
  log(`${name} took ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

console.log(`Hearth bench — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
console.log('▸ inputs (deterministic, in bench-out/)');
const csv1M = await discordCsv(1_000_000);
const largeRows = full ? 6_500_000 : 2_600_000;
const csvLarge = await discordCsv(largeRows, 8);
const json200k = await discordJson(200_000);
const jsonLarge = full ? await discordJson(1_600_000) : json200k;
const audience = await mailchimpAudience(100_000);
const sizeMb = (p: string) => Math.round(statSync(p).size / 1048576);
log(`1M-row DiscordChatExporter CSV: ${sizeMb(csv1M)} MB`);
log(`${largeRows.toLocaleString('en-US')}-row CSV for the memory figure: ${sizeMb(csvLarge)} MB${full ? '' : ' (BENCH_FULL=1 for the 1 GB file)'}`);
log(`200k-message DiscordChatExporter JSON: ${sizeMb(json200k)} MB`);
if (full) log(`1.6M-message DiscordChatExporter JSON for the memory figure: ${sizeMb(jsonLarge)} MB`);

await group('node', async () => {
  const out: Figure[] = [];
  // Owned by the sentiment and metrics engineers; called when their modules exist.
  try {
    const { benchSentiment } = await import('./sentiment.ts');
    for (const f of await benchSentiment()) out.push({ name: f.name, value: f.value, unit: f.unit, target: f.target, ok: f.ok });
  } catch (e) {
    log(`benchSentiment unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    const { benchMetrics } = await import('./metrics.ts');
    for (const f of await benchMetrics()) out.push({ name: f.name, value: f.value, unit: f.unit, target: f.target, ok: f.target === 'report only' ? null : f.ok });
  } catch (e) {
    log(`benchMetrics unavailable: ${e instanceof Error ? e.message : String(e)}`);
  }
  return out;
});
await group('cli', () => benchCli(json200k, log));
if (want('browser') || want('memory') || want('charts') || want('storage')) {
  if (want('browser') || want('memory')) {
    await buildApp(log);
    const server = await serveDist();
    try {
      const opts = { baseUrl: server.url, csv1M, audience, csvLarge, largeLabel: `${sizeMb(csvLarge)} MB CSV`, largeBytes: statSync(csvLarge).size, json: jsonLarge, jsonLabel: `${sizeMb(jsonLarge)} MB DiscordChatExporter JSON`, log };
      await group('browser', () => benchBrowserImport(opts));
      await group('memory', () => benchBrowserMemory(opts));
    } finally {
      await server.close();
    }
  }
  await group('charts', () => benchCharts(log));
  if (process.env.BENCH_STORAGE === '1' || only?.includes('storage')) await group('storage', async () => (await benchStorageLayout(1_000_000, log)).figures);
}

function cell(v: number | null | undefined): string {
  if (v === null || v === undefined) return '—';
  return v.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

const rows = figures.map((f) => [
  f.name,
  cell(f.value),
  f.unit,
  f.peer ? `${cell(f.peer.value)} (${f.peer.label})` : '',
  f.ratio === undefined ? '' : f.ratio === null ? '—' : `${cell(f.ratio)}×`,
  f.target,
  f.ok === null ? '' : f.ok ? 'OK' : 'MISS',
]);
const head = ['figure', 'value', 'unit', 'peer', 'ratio', 'target', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 4 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(' │ ');
console.log(`\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
for (const r of rows) console.log(line(r));
for (const f of figures) if (f.note) console.log(`  ${f.name}: ${f.note}`);
const misses = figures.filter((f) => f.ok === false).length;
console.log(`\n${figures.length} figures, ${misses} missing their target; bench took ${((performance.now() - started) / 1000 / 60).toFixed(1)} min.`);
