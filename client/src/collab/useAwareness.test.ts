import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { peersOf } from './useAwareness';

describe('peersOf', () => {
  it('lists people with the user the server stamped and what they are editing', () => {
    const mine = new Awareness(new Y.Doc());
    const theirs = new Awareness(new Y.Doc());
    mine.setLocalStateField('user', { id: 'u1', name: 'Alex', role: 'partner' });
    theirs.setLocalState({ user: { id: 'u2', name: 'Sam', role: 'partner' }, editing: 'item-1' });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(theirs, [theirs.clientID]), 'remote');

    const peers = peersOf(mine);
    expect(peers.find((p) => p.isMe)?.user.name).toBe('Alex');
    expect(peers.find((p) => !p.isMe)).toMatchObject({ user: { id: 'u2', name: 'Sam' }, editing: 'item-1' });
  });

  it('ignores states without a proper user (nobody can appear nameless or as "undefined")', () => {
    const mine = new Awareness(new Y.Doc());
    const odd = new Awareness(new Y.Doc());
    odd.setLocalState({ user: { id: 42 }, editing: 'item-1' });
    applyAwarenessUpdate(mine, encodeAwarenessUpdate(odd, [odd.clientID]), 'remote');
    expect(peersOf(mine)).toEqual([]);
  });
});
