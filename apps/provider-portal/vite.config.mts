import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

// The API serves the built portal from the same origin, so the dev server proxies to it (cookies stay same-site).
/** Libraries only the lazily loaded figures chart uses. */
const LAZY_LIBRARIES = /node_modules\/(recharts|d3-[a-z-]+|victory-vendor|@reduxjs|redux|react-redux|redux-thunk|immer|reselect|es-toolkit|decimal\.js-light|eventemitter3|internmap|tiny-invariant)\//;

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@inburgering/contracts': here('../../libs/contracts/src/index.ts'),
      '@inburgering/domain': here('../../libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: here('../../dist/provider-portal'),
    emptyOutDir: true,
    sourcemap: true,
    // exceljs (~930 kB) loads only when someone exports to Excel; the rest is ~215 kB gzip in two chunks.
    chunkSizeWarningLimit: 1000,
    // Libraries change less often than the portal: a separate chunk stays cached across releases.
    rollupOptions: {
      output: {
        // exceljs and the chart library (recharts with its d3 and redux parts) stay out of the vendor chunk, so they
        // load with the lazy chunk that needs them (an export, a figures chart), not on the first page.
        manualChunks: (id: string) => (id.includes('node_modules') && !id.includes('exceljs') && !LAZY_LIBRARIES.test(id) ? 'vendor' : undefined),
      },
    },
  },
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
      '/api': api,
      '/documents': api,
    },
  },
});
