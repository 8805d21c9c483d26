import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
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
import { EncryptedCopy } from './encryptedCopy';
import { copyKey } from './copyStore';
import { deviceKey } from './deviceKey';

export interface PresenceUser {
  id: string;
  name: string;
  role: 'partner' | 'counsellor';
}

export interface DocConnectionOptions {
  docName: string;
  user: PresenceUser;
  /** Mirror the document, encrypted, into IndexedDB on this device ("Keep a copy on this device"). */
  keepCopy: boolean;
  /** "Appear offline": this connection shares no awareness (no "here", no "editing"). */
  appearOffline?: boolean;
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
  private copy: EncryptedCopy | null = null;
  /** Whether a copy is kept on this device (the replacement after a refusal keeps one too). */
  private wantCopy = false;
  private readonly userId: string;
  private readonly user: PresenceUser;
  private readonly stored = new Map<number, number>();
  private readonly listeners = new Set<() => void>();
  private status: DocStatus = INITIAL_STATUS;
  private everConnected = false;
  private finalClose: { code: number; reason: string } | null = null;
  private readOnly = false;
  private refused: string | null = null;
  private readonly onRefused: DocConnectionOptions['onRefused'];
  private loaded = false;
  private destroyed = false;

  constructor(options: DocConnectionOptions) {
    this.name = options.docName;
    this.userId = options.user.id;
    this.user = options.user;
    this.onRefused = options.onRefused;
    if (options.keepCopy) this.setKeepCopy(true);
    this.provider = new WebsocketProvider(options.serverUrl ?? defaultServerUrl(), options.docName, this.doc, {
      connect: navigator.onLine,
    });
    this.installMessageHandlers();
    // The server stamps `user` from the session; setting it locally shows us at once. Someone
    // appearing offline shares no awareness state at all (setLocalStateField then does nothing).
    if (options.appearOffline) this.provider.awareness.setLocalState(null);
    else this.provider.awareness.setLocalStateField('user', options.user);

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

  /**
   * Starts or stops mirroring this document into its encrypted copy on this device. Without
   * this session's key (offline at start, signed out) nothing is read or written.
   */
  setKeepCopy(enabled: boolean): void {
    this.wantCopy = enabled;
    if (enabled && !this.copy) {
      void deviceKey().then((key) => {
        if (!key || !this.wantCopy || this.copy || this.destroyed) return;
        this.copy = new EncryptedCopy(this.doc, key, copyKey(this.userId, this.name), this.name);
        void this.copy.loaded.then((found) => found && this.markLoaded());
      });
    } else if (!enabled && this.copy) {
      void this.copy.destroy(true);
      this.copy = null;
    }
  }

  /** "Appear offline" turned on or off: stop or start sharing awareness on this document. */
  setAppearOffline(hidden: boolean): void {
    const awareness = this.provider.awareness;
    if (hidden) awareness.setLocalState(null);
    else if (awareness.getLocalState() === null) awareness.setLocalState({ user: this.user });
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
    const copy = this.copy;
    this.copy = null;
    this.wantCopy = false;
    await copy?.destroy(true);
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
    void this.copy?.destroy();
    this.doc.destroy();
  }
}
