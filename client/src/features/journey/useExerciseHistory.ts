import { useEffect, useState } from 'react';
import { JourneyExercise } from '@hearth/shared/insights';
import type { ExerciseState } from '@hearth/shared/exercises';
import { getSocket } from '../../lib/socket';

const PAGE = 50;
// A year of weekly exercises is about 100 sessions; this reaches back several years.
const MAX_PAGES = 20;

/**
 * The space's past exercises as the server lets this person see them (`exercise:history`,
 * newest first, paged), fetched again when a session ends.
 */
export function useExerciseHistory(spaceId: string): { sessions: JourneyExercise[]; loaded: boolean } {
  const [state, setState] = useState<{ sessions: JourneyExercise[]; loaded: boolean }>({ sessions: [], loaded: false });
  useEffect(() => {
    let cancelled = false;
    const socket = getSocket();
    async function load() {
      const sessions: JourneyExercise[] = [];
      let before: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const res = await socket
          .timeout(15_000)
          .emitWithAck('exercise:history', { spaceId, limit: PAGE, ...(before ? { before } : {}) })
          .catch(() => null);
        if (cancelled || !res || !res.ok) break;
        for (const s of res.sessions) {
          const parsed = JourneyExercise.safeParse(s);
          if (parsed.success) sessions.push(parsed.data);
        }
        const last = res.sessions.at(-1);
        if (res.sessions.length < PAGE || !last) break;
        before = new Date(last.startedAt).toISOString();
      }
      if (!cancelled) setState({ sessions, loaded: true });
    }
    const onState = ({ state: s }: { state: ExerciseState }) => {
      if (s.phase === 'ended') void load();
    };
    socket.on('exercise:state', onState);
    void load();
    return () => {
      cancelled = true;
      socket.off('exercise:state', onState);
    };
  }, [spaceId]);
  return state;
}
