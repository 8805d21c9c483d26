import { InvitePreviewResponse, InviteResponse, SpaceResponse, SpacesResponse, UserResponse, type MemberRole } from '@hearth/shared/api';
import { NoContent, request } from './http';

/** The typed Hearth REST API (docs/api.md). Every answer is checked against its shared zod schema. */
export const api = {
  signup: (body: { email: string; password: string; displayName: string }) => request('POST', '/api/auth/signup', UserResponse, body),
  login: (body: { email: string; password: string }) => request('POST', '/api/auth/login', UserResponse, body),
  logout: () => request('POST', '/api/auth/logout', NoContent),
  me: () => request('GET', '/api/me', UserResponse),

  listSpaces: () => request('GET', '/api/spaces', SpacesResponse),
  getSpace: (spaceId: string) => request('GET', `/api/spaces/${encodeURIComponent(spaceId)}`, SpaceResponse),
  createSpace: (name: string) => request('POST', '/api/spaces', SpaceResponse, { name }),
  leaveSpace: (spaceId: string) => request('POST', `/api/spaces/${encodeURIComponent(spaceId)}/leave`, NoContent),

  /** Either partner deletes one ended exercise session, for both of them. */
  deleteExerciseSession: (spaceId: string, sessionId: string) =>
    request('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/exercises/${encodeURIComponent(sessionId)}`, NoContent),

  createInvite: (spaceId: string, role: MemberRole) =>
    request('POST', `/api/spaces/${encodeURIComponent(spaceId)}/invites`, InviteResponse, { role }),
  revokeInvite: (spaceId: string, token: string) =>
    request('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/invites/${encodeURIComponent(token)}`, NoContent),
  revokeOpenInvite: (spaceId: string, inviteId: string) =>
    request('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/open-invites/${encodeURIComponent(inviteId)}`, NoContent),
  previewInvite: (token: string) => request('GET', `/api/invites/${encodeURIComponent(token)}`, InvitePreviewResponse),
  acceptInvite: (token: string) => request('POST', `/api/invites/${encodeURIComponent(token)}/accept`, SpaceResponse),
};
