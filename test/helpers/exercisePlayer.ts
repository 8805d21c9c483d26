import { io as connect } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { ExerciseState } from '@hearth/shared/exercises';

type Ack = { ok: true; state?: ExerciseState | null; sessions?: unknown[] } | { ok: false; error: { code: string; message: string } };

/** One person's socket, remembering every state it was sent. */
export class ExercisePlayer {
  readonly socket: Socket;
  readonly states: ExerciseState[] = [];

  constructor(
    url: string,
    cookie: string,
    readonly name: string,
  ) {
    this.socket = connect(url, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
    this.socket.on('exercise:state', ({ state }: { state: ExerciseState }) => this.states.push(state));
  }

  async connected(): Promise<this> {
    if (this.socket.connected) return this;
    await new Promise<void>((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
    return this;
  }

  emit(event: string, payload: unknown): Promise<Ack> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack>;
  }

  /** Sends an action that must succeed and returns the acked state. */
  async act(sessionId: string, type: string, payload?: unknown): Promise<ExerciseState> {
    const ack = await this.emit('exercise:action', payload === undefined ? { sessionId, type } : { sessionId, type, payload });
    if (!ack.ok) throw new Error(`${this.name} ${type}: ${ack.error.code} ${ack.error.message}`);
    return ack.state!;
  }

  /**
   * Starts an exercise and takes it past the opening "ready?" step: this player and `partner`
   * both confirm. Returns the state once the exercise proper has begun (or ended at once).
   */
  async startWith(partner: ExercisePlayer, payload: unknown): Promise<ExerciseState> {
    const ack = await this.emit('exercise:start', payload);
    if (!ack.ok) throw new Error(`${this.name} start: ${ack.error.code} ${ack.error.message}`);
    const started = ack.state!;
    if (started.phase !== 'ready') return started;
    await this.act(started.sessionId, 'ready');
    return partner.act(started.sessionId, 'ready');
  }

  /** Resolves with the first received state (past or future) matching `pred`. */
  waitFor(pred: (s: ExerciseState) => boolean, what = 'a matching state', timeoutMs = 10_000): Promise<ExerciseState> {
    const found = this.states.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.socket.off('exercise:state', listener);
        reject(new Error(`${this.name} never received ${what}; last: ${JSON.stringify(this.states.at(-1))}`));
      }, timeoutMs);
      const listener = ({ state }: { state: ExerciseState }) => {
        if (!pred(state)) return;
        clearTimeout(timer);
        this.socket.off('exercise:state', listener);
        resolve(state);
      };
      this.socket.on('exercise:state', listener);
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** The state, checked to be of `kind` (so its `data` is that kind's). */
export function stateOfKind<K extends ExerciseState['kind']>(s: ExerciseState, kind: K): Extract<ExerciseState, { kind: K }> {
  if (!isKind(s, kind)) throw new Error(`expected a ${kind} state, got ${s.kind}`);
  return s;
}

function isKind<K extends ExerciseState['kind']>(s: ExerciseState, kind: K): s is Extract<ExerciseState, { kind: K }> {
  return s.kind === kind;
}
