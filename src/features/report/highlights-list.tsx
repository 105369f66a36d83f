import type { Highlight } from '../../domain/highlights';

// Tone, not direction: "Unanswered threads rose" is bad news, and a ▼ beside it read as a fall.
const MARK = { good: '✓', bad: '!', neutral: '•' } as const;

/** Generated highlights as a list; tone is told by a mark and hidden words, never colour alone. */
export function HighlightsList({ highlights, className = 'highlights' }: { highlights: Highlight[]; className?: string }) {
  return (
    <ul className={className}>
      {highlights.map((h) => (
        <li key={h.id} className={`highlight ${h.tone}`} data-highlight={h.id}>
          <span aria-hidden="true" className="mark">
            {MARK[h.tone]}
          </span>{' '}
          {h.text}
          {h.tone !== 'neutral' && <span className="visually-hidden"> ({h.tone === 'good' ? 'good news' : 'needs attention'})</span>}
        </li>
      ))}
    </ul>
  );
}
