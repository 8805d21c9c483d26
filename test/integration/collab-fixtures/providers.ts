import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import { decodeStateVectorMap, messageSaved, readSavedStateVector } from '@hearth/shared/realtime';

/** A `ws` WebSocket that sends the session cookie and Origin, as a browser would. */
export function webSocketWith(headers: Record<string, string>): typeof globalThis.WebSocket {
  class HeaderWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return HeaderWebSocket as unknown as typeof globalThis.WebSocket;
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Latest stored state vector received in message 100. */
  stored: Map<number, number>;
  permissionDenied: string[];
  closes: number[];
  /** True when the server acknowledged every local edit of this client. */
  allSaved(): boolean;
  destroy(): void;
}

/** The unmodified y-websocket provider, plus a handler for Hearth's message 100. */
export function connectClient(
  /** ws://HOST:PORT/yjs */
  serverUrl: string,
  docName: string,
  headers: Record<string, string>,
  opts: { doc?: Y.Doc; maxBackoffTime?: number } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(serverUrl, docName, doc, {
    WebSocketPolyfill: webSocketWith(headers),
    disableBc: true,
    maxBackoffTime: opts.maxBackoffTime ?? 500,
  });
  const client: TestClient = {
    doc,
    provider,
    stored: new Map(),
    permissionDenied: [],
    closes: [],
    allSaved() {
      const local = doc.store.clients.size === 0 ? 0 : Y.getState(doc.store, doc.clientID);
      return (client.stored.get(doc.clientID) ?? 0) >= local;
    },
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.messageHandlers[messageSaved] = (_encoder, decoder: decoding.Decoder) => {
    client.stored = decodeStateVectorMap(readSavedStateVector(decoder));
  };
  provider.messageHandlers[2] = (_encoder, decoder: decoding.Decoder) => {
    decoding.readVarUint(decoder);
    client.permissionDenied.push(decoding.readVarString(decoder));
  };
  provider.on('connection-close', (event) => {
    if (event) client.closes.push(event.code);
  });
  return client;
}

/** Polls `check` until it holds; fails with `what` after a generous deadline. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
