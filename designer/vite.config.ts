// The browser app: one Vite build served by the Fastify server from designer/dist.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress.js';

const root = import.meta.dirname;
const api = process.env.ZC_API ?? 'http://127.0.0.1:3900';

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), precompress()],
  build: {
    outDir: resolve(root, 'dist'),
    emptyOutDir: true,
    // bpmn-js and the designer area are dynamic imports; their chunks are big by nature
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // stable, readable vendor chunks; bpmn-js stays inside the lazily loaded designer/progress chunks
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // workflows/zc-moddle.json lives outside the app root
    fs: { allow: [resolve(root, '..')] },
    proxy: { '/api': api },
  },
  preview: { proxy: { '/api': api } },
});
