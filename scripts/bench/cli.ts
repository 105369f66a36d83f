/**
 * Figure 2: `npm run hearth -- report FILE` against chat-analytics' own CLI on the same
 * DiscordChatExporter JSON, side by side in one run (wall clock, each as the user runs it; runs
 * alternate, medians compared).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { OUT_DIR } from './generate.ts';
import { round, type Figure } from './types.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function run(cmd: string, args: string[], cwd: string): Promise<{ ms: number; code: number; stdoutBytes: number; stderr: string }> {
  return new Promise((done, fail) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdoutBytes = 0;
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdoutBytes += b.length));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ ms: performance.now() - t0, code: code ?? -1, stdoutBytes, stderr }));
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs both commands `BENCH_CLI_RUNS` times (default 3), alternating, and compares the medians: on
 * a shared machine one run of each, minutes apart in load, moved the ratio by ±30%.
 */
export async function benchCli(json: string, log: (s: string) => void): Promise<Figure[]> {
  const size = statSync(json).size / 1024 / 1024;
  const runs = Math.max(1, Number(process.env.BENCH_CLI_RUNS ?? 3) || 3);
  const caDir = resolve(OUT_DIR, 'chat-analytics');
  mkdirSync(caDir, { recursive: true });
  const bin = resolve(ROOT, 'node_modules/.bin/chat-analytics');
  const hearthMs: number[] = [];
  const peerMs: number[] = [];
  let hearthCode = 0;
  let peerOk = true;
  let stdoutBytes = 0;
  for (let i = 0; i < runs; i++) {
    const hearth = await run('npm', ['run', '--silent', 'hearth', '--', 'report', json], ROOT);
    if (hearth.code !== 0) log(`hearth failed (${hearth.code}): ${hearth.stderr.slice(0, 300)}`);
    hearthCode ||= hearth.code;
    stdoutBytes = hearth.stdoutBytes;
    hearthMs.push(hearth.ms);
    const peer = await run(bin, ['-p', 'discord', '-i', json, '-o', resolve(caDir, 'report.html')], caDir);
    if (peer.code !== 0) log(`chat-analytics failed (${peer.code}): ${peer.stderr.slice(0, 300)}`);
    peerOk &&= peer.code === 0 && statSync(resolve(caDir, 'report.html'), { throwIfNoEntry: false }) !== undefined;
    rmSync(resolve(caDir, 'report.html'), { force: true });
    peerMs.push(peer.ms);
    log(`run ${i + 1}/${runs}: hearth report ${(hearth.ms / 1000).toFixed(2)} s (${hearth.stdoutBytes} bytes of JSON); chat-analytics ${(peer.ms / 1000).toFixed(2)} s`);
  }
  const hearthMedian = median(hearthMs);
  const peerMedian = median(peerMs);
  log(`medians of ${runs}: hearth report ${(hearthMedian / 1000).toFixed(2)} s (${stdoutBytes} bytes of JSON); chat-analytics ${(peerMedian / 1000).toFixed(2)} s`);
  const ratio = peerOk ? hearthMedian / peerMedian : null;
  return [
    {
      name: `command: hearth report on a ${Math.round(size)} MB Discord JSON (200k messages), median of ${runs}`,
      value: hearthCode === 0 ? round(hearthMedian / 1000, 2) : null,
      unit: 's',
      peer: { label: 'chat-analytics CLI', value: peerOk ? round(peerMedian / 1000, 2) : null },
      ratio: ratio === null ? null : round(ratio, 2),
      target: '≤ 0.25× chat-analytics',
      ok: hearthCode === 0 && ratio !== null && ratio <= 0.25,
      note: hearthCode === 0 ? undefined : `hearth exited ${hearthCode}`,
    },
  ];
}
