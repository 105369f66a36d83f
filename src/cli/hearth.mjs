#!/usr/bin/env node
/**
 * The `hearth` command (`npm run hearth -- …`): see main.ts. Started through launch.mjs, which runs
 * main.ts from a cached bundle when it can (one module to load, no TypeScript loader).
 */
import { loadCli } from './launch.mjs';

await (await loadCli()).run(process.argv.slice(2));
