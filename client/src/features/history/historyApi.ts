import type { BoardItem, Visibility } from '@hearth/shared/board';
import { requestUnchecked } from '../../lib/http';

export interface VersionSummary {
  id: string;
  at: string;
  visibility: Visibility;
  reason: 'daily' | 'restore' | 'departure';
  summary: { items: number; changedSince: number };
}

const base = (spaceId: string) => `/api/spaces/${encodeURIComponent(spaceId)}/versions`;

export async function listVersions(spaceId: string, visibility: Visibility): Promise<VersionSummary[]> {
  return (await requestUnchecked<{ versions: VersionSummary[] }>('GET', `${base(spaceId)}?visibility=${visibility}`)).versions;
}

export function previewVersion(spaceId: string, id: string): Promise<{ version: VersionSummary; items: BoardItem[] }> {
  return requestUnchecked('GET', `${base(spaceId)}/${encodeURIComponent(id)}`);
}

export function restoreVersion(spaceId: string, id: string, itemIds?: string[]): Promise<{ restored: string[]; before: string }> {
  return requestUnchecked('POST', `${base(spaceId)}/${encodeURIComponent(id)}/restore`, itemIds ? { itemIds } : {});
}
