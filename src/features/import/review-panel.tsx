import { useRef } from 'react';
import { formatNumber } from '../../components/format';
import { ScrollRegion } from '../../components/scroll-region';
import { previewVerdict, type FilePreview } from '../../domain/preview/preview';
import { dayKeyOf, zonedMidnight } from '../../domain/time/months';
import type { FileSettings } from '../../workers/import-runner';
import { MappingForm } from './mapping-form';
import { isImportable, type ReviewFile } from './use-review';

/** A date as the import will read it: its day in the import time zone. */
function day(ms: number, timeZone: string): string {
  return new Date(ms).toLocaleDateString(undefined, { dateStyle: 'medium', timeZone });
}

/** `YYYY-MM-DD` of an instant in the import zone (the date field's value). */
function isoDay(ms: number, timeZone: string): string {
  return dayKeyOf(ms, timeZone);
}

/**
 * What was found in one file (or one file of a zip). `canMap`: the column mapping is offered for
 * it below (a single table of unknown columns).
 */
function PreviewDetails({ p, canMap, timeZone }: { p: FilePreview; canMap: boolean; timeZone: string }) {
  const verdict = previewVerdict(p);
  // The problem that says why nothing can be imported is shown once, as the reason.
  const issues = verdict.kind === 'nothing' && verdict.issue ? p.issues.filter((i) => i !== verdict.issue) : p.issues;
  return (
    <div className="preview">
      <p className="preview-head">
        <strong>{p.file}</strong>:{' '}
        {p.label ? (
          <>
            <span className="recognised">{p.label}</span>{' '}
            <span className="muted">({Math.round(p.confidence * 100)}% sure)</span>
          </>
        ) : verdict.kind === 'nothing' ? (
          <span className="unrecognised">{verdict.reason}</span>
        ) : (
          <span className="unrecognised">{canMap ? 'not recognised — map its columns below, or it will be skipped' : 'not recognised, so it will be skipped'}</span>
        )}
      </p>
      {p.label && verdict.kind === 'nothing' && <p className="unrecognised">{verdict.reason}</p>}
      {verdict.kind === 'uncertain' && <p className="muted">{verdict.note}</p>}
      {/* A large JSON read only in part has no facts yet (the note says so). */}
      {p.format && !(p.estimated && p.rows === 0) && (
        <dl className="preview-facts">
          <div>
            <dt>Rows</dt>
            <dd>{p.estimated ? `≈ ${formatNumber(p.rows)}` : formatNumber(p.rows)}</dd>
          </div>
          <div>
            <dt>Dates</dt>
            <dd>{p.dateRange ? `${day(p.dateRange[0], timeZone)} – ${day(p.dateRange[1], timeZone)}` : 'none'}</dd>
          </div>
          <div>
            <dt>People</dt>
            <dd>{formatNumber(p.people)}</dd>
          </div>
        </dl>
      )}
      {p.sampleRows.length > 0 && (
        // Many columns scroll sideways: the box is then a focusable, named region (keyboard scrolling).
        <ScrollRegion label={`First rows of ${p.file}`}>
          <table className="sample">
            <caption className="visually-hidden">First rows of {p.file}</caption>
            <thead>
              <tr>
                {p.header.slice(0, 12).map((h, i) => (
                  <th key={i} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {p.sampleRows.map((r, i) => (
                <tr key={i}>
                  {p.header.slice(0, 12).map((_, j) => (
                    <td key={j}>{(r[j] ?? '').slice(0, 80)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {issues.length > 0 && (
        <ul className="preview-issues">
          {issues.slice(0, 5).map((i, k) => (
            <li key={k} className={i.severity}>
              {i.row ? `Row ${i.row}` : ''}
              {i.column ? ` (${i.column})` : ''}
              {i.row || i.column ? ': ' : ''}
              {i.message}
            </li>
          ))}
          {issues.length > 5 && <li>… and {issues.length - 5} more</li>}
        </ul>
      )}
    </div>
  );
}

function Questions({ f, onAnswer, timeZone }: { f: ReviewFile; onAnswer: (a: FileSettings) => void; timeZone: string }) {
  const unknown = f.previews?.length === 1 && f.previews[0]!.mappable;
  const mapping = unknown ? (
    <MappingForm
      key={JSON.stringify(f.answers.mapping ?? null)}
      fileName={f.file.name}
      header={f.previews![0]!.header}
      current={f.answers.mapping}
      saved={f.savedMapping === true}
      onApply={(m) => onAnswer({ ...f.answers, mapping: m })}
    />
  ) : null;
  const eventDate = f.previews?.find((p) => p.needs.eventDate)?.needs.eventDate;
  // Once answered, the question stays (a Luma file asks only while no date is entered).
  const askEventDate = eventDate !== undefined || f.answers.eventDate !== undefined;
  const dayFirst = f.previews?.find((p) => p.needs.dayFirst)?.needs.dayFirst;
  const askDayFirst = dayFirst !== undefined || f.answers.dayFirst !== undefined;
  if (!askEventDate && !askDayFirst) return mapping;
  return (
    <>
      {mapping}
      <fieldset className="questions">
        <legend>Hearth needs to know about {f.file.name}</legend>
        {askEventDate && (
          <label>
            Date of the event (this export does not say){' '}
            <input
              type="date"
              value={
                f.answers.eventDate !== undefined
                  ? isoDay(f.answers.eventDate, timeZone)
                  : eventDate && eventDate.suggested !== null
                    ? isoDay(eventDate.suggested, timeZone)
                    : ''
              }
              onChange={(e) => {
                const v = e.target.value;
                const { eventDate: _old, ...rest } = f.answers;
                onAnswer(v ? { ...rest, eventDate: zonedMidnight(v, timeZone) } : rest);
              }}
            />
          </label>
        )}
        {askDayFirst && (
          <label>
            Dates{' '}
            {dayFirst
              ? `in column “${dayFirst.label}”${dayFirst.others > 0 ? ` and ${dayFirst.others} other${dayFirst.others === 1 ? '' : 's'}` : ''} `
              : ''}
            are written{' '}
            <select
              // Until answered, the order the import reads them in (the file's other date columns may settle it).
              value={(f.answers.dayFirst ?? dayFirst?.readDayFirst) === true ? 'day' : 'month'}
              onChange={(e) => onAnswer({ ...f.answers, dayFirst: e.target.value === 'day' })}
            >
              <option value="month">month/day (03/04 = March 4)</option>
              <option value="day">day/month (03/04 = 3 April)</option>
            </select>
          </label>
        )}
      </fieldset>
    </>
  );
}

/** What was recognised in each dropped file, before anything is stored; the user confirms. */
export function ReviewPanel({
  files,
  timeZone,
  onAnswer,
  onRemove,
  onImport,
  onCancel,
}: {
  files: ReviewFile[];
  /** The import time zone: times without a zone are read in it, and dates are shown in it. */
  timeZone: string;
  onAnswer: (file: File, a: FileSettings) => void;
  onRemove: (file: File) => void;
  onImport: () => void;
  onCancel: () => void;
}) {
  const ready = files.every((f) => f.previews !== null);
  const importable = files.filter(isImportable);
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard users stay where they were: after a Remove, on this review (or, when it closes, on the
  // file chooser it came from); after Cancel, on the file chooser.
  const focusChooser = () =>
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.drop-zone input[type="file"]')?.focus());
  return (
    <section className="card review" aria-labelledby="review-title">
      <h2 id="review-title" ref={heading} tabIndex={-1}>
        Check before importing
      </h2>
      {!ready && <p role="status">Reading files…</p>}
      <ul className="review-list">
        {files.map((f) => (
          <li key={`${f.file.name}-${f.file.size}`}>
            {f.previews === null ? (
              <p>{f.file.name}: reading…</p>
            ) : f.previews.length === 0 ? (
              <p className="preview-head">
                <strong>{f.file.name}</strong>: <span className="unrecognised">nothing was found in it.</span>
              </p>
            ) : (
              f.previews.map((p, i) => (
                <PreviewDetails key={i} p={p} canMap={f.previews!.length === 1} timeZone={timeZone} />
              ))
            )}
            <Questions f={f} onAnswer={(a) => onAnswer(f.file, a)} timeZone={timeZone} />
            <button
              type="button"
              onClick={() => {
                onRemove(f.file);
                if (files.length > 1) requestAnimationFrame(() => heading.current?.focus());
                else focusChooser();
              }}
              aria-label={`Remove ${f.file.name}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <p className="review-actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || importable.length === 0}
          onClick={onImport}
        >
          Import {importable.length} {importable.length === 1 ? 'file' : 'files'}
        </button>{' '}
        <button
          type="button"
          onClick={() => {
            onCancel();
            focusChooser();
          }}
        >
          Cancel
        </button>
      </p>
    </section>
  );
}
