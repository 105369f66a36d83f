import { sourceLabel } from '../../components/source-label';
import { useId } from 'react';
import { useFilters, type Filters } from '../../app/filters';
import { formatDateTime, formatMonth, formatPeriod } from '../../components/format';
import { monthNumber, monthStart } from '../../domain/time';
import { useResolvedFilters } from './api/get-data-meta';
import { coverageNote, PRESETS, type CompareMode, type PresetId } from './period';
import { userZone, zoneOptions } from './time-zones';
import { useImportZoneNote } from './api/get-import-zones';

const COMPARE_LABELS: Record<CompareMode, string> = {
  off: 'No comparison',
  previous: 'Previous period',
  year: 'Same period a year earlier',
};

/**
 * The filters every page honours: period (presets or a custom range), sources, zone — and, where
 * the page shows it (`compare`: the Overview), the period to compare with.
 */
export function FilterBar({ compare = true }: { compare?: boolean }) {
  const { filters, setFilters } = useFilters();
  const resolved = useResolvedFilters();
  const id = useId();
  const update = (patch: Partial<Filters>) => setFilters({ ...filters, ...patch });
  const sources = resolved.meta?.sources ?? [];
  const selected = filters.sources.length ? filters.sources.filter((s) => sources.includes(s)) : sources;
  const hasData = resolved.status === 'ready';
  const zones = zoneOptions(filters.timeZone);
  const zoneNote = useImportZoneNote(filters.timeZone);
  const mine = userZone();
  const meta = resolved.meta;
  const note =
    hasData && resolved.period && meta?.from && meta.to
      ? coverageNote(
          resolved.period,
          { from: meta.from, to: meta.to },
          meta.lastAt,
          monthStart(monthNumber(resolved.period.to) + 1, filters.timeZone),
          (m) => formatMonth(m, 'long'),
          (ms) => formatDateTime(ms, filters.timeZone),
        )
      : null;

  const toggleSource = (s: string, on: boolean) => {
    const next = on ? [...selected, s] : selected.filter((x) => x !== s);
    update({ sources: next.length === sources.length ? [] : next.sort() });
  };

  return (
    <form className="filter-bar" aria-label="Filters" onSubmit={(e) => e.preventDefault()}>
      {hasData && (
        <>
          <div className="field">
            <label htmlFor={`${id}-preset`}>Period</label>
            <select
              id={`${id}-preset`}
              value={filters.preset}
              onChange={(e) => {
                const preset = e.target.value as PresetId;
                // A custom range starts from the period on screen.
                update(
                  preset === 'custom' && resolved.period
                    ? { preset, from: resolved.period.from, to: resolved.period.to }
                    : { preset },
                );
              }}
            >
              {PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          </div>
          {filters.preset === 'custom' && resolved.period && (
            <>
              <div className="field">
                <label htmlFor={`${id}-from`}>From</label>
                <input
                  id={`${id}-from`}
                  type="month"
                  value={resolved.period.from}
                  max={resolved.period.to}
                  onChange={(e) =>
                    e.target.value && update({ from: e.target.value, to: resolved.period!.to })
                  }
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-to`}>To</label>
                <input
                  id={`${id}-to`}
                  type="month"
                  value={resolved.period.to}
                  min={resolved.period.from}
                  onChange={(e) =>
                    e.target.value && update({ from: resolved.period!.from, to: e.target.value })
                  }
                />
              </div>
            </>
          )}
          {compare && (
            <div className="field">
              <label htmlFor={`${id}-compare`}>Compare with</label>
              <select
                id={`${id}-compare`}
                value={filters.compare}
                onChange={(e) => update({ compare: e.target.value as CompareMode })}
              >
                {(Object.keys(COMPARE_LABELS) as CompareMode[]).map((m) => (
                  <option key={m} value={m}>
                    {COMPARE_LABELS[m]}
                  </option>
                ))}
              </select>
            </div>
          )}
          {sources.length > 1 && (
            <fieldset className="field sources">
              <legend>Sources</legend>
              {sources.map((s) => {
                const on = selected.includes(s);
                const only = selected.length === 1 && on;
                return (
                  <span key={s} className="source-choice">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={on}
                        disabled={on && selected.length === 1}
                        onChange={(e) => toggleSource(s, e.target.checked)}
                      />
                      {sourceLabel(s)}
                    </label>
                    {!only && (
                      <button
                        type="button"
                        className="link-like source-only"
                        aria-label={`Show only ${sourceLabel(s)}`}
                        onClick={() => update({ sources: [s] })}
                      >
                        only
                      </button>
                    )}
                  </span>
                );
              })}
              {filters.sources.length > 0 && (
                <button type="button" className="link-like" onClick={() => update({ sources: [] })}>
                  All sources
                </button>
              )}
            </fieldset>
          )}
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <select
          id={`${id}-zone`}
          value={filters.timeZone}
          onChange={(e) => update({ timeZone: e.target.value })}
        >
          {zones.map((z) => (
            <option key={z} value={z}>
              {z === mine && z !== 'UTC' ? `${z} (yours)` : z}
            </option>
          ))}
        </select>
      </div>
      {hasData && resolved.period && (
        <p className="filter-summary" aria-live="polite">
          Showing <strong data-testid="period-text">{formatPeriod(resolved.period)}</strong>
          {compare && resolved.compare && <> vs {formatPeriod(resolved.compare.period)}</>}
          {sources.length > 1 && filters.sources.length > 0 && (
            <> · sources: {selected.map(sourceLabel).join(', ')}</>
          )}
          {note && (
            <>
              {' · '}
              <span className="coverage-note" data-testid="coverage-note">
                {note}
              </span>
            </>
          )}
        </p>
      )}
      {hasData && zoneNote && (
        <p className="filter-summary zone-note" role="note" data-testid="zone-note">
          {zoneNote}
        </p>
      )}
    </form>
  );
}
