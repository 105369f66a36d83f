import type { ReactNode } from 'react';

/** A titled chart block with its "How is this computed?" definition. */
export function ChartCard({ title, definition, children }: { title: string; definition: ReactNode; children: ReactNode }) {
  return (
    <section className="card chart-card" aria-label={title}>
      <h2>{title}</h2>
      {children}
      <details className="definition">
        <summary>How is this computed?</summary>
        <div>{definition}</div>
      </details>
    </section>
  );
}
