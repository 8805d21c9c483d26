import { counsellorApi } from './counsellorApi';
import type { CounsellorSpace } from './types';
import { useAsync, type AsyncState } from './useAsync';

/** The counsellor's dashboard list (active and pending spaces). */
export function useCounsellorSpaces(): AsyncState<CounsellorSpace[]> {
  return useAsync(async (signal) => (await counsellorApi.dashboard(signal)).spaces, 'dashboard');
}
