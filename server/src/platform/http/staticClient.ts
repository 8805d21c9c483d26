import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLIENT_DIST = path.resolve(here, '../../../../client/dist');

/** Serves the built client, with index.html for every app route (client-side routing). */
export function staticClient(dist = CLIENT_DIST): Router | null {
  if (!existsSync(path.join(dist, 'index.html'))) return null;
  const router = express.Router();
  router.use(express.static(dist, { index: false, maxAge: '1h' }));
  router.get(/^\/(?!api\/|yjs\/|socket\.io\/|metrics).*/, (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(dist, 'index.html'));
  });
  return router;
}
