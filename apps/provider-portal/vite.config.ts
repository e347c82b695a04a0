import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const api = `http://127.0.0.1:${process.env.API_PORT ?? 3000}`;

// The API serves the built portal from the same origin, so the dev server proxies to it (cookies stay same-site).
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
    // One internal application behind a login: a single ~170 kB (gzip) bundle loads faster than a waterfall.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/graphql': api,
      '/health': api,
    },
  },
});
