import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { guardAwarenessUpdate, type AwarenessGuardInput } from './awarenessGuard';

function encode(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, JSON.stringify(x.state));
  }
  return encoding.toUint8Array(e);
}

function decode(update: Uint8Array) {
  const d = decoding.createDecoder(update);
  const n = decoding.readVarUint(d);
  return Array.from({ length: n }, () => ({
    clientId: decoding.readVarUint(d),
    clock: decoding.readVarUint(d),
    state: JSON.parse(decoding.readVarString(d)) as Record<string, unknown> | null,
  }));
}

const base: AwarenessGuardInput = {
  boundClientId: null,
  isClientIdFree: () => true,
  identity: { id: 'u1', name: 'Alex', role: 'partner' },
  maxStateBytes: 8192,
};

describe('guardAwarenessUpdate', () => {
  it('binds the first client id and overwrites the claimed user', () => {
    const result = guardAwarenessUpdate(encode([{ clientId: 7, clock: 1, state: { user: { id: 'someone-else' }, cursor: 3 } }]), base);
    expect(result.boundClientId).toBe(7);
    expect(decode(result.update!)).toEqual([{ clientId: 7, clock: 1, state: { user: base.identity, cursor: 3 } }]);
  });

  it('passes where a person is through untouched: a board section, a view, or none', () => {
    for (const section of ['experience', 'journey', 'people', null]) {
      const result = guardAwarenessUpdate(encode([{ clientId: 7, clock: 1, state: { editing: null, section } }]), base);
      expect(decode(result.update!)[0]!.state).toEqual({ editing: null, section, user: base.identity });
    }
  });

  it('drops states for any other client id once bound', () => {
    const raw = encode([
      { clientId: 8, clock: 1, state: { a: 1 } },
      { clientId: 7, clock: 2, state: { b: 2 } },
    ]);
    const result = guardAwarenessUpdate(raw, { ...base, boundClientId: 7 });
    expect(decode(result.update!).map((e) => e.clientId)).toEqual([7]);
  });

  it('will not bind a client id another connection owns', () => {
    const result = guardAwarenessUpdate(encode([{ clientId: 9, clock: 5, state: {} }]), { ...base, isClientIdFree: (id) => id !== 9 });
    expect(result).toEqual({ update: null, boundClientId: null });
  });

  it('drops a state above the size cap and keeps removals', () => {
    const big = guardAwarenessUpdate(encode([{ clientId: 7, clock: 1, state: { pad: 'x'.repeat(9000) } }]), { ...base, boundClientId: 7 });
    expect(big.update).toBeNull();
    const removal = guardAwarenessUpdate(encode([{ clientId: 7, clock: 2, state: null }]), { ...base, boundClientId: 7 });
    expect(decode(removal.update!)[0]!.state).toBeNull();
  });

  it('throws on a truncated update', () => {
    const raw = encode([{ clientId: 7, clock: 1, state: { a: 1 } }]);
    expect(() => guardAwarenessUpdate(raw.subarray(0, raw.length - 3), base)).toThrow();
  });
});
