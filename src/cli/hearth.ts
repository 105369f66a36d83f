#!/usr/bin/env node
/**
 * The `hearth` command (`npm run hearth -- …`): see main.ts. Started through launch.ts, which runs
 * main.ts from a cached bundle when it can (one module to load instead of ~80).
 */
import { loadCli } from './launch';

await (await loadCli()).run(process.argv.slice(2));
