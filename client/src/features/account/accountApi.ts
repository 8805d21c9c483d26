import { EndedSessionsResponse, LeaveSafelyResponse, SafetyInfoDto, SessionsResponse, SignInsResponse } from '@hearth/shared/api';
import type { DepartureChoice } from '@hearth/shared/board';
import { NoContent, request } from '../../lib/http';

/** The account safety centre, leave safely and the safety page (docs/api.md). */
export const accountApi = {
  sessions: () => request('GET', '/api/me/sessions', SessionsResponse),
  endSession: (id: string) => request('DELETE', `/api/me/sessions/${encodeURIComponent(id)}`, NoContent),
  endOtherSessions: () => request('DELETE', '/api/me/sessions', EndedSessionsResponse),
  changePassword: (current: string, next: string) => request('POST', '/api/me/password', NoContent, { current, next }),
  signIns: () => request('GET', '/api/me/sign-ins', SignInsResponse),
  signInsSeen: () => request('POST', '/api/me/sign-ins/seen', NoContent),
  safety: () => request('GET', '/api/safety', SafetyInfoDto),
  leaveSafely: (spaceId: string, sharedItems: DepartureChoice) =>
    request('POST', `/api/spaces/${encodeURIComponent(spaceId)}/leave-safely`, LeaveSafelyResponse, { sharedItems }),
};
