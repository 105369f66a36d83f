import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** Page model of the Hearth app (Actual Budget's habit: tests speak the user's language). */
export class AppPage {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
  ) {}

  async goto(route = 'overview'): Promise<void> {
    await this.page.goto(`${this.baseUrl}#/${route}`);
  }

  async nav(label: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: label, exact: true }).click();
  }

  /** Picks files through the real `<input type="file" multiple>` of the Import page and confirms the review. */
  async importFiles(paths: string[]): Promise<void> {
    await this.chooseFiles(paths);
    await this.confirmReview();
  }

  /** Picks files; the review of what was recognised is then shown (nothing stored yet). */
  async chooseFiles(paths: string[]): Promise<void> {
    await this.goto('import');
    await this.page.locator('input[type=file]').setInputFiles(paths);
  }

  /** Clicks "Import N files" in the review once every file has been read. */
  async confirmReview(): Promise<void> {
    const button = this.page.getByRole('region', { name: 'Check before importing' }).getByRole('button', { name: /^Import \d+ files?$/ });
    await button.waitFor();
    await this.page.waitForFunction(() => {
      const b = [...document.querySelectorAll('button')].find((x) => /^Import \d+ files?$/.test(x.textContent ?? ''));
      return b !== undefined && !(b as HTMLButtonElement).disabled;
    });
    await button.click();
  }

  /** Drops files onto the drop zone as a drag-and-drop from the desktop would. */
  async dropFiles(paths: string[]): Promise<void> {
    await this.goto('import');
    const files = await Promise.all(
      paths.map(async (p) => ({ name: p.split('/').pop()!, data: [...(await readFile(p))] })),
    );
    const dataTransfer = await this.page.evaluateHandle((fs) => {
      const dt = new DataTransfer();
      for (const f of fs) dt.items.add(new File([new Uint8Array(f.data)], f.name));
      return dt;
    }, files);
    await this.page.getByTestId('drop-zone').dispatchEvent('drop', { dataTransfer });
    await this.confirmReview();
  }

  /** Waits until every file of the run has a result line and the progress bar is gone. */
  async waitForImport(files: number, timeout = 150_000): Promise<string[]> {
    const status = this.page.getByRole('status').filter({ has: this.page.locator('p.result') });
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[role=status] p.result').length >= n && !document.querySelector('progress'),
      files,
      { timeout },
    );
    return status.locator('p.result').allTextContents();
  }

  /**
   * Waits until no part of the page is recomputing (`aria-busy`): after a filter change, call it once
   * the change shows (e.g. the period text), which renders in the same update as aria-busy=true.
   */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelector('main [aria-busy=true]') === null);
  }

  /** The rows of the Import page's history once its list is read (not a previous list kept on screen while reading). */
  async importHistoryRows() {
    await this.page.locator('table.history[aria-busy=false]').waitFor();
    return this.page.getByRole('table', { name: 'Import history' }).locator('tbody tr');
  }

  async kpiValue(series: string): Promise<string> {
    return (await this.page.locator(`.kpi[data-series="${series}"] .kpi-value`).textContent()) ?? '';
  }

  /** Clicks a download button and returns the downloaded file's text. */
  async download(buttonName: string | RegExp): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Clicks a download control and returns the downloaded file's name, path on disk and bytes. */
  async downloadFile(buttonName: string | RegExp): Promise<{ name: string; path: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: buttonName }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), path, bytes: await readFile(path) };
  }

  /** The presentation's "n / N" counter as numbers. */
  async slideCounter(): Promise<{ current: number; total: number }> {
    const text = (await this.page.locator('.presentation .slide-counter').textContent()) ?? '';
    const m = /(\d+)\s*\/\s*(\d+)/.exec(text);
    return { current: Number(m?.[1]), total: Number(m?.[2]) };
  }

  /** A text on the Listening page (the first list that shows it), by activity key. */
  listeningItem(key: string, list?: string) {
    const scope = list ? this.page.getByRole('list', { name: list, exact: true }) : this.page.locator('main');
    return scope.locator(`article.listening-item[data-key="${key.replace(/["\\]/g, '\\$&')}"]`).first();
  }

  /** Relabels a text on the Listening page and waits until the page shows it with the new label. */
  async relabel(key: string, label: 'positive' | 'neutral' | 'negative'): Promise<void> {
    await this.listeningItem(key).getByRole('button', { name: `Relabel as ${label}` }).click();
    await this.page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"][data-label="${label}"]`).waitFor();
  }

  /** Undoes the correction of a text from the Listening page's corrections list. */
  async undoCorrection(key: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"]`).getByRole('button', { name: 'Undo correction' }).click();
    await this.page.getByRole('list', { name: 'Corrections', exact: true }).locator(`article[data-key="${key}"]`).waitFor({ state: 'detached' });
  }
  /** A chart or table block by its title (a region named by its heading). */
  region(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Chooses a period preset in the filter bar ("Last 3 months", "Custom range", …). */
  async choosePeriod(label: string): Promise<void> {
    await this.page.getByRole('form', { name: 'Filters' }).getByLabel('Period').selectOption({ label });
  }

  /** Sets the custom period's months (`YYYY-MM`) in the filter bar. */
  async setCustomRange(from: string, to: string): Promise<void> {
    await this.choosePeriod('Custom range');
    const bar = this.page.getByRole('form', { name: 'Filters' });
    await bar.getByLabel('From').fill(from);
    await bar.getByLabel('To').fill(to);
  }

  /** The period the filter bar says is shown. */
  async periodText(): Promise<string> {
    return (await this.page.getByTestId('period-text').textContent()) ?? '';
  }

  /** The numeric text of a "Show as table" cell: the row of `rowHeader`, the column `column`. */
  async tableCell(table: ReturnType<Page['locator']>, rowHeader: string, column: string): Promise<string> {
    const headers = await table.locator('thead th').allTextContents();
    const col = headers.findIndex((h) => h.replace(/[▲▼↕]/g, '').trim() === column);
    const row = table.locator('tbody tr').filter({ has: this.page.getByRole('rowheader', { name: rowHeader, exact: true }) });
    return ((await row.locator('th, td').nth(col).textContent()) ?? '').trim();
  }
}
