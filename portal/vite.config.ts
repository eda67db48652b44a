import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run dev -w @egov/portal` serves the portal with hot reload and passes the gateway's paths to the
// graph that `npm start` runs; `npm run build` writes dist/, which the gateway serves.
const gateway = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 600 },
  server: {
    host: '127.0.0.1',
    proxy: { '/graphql': gateway, '/attachments': gateway, '/portal-settings.json': gateway },
  },
});
