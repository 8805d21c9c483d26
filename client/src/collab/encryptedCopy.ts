import * as Y from 'yjs';
import { isSealedCopy, openCopy, sealCopy } from './copyCrypto';
import { currentGeneration, run } from './copyStore';

const SAVE_DELAY_MS = 400;

/**
 * Mirrors one Y.Doc into its encrypted record: loads it once (if this session's key opens it),
 * then saves the whole state shortly after each change. A record sealed by another session
 * cannot be opened and is replaced.
 */
export class EncryptedCopy {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private destroyed = false;
  private readonly generation = currentGeneration();
  readonly loaded: Promise<boolean>;

  constructor(
    private readonly doc: Y.Doc,
    private readonly key: CryptoKey,
    private readonly recordKey: string,
    private readonly label: string,
  ) {
    this.loaded = this.load();
    doc.on('update', this.onUpdate);
    // The document may have synced before the key arrived: store what is there now as well.
    void this.loaded.then(() => this.schedule());
  }

  private schedule() {
    if (this.destroyed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), SAVE_DELAY_MS);
  }

  private async load(): Promise<boolean> {
    const sealed: unknown = await run('readonly', (s) => s.get(this.recordKey)).catch(() => undefined);
    if (!isSealedCopy(sealed) || this.destroyed) return false;
    const plain = await openCopy(this.key, sealed, this.label);
    if (!plain || this.destroyed) return false;
    Y.applyUpdate(this.doc, plain, this);
    return true;
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === this || this.destroyed) return;
    this.schedule();
  };

  private async save(): Promise<void> {
    this.timer = null;
    if (this.destroyed) return;
    const sealed = await sealCopy(this.key, Y.encodeStateAsUpdate(this.doc), this.label);
    // No await between this check and the write being queued (see deleteAllCopies).
    if (this.destroyed || this.generation !== currentGeneration()) return;
    await run('readwrite', (s) => s.put(sealed, this.recordKey)).catch(() => undefined);
  }

  /** Stops mirroring; a pending save is written first unless `discard`. */
  async destroy(discard = false): Promise<void> {
    this.doc.off('update', this.onUpdate);
    const pending = this.timer !== null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (pending && !discard) await this.save();
    this.destroyed = true;
  }
}
