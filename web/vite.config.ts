import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

// Two apps, one build: the console at /console/ and the portal at /portal/, sharing hashed chunks under /assets/.
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  publicDir: false,
  build: {
    outDir: resolve(root, '../dist/web'),
    emptyOutDir: true,
    manifest: true,
    // Everything as files: the CSP allows images only from this origin (and data: for chart exports).
    assetsInlineLimit: 0,
    target: 'es2022',
    chunkSizeWarningLimit: 700,
    rolldownOptions: {
      input: { console: resolve(root, 'console/index.html'), portal: resolve(root, 'portal/index.html') },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
