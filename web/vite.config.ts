import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build goes to dist/, which admin-service's Maven build copies into its static resources.
// `npm run dev` proxies the API and the auth endpoints to a running admin-service (bin/run).
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // No inline scripts or data: fonts, so the strict Content-Security-Policy holds.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8081',
      '/auth': 'http://127.0.0.1:8081',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
});
