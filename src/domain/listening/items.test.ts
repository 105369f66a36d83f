import { describe, expect, it } from 'vitest';
import { excerpt, mostNegative, negativeThreads, safeUrl, unansweredNegatives, type ListeningItem, type ThreadReply } from './items';

let seq = 0;
/** A hand-made item: negative when score ≤ −0.05, positive when ≥ 0.05 (label = scorer label unless given). */
function item(at: number, score: number, extra: Partial<ListeningItem> = {}): ListeningItem {
  const label = score <= -0.05 ? 'negative' : score >= 0.05 ? 'positive' : 'neutral';
  return {
    key: `d:a:${++seq}`,
    source: 'discourse',
    kind: 'reply',
    at,
    month: '2025-01',
    personId: 1,
    author: 'Ann',
    text: `text ${seq}`,
    score,
    scorerLabel: label,
    label,
    corrected: false,
    ...extra,
  };
}

describe('mostNegative', () => {
  it('lists negative items only, lowest score first, newest first on ties, up to limit', () => {
    const a = item(1, -0.9);
    const b = item(2, -0.3);
    const c = item(3, -0.3);
    const pos = item(4, 0.8);
    const neu = item(5, 0);
    expect(mostNegative([b, pos, a, neu, c])).toEqual([a, c, b]);
    expect(mostNegative([b, pos, a, neu, c], 1)).toEqual([a]);
  });

  it('lists a text posted again once, with the keys of its copies (spacing and case aside)', () => {
    const crash = 'The app crashes every time I open a draft';
    const first = item(3, -0.6, { text: crash });
    const again = item(2, -0.6, { text: `  ${crash.toUpperCase()} ` });
    const third = item(1, -0.6, { text: crash.replace(/ /g, '  ') });
    const other = item(4, -0.4, { text: 'Ugh, lost an hour of work' });
    // Same score: newest first, so `first` (at 3) represents the text.
    expect(mostNegative([third, other, again, first])).toEqual([{ ...first, sameText: [again.key, third.key] }, other]);
    // The limit counts distinct texts; a copy of a listed text is still counted when the list is full.
    expect(mostNegative([third, other, again, first], 1)).toEqual([{ ...first, sameText: [again.key, third.key] }]);
  });

  it('uses the corrected label: an item corrected to positive leaves, one corrected to negative joins', () => {
    const fixed = item(1, -0.9, { label: 'positive', corrected: true });
    const flagged = item(2, 0.02, { label: 'negative', corrected: true });
    expect(mostNegative([fixed, flagged])).toEqual([flagged]);
  });
});

describe('negativeThreads', () => {
  /*
   * t1: 2 negatives (−0.6, −0.2) out of 3 texts; t2: 2 negatives (−0.9, −0.1) out of 2 texts;
   * t3: 1 negative of 1; t4: no negative; a chat message without thread: ignored.
   * → t2 (2 neg, share 1) before t1 (2 neg, share 2/3) before t3 (1 neg).
   */
  const t1a = item(10, -0.6, { threadKey: 't1', kind: 'post', threadTitle: 'Sync broken' });
  const t1b = item(11, -0.2, { threadKey: 't1' });
  const t1c = item(12, 0.5, { threadKey: 't1' });
  const t2a = item(20, -0.1, { threadKey: 't2' });
  const t2b = item(21, -0.9, { threadKey: 't2' });
  const t3 = item(30, -0.4, { threadKey: 't3' });
  const t4 = item(40, 0.7, { threadKey: 't4' });
  const chat = item(50, -0.99, { kind: 'message' });

  it('ranks threads by negative count, then negative share, then worst score', () => {
    const r = negativeThreads([t1a, t1b, t1c, t2a, t2b, t3, t4, chat]);
    expect(r.map((t) => [t.threadKey, t.negatives, t.texts])).toEqual([
      ['t2', 2, 2],
      ['t1', 2, 3],
      ['t3', 1, 1],
    ]);
    expect(r[0]!.worst).toBe(t2b);
    expect(r[1]!.title).toBe('Sync broken');
    expect(r[1]!.lastAt).toBe(12);
  });

  it('takes per-thread text counts when given only the negative items', () => {
    const r = negativeThreads([t1a, t1b, t2a, t2b], 10, new Map([['t1', 2], ['t2', 5]]));
    expect(r.map((t) => [t.threadKey, t.texts])).toEqual([
      ['t1', 2],
      ['t2', 5],
    ]);
  });
});

describe('unansweredNegatives', () => {
  /*
   * t1: Ann's negative post at 100; only Ann replies after it (a self-reply is no response) → unanswered.
   * t2: Ann's negative post at 100; Bob replies at 150 → answered.
   * t3: Bob replied at 50, before Ann's negative reply at 100 → unanswered.
   * t4: Ann's two negative replies at 100 and 200, nobody else after → one entry, the latest, 2 unanswered.
   * A negative chat message has no thread to answer in; a positive post is not a complaint.
   */
  const ANN = 1;
  const BOB = 2;
  const replies = new Map<string, ThreadReply[]>([
    ['t1', [{ at: 120, personId: ANN }]],
    ['t2', [{ at: 150, personId: BOB }]],
    ['t3', [{ at: 50, personId: BOB }, { at: 100, personId: ANN }]],
    ['t4', [{ at: 100, personId: ANN }, { at: 200, personId: ANN }]],
  ]);
  const t1 = item(100, -0.5, { threadKey: 't1', kind: 'post', personId: ANN, threadTitle: 'Crash' });
  const t2 = item(100, -0.5, { threadKey: 't2', kind: 'post', personId: ANN });
  const t3 = item(100, -0.5, { threadKey: 't3', personId: ANN });
  const t4a = item(100, -0.5, { threadKey: 't4', personId: ANN });
  const t4b = item(200, -0.3, { threadKey: 't4', personId: ANN });
  const chat = item(300, -0.8, { kind: 'message' });
  const happy = item(400, 0.6, { threadKey: 't5', kind: 'post' });

  it('lists threads whose negative post has no later reply by someone else, newest first', () => {
    const r = unansweredNegatives([t1, t2, t3, t4a, t4b, chat, happy], replies);
    expect(r.map((u) => [u.threadKey, u.unanswered])).toEqual([
      ['t4', 2],
      ['t1', 1],
      ['t3', 1],
    ]);
    expect(r[0]!.item).toBe(t4b);
    expect(r[1]!.title).toBe('Crash');
  });
});

describe('safeUrl', () => {
  it('keeps absolute http(s) URLs only', () => {
    expect(safeUrl('https://forum.example.org/t/42/3')).toBe('https://forum.example.org/t/42/3');
    expect(safeUrl('  http://example.org/x ')).toBe('http://example.org/x');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl('JavaScript:alert(1)')).toBeNull();
    expect(safeUrl(' javascript:alert(1)//https://x')).toBeNull();
    expect(safeUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(safeUrl('/t/42')).toBeNull();
    expect(safeUrl('https://')).toBeNull();
    expect(safeUrl(undefined)).toBeNull();
  });
});

describe('excerpt', () => {
  it('collapses whitespace and cuts long text at a word boundary', () => {
    expect(excerpt('  a\n\n b  ')).toBe('a b');
    const long = 'word '.repeat(100);
    const e = excerpt(long, 22);
    expect(e).toBe('word word word word…');
    expect(excerpt('<b>bold</b> &amp; plain')).toBe('<b>bold</b> &amp; plain');
  });
});
