import type * as Y from 'yjs';
import { boardDocName } from '@hearth/shared/board';
import { ExercisePlayer } from '../../helpers/exercisePlayer';
import type { ApiClient } from '../../helpers/api';
import { startTestServer, type TestServer } from '../../helpers/server';

/**
 * The real Hearth server, its own Socket.io and exercise wiring and its live boards, with an
 * injected clock (timers expire by moving it). `restart()` stops the server and starts a new
 * one on the same database.
 */
export class ExerciseApp {
  readonly players: ExercisePlayer[] = [];

  private constructor(
    public server: TestServer,
    private readonly clock: () => number,
  ) {}

  static async start(clock: () => number = Date.now): Promise<ExerciseApp> {
    return new ExerciseApp(await startTestServer(ExerciseApp.options(clock)), clock);
  }

  private static options(clock: () => number) {
    // A short timer re-check, so moving the injected clock expires deadlines promptly.
    return { exercises: { clock, maxTimerDelayMs: 50 } };
  }

  /** Works on the space's live "us" board, where exercise results land, as the server holds it. */
  onBoard<T>(spaceId: string, fn: (doc: Y.Doc) => T): Promise<T> {
    return this.server.hearth.collab.withDoc(boardDocName(spaceId, 'couple', ''), fn);
  }

  /** One person's socket on the app, closed by `closePlayers()`. */
  async player(api: ApiClient): Promise<ExercisePlayer> {
    const p = new ExercisePlayer(this.server.baseUrl, api.cookie, api.user!.displayName);
    this.players.push(p);
    return p.connected();
  }

  closePlayers(): void {
    for (const p of this.players.splice(0)) p.close();
  }

  async restart(): Promise<void> {
    this.closePlayers();
    await this.server.stop();
    this.server = await startTestServer({
      dbName: this.server.dbName,
      dataDir: this.server.dataDir,
      ...ExerciseApp.options(this.clock),
    });
  }

  async stop(): Promise<void> {
    this.closePlayers();
    await this.server.stop();
  }
}
