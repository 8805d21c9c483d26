import { requestUnchecked } from '../../lib/http';
import type { AuditEntry, CounsellorMember, CounsellorSpace } from './types';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const counsellorApi = {
  dashboard: (signal?: AbortSignal) =>
    requestUnchecked<{ spaces: CounsellorSpace[] }>('GET', '/api/counsellor/spaces', undefined, { signal }),
  counsellors: (spaceId: string, signal?: AbortSignal) =>
    requestUnchecked<{ counsellors: CounsellorMember[] }>('GET', `${space(spaceId)}/counsellors`, undefined, { signal }),
  consent: (spaceId: string, userId: string, granted: boolean, until?: string) =>
    requestUnchecked<unknown>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/consent`, {
      granted,
      ...(until ? { until } : {}),
    }),
  facilitation: (spaceId: string, userId: string, allowed: boolean) =>
    requestUnchecked<{ counsellor: CounsellorMember }>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/facilitation`, {
      allowed,
    }),
  audit: (spaceId: string, signal?: AbortSignal) =>
    requestUnchecked<{ entries: AuditEntry[] }>('GET', `${space(spaceId)}/audit`, undefined, { signal }),
};
