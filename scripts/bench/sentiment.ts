/**
 * Sentiment scorer throughput: ~100k deterministic, varied forum/chat-length texts (20–300
 * chars, with emoji, code, quotes, URLs, stack traces), scored after a warm-up. Target ≥ 50,000
 * texts/s. Run directly with `npx tsx scripts/bench/sentiment.ts`, or via benchSentiment().
 */
import { pathToFileURL } from 'node:url';
import { scoreText } from '../../src/domain/sentiment/index.ts';
import { mulberry32 } from '../prng.ts';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  target: string;
  ok: boolean;
}

const TARGET_TEXTS_PER_SECOND = 50_000;

const OPENERS = ['', 'Hi all, ', 'Hey folks, ', 'Quick question: ', 'Update: ', 'FWIW ', 'ngl ', '@sam ', 'Thanks in advance! ', 'So '];
const SENTENCES = [
  'the new release works like a charm on my machine',
  'I upgraded to 3.2 and now the sync is completely broken',
  'how do I configure the proxy to pass the forwarded header?',
  'this bug is killing me, every restart I lose my settings',
  'not bad at all for a first version, really impressed',
  'can someone explain the difference between push and sync',
  'the docs are a mess and half the examples do not compile',
  'kill the process and restart the daemon, that usually clears it',
  'thanks, that fixed it! switching to the LTS build did the trick',
  'same here, seeing the exact same crash on Windows 11',
  'can\'t wait for the next release, the roadmap looks AMAZING',
  'the crash course in the pinned post was super useful',
  'why is this still not fixed after two major versions',
  'we are moving the weekly call to Thursdays at 16:00 UTC',
  'meh, not really feeling the new season tbh',
  'this mod is lit, goat update',
  'matchmaking is trash and the servers are lagging so bad',
  'It would be nice to have keyboard shortcuts for moving cards',
  'Support sorted out my billing issue in ten minutes, excellent service',
  'Registration took forty minutes, please fix the check-in process',
];
const TAILS = ['', '!', '!!', '.', '?', ' 🎉', ' 😩', ' :)', ' :(', ' 🔥🔥', ' lol', ' smh', ' https://forum.example.org/t/sync/4412', ' see `config.yml`'];
const BLOCKS = [
  '\n```\nconst x = await fetch(url);\nconsole.log(x.status);\n```\n',
  '\n> Did you set the env variable?\n',
  '\nTypeError: Cannot read properties of undefined\n    at List (List.jsx:14:22)\n',
  '\n[quote="mike, post:3, topic:512"]\nThis is the worst update ever\n[/quote]\n',
  '\n    npm run build\n',
];

/** Generates `count` texts of 20–300 characters, deterministically. */
export function generateTexts(count: number, seed = 42): string[] {
  const rand = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const out: string[] = [];
  while (out.length < count) {
    let text = pick(OPENERS) + pick(SENTENCES) + pick(TAILS);
    const extra = rand();
    if (extra < 0.15) text = pick(BLOCKS) + text;
    else if (extra < 0.3) text += pick(BLOCKS);
    while (text.length < 20 + rand() * 200 && text.length < 260) text += ' ' + pick(SENTENCES) + pick(TAILS);
    if (rand() < 0.1) text = text.toUpperCase();
    out.push(text.length > 300 ? text.slice(0, 300) : text);
  }
  return out;
}

export async function benchSentiment(): Promise<BenchFigure[]> {
  const texts = generateTexts(100_000);
  let sink = 0;
  for (let i = 0; i < 20_000; i++) sink += scoreText(texts[i] as string); // warm-up
  const rounds: number[] = [];
  for (let r = 0; r < 3; r++) {
    const t0 = performance.now();
    for (const t of texts) sink += scoreText(t);
    rounds.push(texts.length / ((performance.now() - t0) / 1000));
  }
  if (!Number.isFinite(sink)) throw new Error('scorer returned a non-finite score');
  rounds.sort((a, b) => a - b);
  const median = rounds[1] as number;
  const chars = texts.reduce((s, t) => s + t.length, 0) / texts.length;
  return [
    { name: 'sentiment: texts scored per second (median of 3 × 100k)', value: Math.round(median), unit: 'texts/s', target: `≥ ${TARGET_TEXTS_PER_SECOND}`, ok: median >= TARGET_TEXTS_PER_SECOND },
    { name: 'sentiment: mean text length in the benchmark', value: Math.round(chars), unit: 'chars', target: '20–300', ok: chars >= 20 && chars <= 300 },
  ];
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  for (const f of await benchSentiment()) {
    console.log(`${f.ok ? 'ok  ' : 'FAIL'} ${f.name}: ${f.value.toLocaleString('en-US')} ${f.unit} (target ${f.target})`);
  }
}
