import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** What everyone else sees as a connection's identity; clients cannot choose it. */
export interface PresenceIdentity {
  id: string;
  name: string;
  role: 'partner' | 'counsellor' | 'observer';
}

export interface AwarenessGuardInput {
  /** The client id this connection already owns, or null before its first awareness frame. */
  boundClientId: number | null;
  /** False when another live connection on the document already owns that client id. */
  isClientIdFree: (clientId: number) => boolean;
  identity: PresenceIdentity;
  maxStateBytes: number;
}

export interface AwarenessGuardResult {
  /** The re-encoded update to apply, or null when nothing in it was acceptable. */
  update: Uint8Array | null;
  boundClientId: number | null;
}

/**
 * Rewrites an awareness update from one connection: only its own client id (bound on first
 * use), states up to the size cap, and `user` overwritten from the session. Throws on a
 * malformed update so the caller can close the connection.
 */
export function guardAwarenessUpdate(raw: Uint8Array, input: AwarenessGuardInput): AwarenessGuardResult {
  const decoder = decoding.createDecoder(raw);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  let bound = input.boundClientId;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (bound === null) {
      if (!input.isClientIdFree(clientId)) continue;
      bound = clientId;
    }
    if (clientId !== bound) continue;
    if (Buffer.byteLength(json) > input.maxStateBytes) continue;
    const state: unknown = JSON.parse(json);
    if (state === null) {
      kept.push({ clientId, clock, json });
      continue;
    }
    const base: object = typeof state === 'object' && state !== null && !Array.isArray(state) ? state : {};
    kept.push({ clientId, clock, json: JSON.stringify({ ...base, user: input.identity }) });
  }
  if (kept.length === 0) return { update: null, boundClientId: bound };
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return { update: encoding.toUint8Array(encoder), boundClientId: bound };
}
