import { DeletionPendingResponse, DeletionRequestsResponse } from '@hearth/shared/api';
import { NoContent, request } from '../../lib/http';

const space = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}`;

export const privacyApi = {
  exportUrl: (spaceId: string, format: 'json' | 'md') => `${space(spaceId)}/export?format=${format}`,
  deleteAccount: (password: string) => request('DELETE', '/api/me', NoContent, { password }),
  /** Resolves `{pending: true}` while waiting for the other partner, undefined once deleted. */
  deleteSpace: (spaceId: string) => request('DELETE', space(spaceId), DeletionPendingResponse.optional()),
  deletionRequests: (spaceId: string) => request('GET', `${space(spaceId)}/deletion`, DeletionRequestsResponse),
  cancelDeletion: (spaceId: string) => request('DELETE', `${space(spaceId)}/deletion`, NoContent),
};
