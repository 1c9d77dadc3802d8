import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.PROPDESK_API ?? 'http://127.0.0.1:3000';

/** The staff desktop and the phone pages are one single-page app, served by the API server from web/dist. */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    // antd and antd-mobile are large; route-level lazy loading keeps the first screen small.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/print': { target: server, changeOrigin: false },
    },
  },
});
