import type { UseQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { EmptyState } from './empty-state';

/**
 * A titled card for a list that comes from a query: a loading line, the error, an empty state that
 * says what to import, or the rows.
 */
export function QueryCard<T>({
  title,
  query,
  emptyTitle,
  empty,
  children,
  footer,
  label,
}: {
  title: string;
  /** The region's name when the title alone would repeat another's (the Events page's "Events"). */
  label?: string;
  query: UseQueryResult<T[]>;
  emptyTitle: string;
  empty: ReactNode;
  children: (rows: T[]) => ReactNode;
  footer?: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card" {...(label ? { 'aria-label': label } : { 'aria-labelledby': id })}>
      <h2 id={id}>{title}</h2>
      {query.isPending ? (
        <p role="status">Loading…</p>
      ) : query.isError ? (
        <p role="alert">{query.error.message}</p>
      ) : query.data.length === 0 ? (
        <EmptyState title={emptyTitle}>
          <p>{empty}</p>
        </EmptyState>
      ) : (
        children(query.data)
      )}
      {footer}
    </section>
  );
}
