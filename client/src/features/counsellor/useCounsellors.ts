import { counsellorApi } from './counsellorApi';
import type { AuditEntry, CounsellorMember } from './types';
import { useAsync, type AsyncState } from './useAsync';

/** A space's counsellors with consent state (partners only). */
export function useCounsellors(spaceId: string): AsyncState<CounsellorMember[]> {
  return useAsync(async (signal) => (await counsellorApi.counsellors(spaceId, signal)).counsellors, spaceId);
}

/** A space's counsellor-access log (partners only). */
export function useAuditLog(spaceId: string): AsyncState<AuditEntry[]> {
  return useAsync(async (signal) => (await counsellorApi.audit(spaceId, signal)).entries, spaceId);
}
