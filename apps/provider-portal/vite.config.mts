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
    // exceljs (~930 kB) loads only when someone exports to Excel; the rest is ~215 kB gzip in two chunks.
    chunkSizeWarningLimit: 1000,
    // Libraries change less often than the portal: a separate chunk stays cached across releases.
    rollupOptions: {
      output: {
        manualChunks: (id: string) => (id.includes('node_modules') && !id.includes('exceljs') ? 'vendor' : undefined),
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
