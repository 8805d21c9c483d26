import { request } from '../../lib/http';
import type { SafetyInfoDto } from '@hearth/shared/api';
import { setQuickExitUrl } from './quickExit';

/** Where quick exit goes comes from the server's configuration (QUICK_EXIT_URL). */
export async function loadSafetyInfo(): Promise<void> {
  try {
    const info = await request<SafetyInfoDto>('GET', '/api/safety');
    setQuickExitUrl(info.quickExitUrl);
  } catch {
    // The built-in neutral address stays in use.
  }
}
