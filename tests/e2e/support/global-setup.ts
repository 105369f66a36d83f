import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';
import { serveStatic } from './static-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    distDir: string;
  }
}

/** Builds the app once (unless E2E_SKIP_BUILD=1 and dist/ exists) and serves it for every e2e file. */
export default async function setup(project: TestProject) {
  const root = resolve(import.meta.dirname, '../../..');
  const distDir = resolve(root, 'dist');
  if (process.env.E2E_SKIP_BUILD !== '1') {
    await build({ root, logLevel: 'warn', configFile: resolve(root, 'vite.config.ts') });
  }
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
  };
}
