import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { applyResendInParts, splitResend } from './resendParts';

/** A stored board, then Alex's and Sam's unstored edits as Sam's client holds them. */
function scenario() {
  const server = new Y.Doc();
  server.getMap('items').set('kept', 'stored');
  server.getArray('list').push(['a', 'b', 'c']);
  const alex = new Y.Doc();
  const sam = new Y.Doc();
  Y.applyUpdate(alex, Y.encodeStateAsUpdate(server));
  Y.applyUpdate(sam, Y.encodeStateAsUpdate(server));
  alex.getMap('items').set('alex', 'card');
  Y.applyUpdate(sam, Y.encodeStateAsUpdate(alex));
  sam.getMap('items').set('sam', 'comment');
  sam.getArray('list').delete(1, 1);
  const resend = Y.encodeStateAsUpdate(sam, Y.encodeStateVector(server));
  return { server, alex, sam, resend };
}

describe('splitResend', () => {
  it('gives one part per client with new structs and one for the deletions', () => {
    const { server, alex, sam, resend } = scenario();
    const parts = splitResend(resend, Y.decodeStateVector(Y.encodeStateVector(server)));
    expect(parts.map((p) => p.client).sort()).toEqual([alex.clientID, sam.clientID, null].sort());
    for (const part of parts) {
      const { structs } = Y.decodeUpdate(part.update);
      expect(new Set(structs.map((s) => s.id.client))).toEqual(new Set(part.client === null ? [] : [part.client]));
    }
    const deletions = parts.find((p) => p.client === null)!;
    expect(Y.decodeUpdate(deletions.update).ds.clients.size).toBeGreaterThan(0);
    for (const part of parts.filter((p) => p.client !== null)) expect(Y.decodeUpdate(part.update).ds.clients.size).toBe(0);
  });

  it('adds up to the whole update', () => {
    const { server, sam, resend } = scenario();
    for (const part of splitResend(resend, Y.decodeStateVector(Y.encodeStateVector(server)))) Y.applyUpdate(server, part.update);
    expect(server.getMap('items').toJSON()).toEqual(sam.getMap('items').toJSON());
    expect(server.getArray('list').toJSON()).toEqual(['a', 'c']);
  });
});

describe('applyResendInParts', () => {
  const refused = { ok: false as const, reason: 'forged-author' };
  const parts = [
    { client: 1, update: new Uint8Array([1]) },
    { client: 2, update: new Uint8Array([2]) },
    { client: null, update: new Uint8Array([3]) },
  ];
  const onlyAllowed =
    (...allowed: number[]) =>
    (u: Uint8Array) =>
      allowed.includes(u[0]!) ? { ok: true as const } : refused;

  it("drops another client's refused part and applies the rest", () => {
    const applied: number[] = [];
    const result = applyResendInParts(parts, refused, 2, (u) => {
      const verdict = onlyAllowed(2, 3)(u);
      if (verdict.ok) applied.push(u[0]!);
      return verdict;
    });
    expect(result).toEqual({ verdict: { ok: true }, dropped: 1 });
    expect(applied).toEqual([2, 3]);
  });

  it("refuses when the sender's own part is refused", () => {
    expect(applyResendInParts(parts, refused, 1, onlyAllowed(2, 3)).verdict).toEqual(refused);
  });

  it('refuses when the sender is unknown and nothing applies', () => {
    expect(applyResendInParts(parts, refused, null, onlyAllowed()).verdict).toEqual(refused);
    expect(applyResendInParts(parts, refused, 7, onlyAllowed()).verdict).toEqual({ ok: true });
  });

  it('retries parts that build on parts applied later', () => {
    let firstDone = false;
    const result = applyResendInParts(parts, refused, 1, (u) => {
      if (u[0] === 1 && !firstDone) return refused;
      if (u[0] === 2) firstDone = true;
      return { ok: true };
    });
    expect(result).toEqual({ verdict: { ok: true }, dropped: 0 });
  });
});
