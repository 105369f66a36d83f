import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the static build works from any host or sub-path (file server, GitHub Pages, S3…).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 1500 },
});
