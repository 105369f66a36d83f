import { createContext, useContext, type ReactNode } from 'react';
import { useImportRunner } from './use-import';

type ImportApi = ReturnType<typeof useImportRunner>;

const Ctx = createContext<ImportApi | null>(null);

/**
 * One import run for the whole app: its progress bar, Cancel and result lines are still there when
 * the user comes back to the Import page (or the Overview's "Load sample data") after looking at
 * another page mid-import — each page had its own, lost when the page was left.
 */
export function ImportProvider({ children }: { children: ReactNode }) {
  return <Ctx.Provider value={useImportRunner()}>{children}</Ctx.Provider>;
}

/** The app's import run: progress and results, and start, sample data, cancel. */
export function useImport(): ImportApi {
  const api = useContext(Ctx);
  if (!api) throw new Error('useImport needs an ImportProvider above it (app.tsx)');
  return api;
}
