import type { UserDto, SpaceDto, InviteDto, InvitePreviewDto, MemberRole } from '@hearth/shared/api';
import { request } from './http';

/** The typed Hearth REST API (docs/api.md). Bodies match the shared zod schemas. */
export const api = {
  signup: (body: { email: string; password: string; displayName: string }) => request<{ user: UserDto }>('POST', '/api/auth/signup', body),
  login: (body: { email: string; password: string }) => request<{ user: UserDto }>('POST', '/api/auth/login', body),
  logout: () => request<void>('POST', '/api/auth/logout'),
  me: () => request<{ user: UserDto }>('GET', '/api/me'),

  listSpaces: () => request<{ spaces: SpaceDto[] }>('GET', '/api/spaces'),
  getSpace: (spaceId: string) => request<{ space: SpaceDto }>('GET', `/api/spaces/${encodeURIComponent(spaceId)}`),
  createSpace: (name: string) => request<{ space: SpaceDto }>('POST', '/api/spaces', { name }),
  leaveSpace: (spaceId: string) => request<void>('POST', `/api/spaces/${encodeURIComponent(spaceId)}/leave`),

  /** Either partner deletes one ended exercise session, for both of them. */
  deleteExerciseSession: (spaceId: string, sessionId: string) =>
    request<void>('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/exercises/${encodeURIComponent(sessionId)}`),

  createInvite: (spaceId: string, role: MemberRole) =>
    request<{ invite: InviteDto }>('POST', `/api/spaces/${encodeURIComponent(spaceId)}/invites`, { role }),
  revokeInvite: (spaceId: string, token: string) =>
    request<void>('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/invites/${encodeURIComponent(token)}`),
  revokeOpenInvite: (spaceId: string, inviteId: string) =>
    request<void>('DELETE', `/api/spaces/${encodeURIComponent(spaceId)}/open-invites/${encodeURIComponent(inviteId)}`),
  previewInvite: (token: string) => request<{ invite: InvitePreviewDto }>('GET', `/api/invites/${encodeURIComponent(token)}`),
  acceptInvite: (token: string) => request<{ space: SpaceDto }>('POST', `/api/invites/${encodeURIComponent(token)}/accept`),
};
