import type {
  ExerciseAck,
  ExerciseActionType,
  ExerciseStart,
  ExerciseStartPayload,
  ExerciseState,
  ExerciseSummary,
} from '@hearth/shared/exercises';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getSocket } from '../../lib/socket';
import { ServerClock } from './clock';

export interface ExerciseControls {
  state: ExerciseState | null;
  clock: ServerClock;
  error: string | null;
  busy: boolean;
  /** The server has answered this screen's first join (so `state === null` means nothing runs). */
  joined: boolean;
  /** Starts one; resolves to the new session's id, or null when the server refused. */
  start(choice: ExerciseStart): Promise<string | null>;
  act(type: ExerciseActionType, payload?: unknown): Promise<boolean>;
  history: ExerciseSummary[];
  loadHistory(): Promise<void>;
}

/** The live exercise of a space: joins on mount, follows `exercise:state`, rejoins on reconnect. */
export function useExercise(spaceId: string): ExerciseControls {
  const clock = useMemo(() => new ServerClock(), []);
  const [state, setState] = useState<ExerciseState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [joined, setJoined] = useState(false);
  const [history, setHistory] = useState<ExerciseSummary[]>([]);
  const sessionRef = useRef<string | null>(null);

  const accept = useCallback(
    (next: ExerciseState | null) => {
      if (next) clock.observe(next.serverNow);
      sessionRef.current = next && next.phase !== 'ended' ? next.sessionId : null;
      setState(next);
    },
    [clock],
  );

  useEffect(() => {
    const socket = getSocket();
    const join = () => {
      socket.emit('exercise:join', { spaceId }, (res) => {
        if (res.ok) accept(res.state);
        else setError(res.error.message);
        setJoined(true);
      });
    };
    const onState = ({ state: next }: { state: ExerciseState }) => {
      if (next.sessionId && (!sessionRef.current || sessionRef.current === next.sessionId || next.phase !== 'ended')) {
        // The server sends a state only when it changed: a refusal was about the step before.
        setError(null);
        accept(next);
      }
    };
    socket.on('exercise:state', onState);
    socket.on('connect', join);
    if (socket.connected) join();
    return () => {
      socket.off('exercise:state', onState);
      socket.off('connect', join);
    };
  }, [spaceId, accept]);

  const handleAck = useCallback(
    (res: ExerciseAck) => {
      if (res.ok) {
        setError(null);
        accept(res.state);
        return true;
      }
      setError(res.error.message);
      return false;
    },
    [accept],
  );

  const start = useCallback(
    async (choice: ExerciseStart) => {
      setBusy(true);
      try {
        const payload: ExerciseStartPayload = { ...choice, spaceId };
        const res = await getSocket().emitWithAck('exercise:start', payload);
        return handleAck(res) && res.ok ? res.state.sessionId : null;
      } finally {
        setBusy(false);
      }
    },
    [spaceId, handleAck],
  );

  const act = useCallback(
    async (type: ExerciseActionType, payload?: unknown) => {
      const sessionId = state?.sessionId;
      if (!sessionId) return false;
      setBusy(true);
      try {
        return handleAck(
          await getSocket().emitWithAck('exercise:action', { sessionId, type, ...(payload === undefined ? {} : { payload }) }),
        );
      } finally {
        setBusy(false);
      }
    },
    [state?.sessionId, handleAck],
  );

  const loadHistory = useCallback(async () => {
    const res = await getSocket().emitWithAck('exercise:history', { spaceId });
    if (res.ok) setHistory(res.sessions);
  }, [spaceId]);

  return { state, clock, error, busy, joined, start, act, history, loadHistory };
}
