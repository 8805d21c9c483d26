import { request } from '../../lib/http';
import type { AuditEntry, CounsellorMember, CounsellorSpace } from './types';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const counsellorApi = {
  dashboard: () => request<{ spaces: CounsellorSpace[] }>('GET', '/api/counsellor/spaces'),
  counsellors: (spaceId: string) => request<{ counsellors: CounsellorMember[] }>('GET', `${space(spaceId)}/counsellors`),
  consent: (spaceId: string, userId: string, granted: boolean, until?: string) =>
    request<unknown>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/consent`, {
      granted,
      ...(until ? { until } : {}),
    }),
  facilitation: (spaceId: string, userId: string, allowed: boolean) =>
    request<{ counsellor: CounsellorMember }>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/facilitation`, {
      allowed,
    }),
  audit: (spaceId: string) => request<{ entries: AuditEntry[] }>('GET', `${space(spaceId)}/audit`),
};
