import { MemoryBoardWriter } from '../../../server/src/exercises/testSupport/memoryBoardWriter';
import { ExercisePlayer } from '../../helpers/exercisePlayer';
import { spaceMemberships } from '../../../server/src/exercises/spaceMemberships';
import type { ApiClient } from '../../helpers/api';
import { startTestServer, type TestServer } from '../../helpers/server';

/**
 * The real Hearth server, its own Socket.io and exercise wiring, with two test hooks: an
 * injected clock (timers expire by moving it) and an in-memory board the tests can inspect.
 * `restart()` stops the server and starts a new one on the same database and board.
 */
export class ExerciseApp {
  readonly players: ExercisePlayer[] = [];

  private constructor(
    public server: TestServer,
    readonly board: MemoryBoardWriter,
    private readonly clock: () => number,
  ) {}

  static async start(clock: () => number = Date.now): Promise<ExerciseApp> {
    const board = new MemoryBoardWriter((id) => spaceMemberships.partnersOf(id), clock);
    return new ExerciseApp(await startTestServer(ExerciseApp.options(board, clock)), board, clock);
  }

  private static options(board: MemoryBoardWriter, clock: () => number) {
    // A short timer re-check, so moving the injected clock expires deadlines promptly.
    return { exercises: { clock, board, maxTimerDelayMs: 50 } };
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
      ...ExerciseApp.options(this.board, this.clock),
    });
  }

  async stop(): Promise<void> {
    this.closePlayers();
    await this.server.stop();
  }
}
