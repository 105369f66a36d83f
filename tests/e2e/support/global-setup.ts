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
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build: test the
    // production build users get.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({ root, mode: 'production', logLevel: 'warn', configFile: resolve(root, 'vite.config.ts') });
    } finally {
      // eslint-disable-next-line require-atomic-updates -- restores the value saved above, on purpose
      process.env.NODE_ENV = nodeEnv;
    }
  }
  const server = await serveStatic(distDir);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  return async () => {
    await server.close();
  };
}
