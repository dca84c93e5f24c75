import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2020',
    // Asset inlining would defeat the long-lived cache; fonts in particular must stay files.
    assetsInlineLimit: 0,
    // The public agenda is its own page with its own small entry (no React): see docs/BENCHMARKS.md.
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./client/index.html', import.meta.url)),
        // Same app; its HTML paints black before anything loads (the stage, LED and MC pages).
        display: fileURLToPath(new URL('./client/display.html', import.meta.url)),
        agenda: fileURLToPath(new URL('./client/agenda.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/socket.io': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
