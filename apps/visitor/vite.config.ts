import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

// Served by the walkup server at /visitor/; in dev, API and websocket go to a locally running server.
export default defineConfig({
  base: '/visitor/',
  plugins: [preact()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', ws: true },
    },
  },
});
