import { useState } from 'react';
import type * as Y from 'yjs';
import type { BoardActor, OpOptions, Visibility } from '@hearth/shared/board';
import { LOCAL_ORIGIN } from '../../../collab/origins';
import { useBoard } from '../boardContext';
import { DEFAULT_VISIBILITY } from './VisibilityPicker';

/** Shared state of the "add" forms: the chosen visibility and a create call into its document. */
export function useCreate(initial: Visibility = DEFAULT_VISIBILITY) {
  const { actor, docFor, run } = useBoard();
  const [visibility, setVisibility] = useState<Visibility>(initial);
  function create(op: (doc: Y.Doc, actor: BoardActor, options: OpOptions) => unknown): boolean {
    const doc = docFor(visibility);
    if (!doc) return false;
    return run(() => {
      op(doc, actor, { origin: LOCAL_ORIGIN });
    });
  }
  return { visibility, setVisibility, create };
}
