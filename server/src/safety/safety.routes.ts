import type { SafetyInfoDto } from '@hearth/shared/api';
import { Router } from 'express';

/** Public (no session needed): quick exit and helplines must work on the login page too. */
export function safetyRoutes(info: SafetyInfoDto): Router {
  const router = Router();
  router.get('/safety', (_req, res) => {
    res.json(info);
  });
  return router;
}
