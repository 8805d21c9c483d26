import { request } from '../../lib/http';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const privacyApi = {
  exportUrl: (spaceId: string, format: 'json' | 'md') => `${space(spaceId)}/export?format=${format}`,
  deleteAccount: (password: string) => request<void>('DELETE', '/api/me', { password }),
  /** Resolves `{pending: true}` while waiting for the other partner, undefined once deleted. */
  deleteSpace: (spaceId: string) => request<{ pending: true; requestedBy: string[] } | undefined>('DELETE', space(spaceId)),
  deletionRequests: (spaceId: string) => request<{ requestedBy: string[] }>('GET', `${space(spaceId)}/deletion`),
  cancelDeletion: (spaceId: string) => request<void>('DELETE', `${space(spaceId)}/deletion`),
};
