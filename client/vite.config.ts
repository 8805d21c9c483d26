import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the client and forwards everything the server owns to it, so the
// browser sees one origin exactly as in production (cookies, Origin checks, WebSockets).
const server = process.env.HEARTH_DEV_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: server, changeOrigin: false },
      '/yjs': { target: server, ws: true, changeOrigin: false },
      '/socket.io': { target: server, ws: true, changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
  },
});
