/**
 * The `hearth` command: reads exports from disk with the same domain code as the browser and prints
 * the `hearth.report/1` JSON (or writes a self-contained HTML report). Problems go to stderr, one
 * line each, naming the file (and row); never a stack trace. The `score` command and the HTML report
 * load their modules only when asked for (fewer modules to load on every `report`). Started by
 * hearth.mjs (which may run it from a cached bundle of this module).
 */
import { UsageError } from './args';
import { reportCommand } from './report-command';

const USAGE = `Usage:
  npm run hearth -- report [--tz ZONE] [--from YYYY-MM] [--to YYYY-MM] [--sources a,b] [--dates day-first|month-first] [--event-date YYYY-MM-DD] FILE_OR_DIR…
      Print the hearth.report/1 JSON for the exports given (files, zips or folders).
  npm run hearth -- report --html OUT.html [--names] [--tz ZONE] [--from YYYY-MM] [--to YYYY-MM] FILE_OR_DIR…
      Write a self-contained HTML report (one file, aggregates only; --names adds the top
      contributors' names).
  npm run hearth -- score FILE --column NAME
      Write FILE back to stdout with sentiment_score and sentiment_label columns appended.`;

async function main(argv: string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const err = (line: string) => process.stderr.write(`${line}\n`);
  const out = (text: string) => process.stdout.write(text);
  try {
    if (command === 'report') return await reportCommand(argv, out, err);
    if (command === 'score') return await (await import('./score-command')).scoreCommand(argv, out, err);
    throw new UsageError(`unknown command "${command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`hearth: ${e.message}\n${USAGE}`);
      return 2;
    }
    err(`hearth: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** Runs the command line `argv` (without node and script) and sets the process's exit code. */
export async function run(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (e) {
    process.stderr.write(`hearth: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
