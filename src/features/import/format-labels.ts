import { formatLabel } from '../../domain/sources/registry';

/**
 * The formats of an import as the history shows them: a zip's import stores its files' format ids
 * joined by ", " (`summariseOutcomes`); each is shown by its adapter's label, as a single file's is.
 */
export function formatsLabel(format: string, label: (format: string) => string = formatLabel): string {
  return format
    .split(', ')
    .filter((f) => f !== '')
    .map((f) => label(f))
    .join(', ');
}
