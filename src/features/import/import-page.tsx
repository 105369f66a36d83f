import { useState } from 'react';
import { useFilters } from '../../app/filters';
import { previewVerdict } from '../../domain/preview/preview';
import type { FileSettings } from '../../workers/import-runner';
import { DropZone } from './drop-zone';
import { ExportGuide } from './export-guide';
import { ImportHistory } from './import-history';
import { ImportStatus } from './import-status';
import { ReviewPanel } from './review-panel';
import { useImport } from './import-provider';
import { isImportable, rememberMappings, useReview } from './use-review';
import { userZone, zoneOptions } from '../filters/time-zones';

export function ImportPage() {
  const { run, start, startSample, cancel, clearLastRun } = useImport();
  const { filters, setFilters } = useFilters();
  const review = useReview(filters.timeZone);

  /** Files the review left out (nothing to import in them), with why: said beside the results. */
  const [leftOut, setLeftOut] = useState<string[]>([]);
  const importReviewed = () => {
    const chosen = review.files.filter(isImportable);
    setLeftOut(
      review.files
        .filter((f) => !isImportable(f))
        .map((f) => {
          const why = f.previews
            ?.map((p) => {
              const v = previewVerdict(p);
              return v.kind === 'nothing' ? v.reason : v.kind === 'map' ? 'its columns were not mapped.' : '';
            })
            .find(Boolean);
          return why ? `${f.file.name}: ${why}` : `${f.file.name}: nothing was found in it.`;
        }),
    );
    const perFile: Record<string, FileSettings> = {};
    for (const f of chosen) perFile[f.file.name] = f.answers;
    review.clear();
    void rememberMappings(chosen);
    void start(
      chosen.map((f) => f.file),
      perFile,
    );
  };

  return (
    <section aria-labelledby="import-title">
      <h1 id="import-title">Import exports</h1>
      <p>
        Drop the CSV, JSON or ZIP exports of your forum, newsletter, chat, social accounts and events. Hearth
        recognises each format from its columns and shows you what it found before storing anything. Importing
        a file twice adds nothing.
      </p>
      <ExportGuide />
      <p className="field import-zone">
        <label htmlFor="import-zone">Times without a time zone are read in</label>{' '}
        <select
          id="import-zone"
          value={filters.timeZone}
          disabled={run.running}
          onChange={(e) => setFilters({ ...filters, timeZone: e.target.value })}
        >
          {zoneOptions(filters.timeZone).map((z) => (
            <option key={z} value={z}>
              {z === userZone() && z !== 'UTC' ? `${z} (yours)` : z}
            </option>
          ))}
        </select>{' '}
        <span className="hint">
          (Mailchimp, Meetup and other exports write local times; the report's months use the same zone. When
          clocks go back, a time that occurs twice is read as the first; when they go forward, a skipped time
          is moved forward by the gap, 02:30 to 03:30.)
        </span>
      </p>
      <DropZone
        disabled={run.running}
        onFiles={(files) => {
          clearLastRun();
          setLeftOut([]);
          review.add(files);
        }}
      />
      {review.files.length > 0 && (
        <ReviewPanel
          files={review.files}
          timeZone={filters.timeZone}
          onAnswer={review.answer}
          onRemove={review.remove}
          onImport={importReviewed}
          onCancel={review.clear}
        />
      )}
      <p>
        <button type="button" disabled={run.running} onClick={startSample}>
          Load sample data
        </button>
      </p>
      <ImportStatus run={run} onCancel={cancel} />
      {leftOut.length > 0 && (
        <div className="card left-out" role="status">
          <p>
            Not imported (nothing in {leftOut.length === 1 ? 'this file' : 'these files'} could be imported):
          </p>
          <ul>
            {leftOut.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <ImportHistory onUndone={clearLastRun} />
    </section>
  );
}
