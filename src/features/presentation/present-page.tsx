import { useEffect, useRef, useState } from 'react';
import { useFilters } from '../../app/filters';
import { monthLabel } from '../../domain/highlights';
import { useReport } from '../overview/api/get-report';
import { useNote } from '../report/api/notes';
import { useHashParam } from '../report/use-hash-param';
import { enterFullscreen, exitFullscreen } from './fullscreen';
import { markReturnFromPresentation } from './return-focus';
import { buildSlides } from './slides';
import { isControl, slideKeyAction } from './keys';
import { platformFigures } from '../../domain/metrics/daily-reports';
import { useDailyReports } from '../platform-reports/api/get-daily-reports';

/**
 * Presentation mode: full-screen slides for a projector (large type, high contrast), the period on
 * every slide, a counter, and the keyboard: → / PageDown / Space next, ← / PageUp back, Home, End,
 * Esc leaves (back to the brief); Space and Enter on a focused button press the button.
 */
export function PresentPage() {
  const report = useReport();
  const { filters } = useFilters();
  const [chosen] = useHashParam('month');
  const r = report.data;
  const month = r && chosen && r.months.includes(chosen) ? chosen : (r?.months[r.months.length - 1] ?? '');
  const note = useNote(month);
  const [index, setIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const daily = useDailyReports();
  const figures = daily.data && month ? platformFigures(daily.data, month) : [];
  // Built once the platforms' figures are known too: the deck must not grow under the presenter.
  const slides =
    r && month && !note.isPending && !daily.isPending
      ? buildSlides(r, month, note.data ?? '', filters.sources, figures)
      : [];
  const count = slides.length;
  const leave = () => {
    exitFullscreen();
    markReturnFromPresentation();
    window.location.hash = `#/brief?month=${month}`;
  };

  useEffect(() => {
    enterFullscreen();
    rootRef.current?.focus();
    return () => exitFullscreen();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Space and Enter on a focused button press it (Recharts' chart surface is no control).
      const action = slideKeyAction(e, isControl(e.target));
      if (action === null) return;
      const last = Math.max(0, count - 1);
      if (action === 'next') setIndex((i) => Math.min(last, i + 1));
      else if (action === 'previous') setIndex((i) => Math.max(0, i - 1));
      else if (action === 'first') setIndex(0);
      else if (action === 'last') setIndex(last);
      else {
        exitFullscreen();
        markReturnFromPresentation();
        window.location.hash = `#/brief?month=${month}`;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, month]);

  if (report.isPending || (r && note.isPending)) return <p role="status">Preparing the slides…</p>;
  if (report.isError) return <p role="alert">The metrics could not be computed: {report.error.message}</p>;
  if (!r || count === 0) {
    // The page's h1 (axe's page-has-heading-one), read but not shown.
    return (
      <>
        <h1 className="visually-hidden">Presentation</h1>
        <p>
          Nothing to present yet: <a href="#/import">import your exports</a> first.
        </p>
      </>
    );
  }
  const current = Math.min(index, count - 1);
  const slide = slides[current]!;
  const period = `${monthLabel(r.period.from)} – ${monthLabel(r.period.to)}`;
  return (
    <div
      ref={rootRef}
      className="presentation"
      role="region"
      aria-roledescription="slide deck"
      aria-label={`Presentation: ${monthLabel(month)}`}
      tabIndex={-1}
    >
      <section
        className="slide"
        data-slide={slide.id}
        aria-roledescription="slide"
        aria-label={`${current + 1} of ${count}: ${slide.title}`}
      >
        <h1 className="slide-heading">{slide.title}</h1>
        <div className="slide-body">{slide.body}</div>
      </section>
      <footer className="slide-footer">
        <span className="slide-period">
          {monthLabel(month)} · period {period}
        </span>
        <span className="slide-nav">
          <button
            type="button"
            onClick={() => setIndex(Math.max(0, current - 1))}
            disabled={current === 0}
            aria-label="Previous slide"
          >
            ←
          </button>
          <span className="slide-counter" aria-live="polite">
            {current + 1} / {count}
          </span>
          <button
            type="button"
            onClick={() => setIndex(Math.min(count - 1, current + 1))}
            disabled={current === count - 1}
            aria-label="Next slide"
          >
            →
          </button>
          <button type="button" onClick={leave}>
            Exit (Esc)
          </button>
        </span>
      </footer>
    </div>
  );
}
