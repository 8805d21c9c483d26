import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness';
import { peersOf } from '../../collab/useAwareness';
import { sectionOfUser, shareSection } from './sectionState';

function screen(user: { id: string; name: string }) {
  const awareness = new Awareness(new Y.Doc());
  awareness.setLocalStateField('user', { ...user, role: 'partner' });
  return awareness;
}

describe('the section a person is on', () => {
  it('is shared on every open document and read back by their partner', () => {
    const [samCouple, samSpace] = [screen({ id: 'u2', name: 'Sam' }), screen({ id: 'u2', name: 'Sam' })];
    const alex = screen({ id: 'u1', name: 'Alex' });
    shareSection([samCouple, samSpace], 'promise');
    expect([samCouple, samSpace].map((a) => (a.getLocalState() as { section?: string }).section)).toEqual(['promise', 'promise']);
    applyAwarenessUpdate(alex, encodeAwarenessUpdate(samSpace, [samSpace.clientID]), 'remote');
    expect(sectionOfUser(peersOf(alex), 'u2')).toBe('promise');
    expect(sectionOfUser(peersOf(alex), 'u3')).toBeNull();
  });

  it('names a view that is not the board, and is cleared back on the board', () => {
    const sam = screen({ id: 'u2', name: 'Sam' });
    const alex = screen({ id: 'u1', name: 'Alex' });
    const alexReads = () => {
      applyAwarenessUpdate(alex, encodeAwarenessUpdate(sam, [sam.clientID]), 'remote');
      return sectionOfUser(peersOf(alex), 'u2');
    };
    shareSection([sam], 'experience');
    expect(alexReads()).toBe('experience');
    shareSection([sam], 'journey');
    expect(alexReads()).toBe('journey');
    shareSection([sam], 'people');
    expect(alexReads()).toBe('people');
    shareSection([sam], null);
    expect(alexReads()).toBeNull();
  });

  it('is sent only when it changes, and not at all while appearing offline', () => {
    const sam = screen({ id: 'u2', name: 'Sam' });
    let updates = 0;
    sam.on('update', () => updates++);
    shareSection([sam], 'card');
    shareSection([sam], 'card');
    expect(updates).toBe(1);
    sam.setLocalState(null);
    shareSection([sam], 'checkin');
    expect(sam.getLocalState()).toBeNull();
  });

  it('ignores anything but a section name (an item id sent by an old or odd client)', () => {
    const alex = screen({ id: 'u1', name: 'Alex' });
    const odd = new Awareness(new Y.Doc());
    odd.setLocalState({ user: { id: 'u2', name: 'Sam', role: 'partner' }, section: 'item-4f2a' });
    applyAwarenessUpdate(alex, encodeAwarenessUpdate(odd, [odd.clientID]), 'remote');
    expect(sectionOfUser(peersOf(alex), 'u2')).toBeNull();
  });
});
