import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as authProtocol from 'y-protocols/auth';
import {
  MessageType,
  PermissionDeniedReason,
  decodeStateVectorMap,
  isFinalCloseCode,
  messageSaved,
  parseRefusal,
  readSavedStateVector,
  type BoardRefusal,
} from '@hearth/shared/realtime';
import { INITIAL_STATUS, connectionStateOf, type DocStatus } from './docStatus';
import { localClockOf, localEditsSaved, mergeStateVectors } from './savedState';
import { offlineDbName, rememberOfflineDb } from './offlineCopy';

export interface PresenceUser {
  id: string;
  name: string;
  role: 'partner' | 'counsellor';
}

export interface DocConnectionOptions {
  docName: string;
  user: PresenceUser;
  /** Mirror the document into IndexedDB on this device ("Keep a copy on this device"). */
  keepCopy: boolean;
  serverUrl?: string;
  /**
   * The server refused an edit (the board's rules): this document holds changes the server
   * will never take, so the owner replaces it with a fresh one synced from the server.
   */
  onRefused?: (refusal: { code: BoardRefusal; itemId: string | null }) => void;
}

export function defaultServerUrl(): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${window.location.host}/yjs`;
}

/**
 * One open board document: its Y.Doc, the unmodified y-websocket provider, an optional
 * IndexedDB copy, and a status object (connection, saved, read-only) that React subscribes to.
 */
export class DocConnection {
  readonly name: string;
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private readonly userId: string;
  private readonly stored = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private status: DocStatus = INITIAL_STATUS;
  private everConnected = false;
  private finalClose: { code: number; reason: string } | null = null;
  private readOnly = false;
  private refused: string | null = null;
  private readonly onRefused: DocConnectionOptions['onRefused'];
  /** Whether a copy is kept on this device (the replacement after a refusal keeps one too). */
  keepsCopy = false;
  private loaded = false;
  private destroyed = false;

  constructor(options: DocConnectionOptions) {
    this.name = options.docName;
    this.userId = options.user.id;
    this.onRefused = options.onRefused;
    if (options.keepCopy) this.setKeepCopy(true);
    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), options.docName, this.doc, {
      connect: navigator.onLine,
    });
    this.installMessageHandlers();
    // The server stamps `user` from the session; setting it locally shows us at once.
    this.provider.awareness.setLocalStateField('user', options.user);

    this.provider.on('status', ({ status }) => {
      if (status === 'connected') this.everConnected = true;
      this.update();
    });
    this.provider.on('sync', (synced: boolean) => {
      // A User Timing mark, so benchmarks can see when each document arrived.
      if (synced && !this.loaded) performance.mark(`hearth:synced:${this.name.split(':')[0]}`);
      if (synced) this.markLoaded();
      this.update();
    });
    this.provider.on('closed', (event: { code: number; reason: string }) => {
      if (isFinalCloseCode(event.code)) this.finalClose = event;
      this.update();
    });
    this.provider.on('connection-close', () => this.update());
    this.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== this.provider) this.update();
    });
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    this.update();
  }

  private installMessageHandlers() {
    this.provider.messageHandlers[messageSaved] = (_encoder, decoder) => {
      mergeStateVectors(this.stored, decodeStateVectorMap(readSavedStateVector(decoder)));
      this.update();
    };
    this.provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => {
        const refusal = parseRefusal(reason);
        if (refusal && this.onRefused) {
          // Stop sending edits built on the refused one; the owner swaps in a fresh document.
          this.provider.disconnect();
          this.onRefused(refusal);
          return;
        }
        if (reason === PermissionDeniedReason.readOnly) this.readOnly = true;
        else this.refused = reason;
        this.update();
      });
    };
  }

  // Going offline closes the socket right away, so the status is honest and edits queue
  // locally; they are sent with sync step 2 when the connection comes back.
  private readonly onOffline = () => {
    this.provider.disconnect();
    this.update();
  };

  private readonly onOnline = () => {
    if (!this.finalClose) this.provider.connect();
    this.update();
  };

  private markLoaded() {
    this.loaded = true;
    this.update();
  }

  /** Starts or stops mirroring this document into IndexedDB on this device. */
  setKeepCopy(enabled: boolean): void {
    this.keepsCopy = enabled;
    if (enabled && !this.persistence) {
      const dbName = offlineDbName(this.userId, this.name);
      rememberOfflineDb(dbName);
      this.persistence = new IndexeddbPersistence(dbName, this.doc);
      this.persistence.on('synced', () => this.markLoaded());
    } else if (!enabled && this.persistence) {
      void this.persistence.destroy();
      this.persistence = null;
    }
  }

  private update() {
    if (this.destroyed) return;
    const local = new Map([[this.doc.clientID, localClockOf(this.doc)]]);
    const next: DocStatus = {
      state: connectionStateOf({
        connected: this.provider.wsconnected,
        synced: this.provider.synced,
        everConnected: this.everConnected,
        failedAttempts: this.provider.wsUnsuccessfulReconnects,
        browserOnline: navigator.onLine,
        finalClose: this.finalClose !== null,
      }),
      saved: localEditsSaved(this.doc.clientID, local, this.stored),
      readOnly: this.readOnly,
      loaded: this.loaded,
      closed: this.finalClose,
      refused: this.refused,
    };
    const prev = this.status;
    if (
      prev.state === next.state &&
      prev.saved === next.saved &&
      prev.readOnly === next.readOnly &&
      prev.loaded === next.loaded &&
      prev.closed === next.closed &&
      prev.refused === next.refused
    ) {
      return;
    }
    this.status = next;
    for (const listener of this.listeners) listener();
  }

  /** Deletes this device's copy (it holds a refused edit) before the document is replaced. */
  async discardCopy(): Promise<void> {
    const persistence = this.persistence;
    this.persistence = null;
    await persistence?.clearData();
  }

  getStatus = (): DocStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  destroy(): void {
    this.destroyed = true;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.listeners.clear();
    this.provider.destroy();
    void this.persistence?.destroy();
    this.doc.destroy();
  }
}
