import { describe, expect, it } from 'vitest';
import { IDLE_RUN, runWhenFilesChosen, type ImportRun } from './import-run';

const finished: ImportRun = {
  running: false,
  fraction: 1,
  currentFile: null,
  results: [{ fileName: 'photo.png.csv', status: 'failed', message: 'photo.png.csv was not imported: …', outcomes: [], added: 0, batch: null }],
  error: null,
};

describe('runWhenFilesChosen', () => {
  it('clears the results of the last run: choosing files starts the next one (its review)', () => {
    expect(runWhenFilesChosen(finished)).toEqual(IDLE_RUN);
    expect(runWhenFilesChosen({ ...finished, results: [], error: 'The sample data could not be loaded: …' })).toEqual(IDLE_RUN);
  });

  it('leaves a run in progress alone', () => {
    const running = { ...finished, running: true, fraction: 0.5, currentFile: 'big.csv' };
    expect(runWhenFilesChosen(running)).toBe(running);
  });
});
