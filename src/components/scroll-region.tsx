import { useRef, type ReactNode } from 'react';
import { useScrolls } from './data-table';

/**
 * A box for a wide table (`.table-scroll`): the table scrolls sideways inside it instead of widening
 * the page. When it does scroll, the box takes the focus, so the keyboard can scroll it too, and is
 * a region named "<label> (scrolls sideways)" — as DataTable's own box.
 */
export function ScrollRegion({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(ref);
  return (
    <div
      ref={ref}
      className={className ? `table-scroll ${className}` : 'table-scroll'}
      {...(scrolls ? { tabIndex: 0, role: 'region', 'aria-label': scrollRegionName(label) } : {})}
    >
      {children}
    </div>
  );
}

/** The name of a scrolling table's box. */
export function scrollRegionName(label: string): string {
  return `${label} (scrolls sideways)`;
}
