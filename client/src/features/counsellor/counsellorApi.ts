import { requestUnchecked } from '../../lib/http';
import type { AuditEntry, CounsellorMember, CounsellorSpace } from './types';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const counsellorApi = {
  dashboard: () => requestUnchecked<{ spaces: CounsellorSpace[] }>('GET', '/api/counsellor/spaces'),
  counsellors: (spaceId: string) => requestUnchecked<{ counsellors: CounsellorMember[] }>('GET', `${space(spaceId)}/counsellors`),
  consent: (spaceId: string, userId: string, granted: boolean, until?: string) =>
    requestUnchecked<unknown>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/consent`, {
      granted,
      ...(until ? { until } : {}),
    }),
  facilitation: (spaceId: string, userId: string, allowed: boolean) =>
    requestUnchecked<{ counsellor: CounsellorMember }>('POST', `${space(spaceId)}/counsellors/${encodeURIComponent(userId)}/facilitation`, {
      allowed,
    }),
  audit: (spaceId: string) => requestUnchecked<{ entries: AuditEntry[] }>('GET', `${space(spaceId)}/audit`),
};
