import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * Starting the command from a cached bundle. Plain JavaScript, so that `npm run hearth`
 * (`node src/cli/hearth.mjs`) needs no TypeScript loader when the bundle is current. Running main.ts
 * through tsx resolves, transpiles (from its cache) and links each of the ~80 modules of `report`
 * through tsx's loader thread (~0.3 s of every run), and registering the loader alone costs ~0.2 s.
 * The launcher instead imports one bundle of main.ts, built with
 * esbuild (the transpiler tsx itself uses, so present wherever tsx is) on the first run and again
 * whenever a file that went into it changes (size or modification time of every input, tsconfig.json
 * and package.json, recorded next to the bundle in node_modules/.cache/hearth-cli/). No build step:
 * a fresh clone builds it on its first run (~0.2 s); when anything about the bundle fails (no
 * esbuild, read-only node_modules, …) the command runs from the sources as before.
 * `HEARTH_CLI_BUNDLE=0` turns the bundle off.
 */
/** @typedef {{ run(argv: string[]): Promise<void> }} Cli */

/** Bump when the build options change: older bundles are then rebuilt. */
const FORMAT = 1;

/**
 * @typedef {object} Index
 * @property {number} format
 * @property {string} bundle File name of the bundle in CACHE.
 * @property {Array<[string, number, number]>} inputs Every input (relative to ROOT) with its size and modification time when the bundle was built.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = 'src/cli/main.ts';
const CACHE = join(ROOT, 'node_modules/.cache/hearth-cli');
const INDEX = join(CACHE, 'index.json');
const ALSO = ['tsconfig.json', 'package.json'];

/** @param {string} path @returns {[number, number] | null} */
function stamp(path) {
  try {
    const s = statSync(join(ROOT, path));
    return [s.size, s.mtimeMs];
  } catch {
    return null;
  }
}

/** @returns {string | null} */
function cachedBundle() {
  /** @type {Index} */
  let index;
  try {
    index = JSON.parse(readFileSync(INDEX, 'utf8'));
  } catch {
    return null;
  }
  if (index.format !== FORMAT || !Array.isArray(index.inputs) || index.inputs.length === 0) return null;
  for (const [path, size, mtimeMs] of index.inputs) {
    const now = stamp(path);
    if (!now || now[0] !== size || now[1] !== mtimeMs) return null;
  }
  return join(CACHE, index.bundle);
}

/** Builds the bundle and records its inputs; the bundle's path, or null. */
/** @returns {Promise<string | null>} */
async function build() {
  const started = Date.now();
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: 'tsconfig.json',
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) return null;
  /** @type {Index['inputs']} */
  const inputs = [];
  for (const path of [...Object.keys(result.metafile.inputs), ...ALSO]) {
    const s = stamp(path);
    // An input changed while building: use nothing from this build.
    if (!s || s[1] > started - 1) return null;
    inputs.push([path, s[0], s[1]]);
  }
  mkdirSync(CACHE, { recursive: true });
  const bundle = `main-${process.pid}-${started}.mjs`;
  // Bundle first, then the index that names it, each renamed into place whole: a run at the same
  // time reads an old index with its old bundle, or the new pair.
  const tmp = join(CACHE, `.${bundle}.tmp`);
  writeFileSync(tmp, code);
  renameSync(tmp, join(CACHE, bundle));
  /** @type {Index} */
  const index = { format: FORMAT, bundle, inputs };
  writeFileSync(`${INDEX}.${process.pid}.tmp`, JSON.stringify(index));
  renameSync(`${INDEX}.${process.pid}.tmp`, INDEX);
  removeOldBundles(bundle, started);
  return join(CACHE, bundle);
}

/** Deletes earlier bundles (and leftovers) over a minute old: a run that read an older index has imported its bundle by then. */
/** @param {string} keep @param {number} now */
function removeOldBundles(keep, now) {
  /** @type {string[]} */
  let names;
  try {
    names = readdirSync(CACHE);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === keep || name === 'index.json' || !/^\.?(main-|index\.json\.).*(\.mjs|\.tmp)$/.test(name)) continue;
    try {
      if (statSync(join(CACHE, name)).mtimeMs < now - 60_000) unlinkSync(join(CACHE, name));
    } catch {
      // Gone already.
    }
  }
}

/** tsx's loader, registered once (two callers at once share one registration), only when TypeScript is about to be loaded. */
let tsx = null;
function registerTsx() {
  tsx ??= import('tsx/esm/api').then(({ register }) => {
    register();
  });
  return tsx;
}

/**
 * The command's entry: main.ts from the cached bundle, or from the sources (through tsx).
 * @returns {Promise<Cli>}
 */
export async function loadCli() {
  if (process.env.HEARTH_CLI_BUNDLE !== '0') {
    try {
      const bundle = cachedBundle() ?? (await build());
      if (bundle) return /** @type {Cli} */ (await import(pathToFileURL(bundle).href));
    } catch {
      // Run from the sources.
    }
  }
  await registerTsx();
  return /** @type {Cli} */ (await import('./main.ts'));
}
