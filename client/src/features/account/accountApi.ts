import type { SafetyInfoDto, SessionDto, SignInNoticeDto } from '@hearth/shared/api';
import type { DepartureChoice } from '@hearth/shared/board';
import { request } from '../../lib/http';

/** The account safety centre, leave safely and the safety page (docs/api.md). */
export const accountApi = {
  sessions: () => request<{ sessions: SessionDto[] }>('GET', '/api/me/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`),
  endOtherSessions: () => request<{ ended: number }>('DELETE', '/api/me/sessions'),
  changePassword: (current: string, next: string) => request<void>('POST', '/api/me/password', { current, next }),
  signIns: () => request<{ signIns: SignInNoticeDto[] }>('GET', '/api/me/sign-ins'),
  signInsSeen: () => request<void>('POST', '/api/me/sign-ins/seen'),
  safety: () => request<SafetyInfoDto>('GET', '/api/safety'),
  leaveSafely: (spaceId: string, sharedItems: DepartureChoice) =>
    request<{ removed: number; rewritten: number }>('POST', `/api/spaces/${encodeURIComponent(spaceId)}/leave-safely`, { sharedItems }),
};
