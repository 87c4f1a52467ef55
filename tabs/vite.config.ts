import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The Node service serves the built pages under /tabs/, so every asset URL is prefixed with it. */
export default defineConfig({
  base: '/tabs/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Teams' embedded browsers are evergreen (Edge WebView2, Chromium, Safari), so no legacy output.
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 53000,
    // In `npm run dev -w tabs` the API comes from the Node service on its default port.
    proxy: { '/api': 'http://127.0.0.1:3978' },
  },
});
