import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Served by the walkup server at /display/; in dev, API and websocket go to a locally running server.
export default defineConfig({
  base: '/display/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/ws': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
