import { When } from '../../components/when';
import { excerpt, safeUrl, type ListeningItem } from '../../domain/listening';
import type { SentimentLabel } from '../../domain/sentiment';
import { sourceLabel } from '../../components/source-label';
import { useRef } from 'react';
import { useRelabel } from './api/get-listening';
import { rememberPlace } from './keep-focus';

const LABELS: SentimentLabel[] = ['positive', 'neutral', 'negative'];
const NAME: Record<SentimentLabel, string> = { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' };
const KIND: Record<ListeningItem['kind'], string> = { post: 'Topic', reply: 'Reply', message: 'Chat message' };

function signedScore(s: number): string {
  return `${s > 0 ? '+' : s < 0 ? '−' : '±'}${Math.abs(s).toFixed(2)}`;
}

/**
 * One text with its author, source and date, a plain-text excerpt (never HTML), a link back to the
 * original (http(s) only), and the Relabel control.
 */
export function ListeningItemView({ item, showThread = true }: { item: ListeningItem; showThread?: boolean }) {
  const relabel = useRelabel();
  const href = safeUrl(item.url);
  const busy = relabel.isPending;
  const ref = useRef<HTMLElement>(null);
  const change = (label: SentimentLabel | null) => {
    rememberPlace(ref.current);
    relabel.mutate(
      { item, label },
      {
        // The pressed button was disabled while saving: the focus fell to the page; back to this text.
        onSettled: () => {
          const a = ref.current;
          if (a?.isConnected && (document.activeElement === null || document.activeElement === document.body)) a.focus();
        },
      },
    );
  };
  return (
    <article
      ref={ref}
      tabIndex={-1}
      className={`listening-item label-${item.label}${item.corrected ? ' corrected' : ''}`}
      data-key={item.key}
      data-month={item.month}
      data-label={item.label}
      aria-label={`${KIND[item.kind]} by ${item.author}`}
    >
      <header className="item-meta">
        <strong className="author">{item.author}</strong>
        <span>{sourceLabel(item.source)}</span>
        <When at={item.at} />
        <span>{KIND[item.kind]}</span>
        {showThread && item.threadTitle && <span className="thread-title">in “{item.threadTitle}”</span>}
        {item.sameText && item.sameText.length > 0 && (
          <span className="same-text" data-testid="same-text">
            ×{item.sameText.length + 1}: posted {item.sameText.length + 1} times (a relabel applies to each)
          </span>
        )}
      </header>
      <p className="excerpt">{excerpt(item.text)}</p>
      <footer className="item-actions">
        <span className={`label-badge ${item.label}`}>
          {NAME[item.label]}
          {!item.corrected && <span className="score"> (score {signedScore(item.score)})</span>}
        </span>
        {item.corrected && (
          <span className="corrected-note">
            Corrected — the scorer said {NAME[item.scorerLabel].toLowerCase()} (score {signedScore(item.score)}){' '}
            <button type="button" disabled={busy} onClick={() => change(null)}>
              Undo correction
            </button>
          </span>
        )}
        <span role="group" aria-label="Relabel" className="relabel">
          <span aria-hidden="true">Relabel:</span>
          {LABELS.map((l) => (
            <button
              key={l}
              type="button"
              aria-pressed={item.label === l}
              disabled={busy || item.label === l}
              aria-label={`Relabel as ${l}`}
              onClick={() => change(l)}
            >
              {NAME[l]}
            </button>
          ))}
        </span>
        {href && (
          <a href={href} rel="noopener noreferrer" target="_blank">
            Open the original
          </a>
        )}
      </footer>
      {relabel.isError && <p role="alert">The correction could not be saved: {relabel.error.message}</p>}
    </article>
  );
}
