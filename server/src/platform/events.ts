import { EventEmitter } from 'node:events';

/**
 * In-process events between features. `access:changed` means: someone's right to a space
 * may have changed (left, removed, consent withdrawn or expired, account deleted); every live
 * connection of that user to that space must re-check access and close if it is gone.
 * `userId` absent means "everyone in the space"; `spaceId` absent means "all spaces".
 */
export interface HearthEventMap {
  'access:changed': [{ spaceId?: string; userId?: string }];
  'space:changed': [{ spaceId: string }];
  /** The space row is gone (its data is being erased); sent before the erasure's slow steps. */
  'space:deleted': [{ spaceId: string }];
}

export class HearthEvents extends EventEmitter<HearthEventMap> {}
