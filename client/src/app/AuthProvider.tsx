import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserDto } from '@hearth/shared/api';
import { api } from '../lib/api';
import { ApiError, onSessionEnded } from '../lib/http';
import { loadAccountSettings, resetAccountSettings } from '../lib/accountSettings';
import { forgetDeviceKey } from '../collab/deviceKey';
import { clearOfflineCopies } from '../collab/offlineCopy';
import { disconnectSocket } from '../lib/socket';
import { resetSpaces } from '../features/spaces/spacesStore';
import { resetLiveStatus } from '../features/livestatus/statusStore';

interface AuthState {
  /** undefined while the first /api/me is in flight. */
  user: UserDto | null | undefined;
  login(email: string, password: string): Promise<UserDto>;
  signup(email: string, password: string, displayName: string): Promise<UserDto>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<UserDto | null | undefined>(undefined);

  useEffect(() => {
    // However access ended (expired, signed out elsewhere, password changed), nothing of the
    // board stays on this device.
    onSessionEnded(() => {
      setUser(null);
      resetSpaces();
      resetAccountSettings();
      disconnectSocket();
      void clearOfflineCopies();
    });
    return () => onSessionEnded(null);
  }, []);

  useEffect(() => {
    if (user) void loadAccountSettings().catch(() => undefined);
  }, [user]);

  useEffect(() => {
    let cancelled = false;
    api
      .me()
      .then(({ user: me }) => !cancelled && setUser(me))
      .catch((error: unknown) => {
        if (cancelled) return;
        // Offline at start: treat as logged out rather than spinning forever.
        setUser(null);
        if (!(error instanceof ApiError)) throw error;
      });
    return () => {
      cancelled = true;
    };
  }, []);

  const login = useCallback(async (email: string, password: string) => {
    const { user: me } = await api.login({ email, password });
    forgetDeviceKey();
    resetSpaces();
    setUser(me);
    return me;
  }, []);

  const signup = useCallback(async (email: string, password: string, displayName: string) => {
    const { user: me } = await api.signup({ email, password, displayName });
    forgetDeviceKey();
    resetSpaces();
    setUser(me);
    return me;
  }, []);

  const logout = useCallback(async () => {
    // Unmount the board first (closing providers and IndexedDB handles), then wipe the device.
    setUser(null);
    resetSpaces();
    resetAccountSettings();
    resetLiveStatus();
    disconnectSocket();
    await api.logout().catch(() => undefined);
    await clearOfflineCopies();
  }, []);

  const value = useMemo(() => ({ user, login, signup, logout }), [user, login, signup, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
