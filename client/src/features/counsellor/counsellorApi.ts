import { request } from '../../lib/http';
import type { AuditEntry, CounsellorMember, CounsellorSpace } from './types';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const counsellorApi = {
  dashboard: (signal?: AbortSignal) => request<{ spaces: CounsellorSpace[] }>('GET', '/api/counsellor/spaces', undefined, { signal }),
  counsellors: (spaceId: string, signal?: AbortSignal) =>
    request<{ counsellors: CounsellorMember[] }>('GET', `${space(spaceId)}/counsellors`, undefined, { signal }),
  consent: (spaceId: string, userId: string, granted: boolean, until?: string) =>
    request<unknown>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/consent`, {
      granted,
      ...(until ? { until } : {}),
    }),
  facilitation: (spaceId: string, userId: string, allowed: boolean) =>
    request<{ counsellor: CounsellorMember }>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/facilitation`, {
      allowed,
    }),
  audit: (spaceId: string, signal?: AbortSignal) =>
    request<{ entries: AuditEntry[] }>('GET', `${space(spaceId)}/audit`, undefined, { signal }),
};
