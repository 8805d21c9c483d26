import { request } from '../../lib/http';
import { SafetyInfoDto } from '@hearth/shared/api';
import { setQuickExitUrl } from './quickExit';

/** Where quick exit goes comes from the server's configuration (QUICK_EXIT_URL). */
export async function loadSafetyInfo(): Promise<void> {
  try {
    const info = await request('GET', '/api/safety', SafetyInfoDto);
    setQuickExitUrl(info.quickExitUrl);
  } catch {
    // The built-in neutral address stays in use.
  }
}
