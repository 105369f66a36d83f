import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Content-Security-Policy: the built app may talk to nothing but its own origin (no analytics, no
 * CDNs, no third-party requests). The dev server needs inline scripts and a websocket for hot reload,
 * so it gets a looser policy; the e2e tests run against the build, with the strict one.
 */
const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');
const DEV_CSP = STRICT_CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
  "connect-src 'self'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
);

function csp(): Plugin {
  let isBuild = false;
  return {
    name: 'hearth-csp',
    configResolved(c) {
      isBuild = c.command === 'build';
    },
    transformIndexHtml(html) {
      return html.replace('%HEARTH_CSP%', isBuild ? STRICT_CSP : DEV_CSP);
    },
  };
}

// Relative base: the static build works from any host or sub-path (file server, GitHub Pages, S3…).
export default defineConfig({
  base: './',
  plugins: [react(), csp()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
