import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// In development Vite serves the client and forwards everything the server owns to it, so the
// browser sees one origin exactly as in production (cookies, WebSockets).
const server = process.env.HEARTH_DEV_SERVER ?? 'http://localhost:3000';

// The server refuses mutating requests and WebSocket upgrades from a foreign Origin (CSRF), and
// Vite's own port is foreign to it. Only in development, the proxy presents the server's origin.
function toServer(ws: boolean): ProxyOptions {
  return {
    target: server,
    ws,
    changeOrigin: true,
    configure(proxy) {
      proxy.on('proxyReq', (proxyReq, req) => {
        if (req.headers.origin) proxyReq.setHeader('origin', server);
      });
      proxy.on('proxyReqWs', (proxyReq, req) => {
        if (req.headers.origin) proxyReq.setHeader('origin', server);
      });
    },
  };
}

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': toServer(false),
      '/yjs': toServer(true),
      '/socket.io': toServer(true),
    },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    target: 'es2022',
  },
});
