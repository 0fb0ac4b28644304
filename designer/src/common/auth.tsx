// Who is signed in: GET /api/auth/me on start, login/logout/register, and the CSRF token for api.ts.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from '../api.js';
import type { Me, RoleKey } from '../types/api.js';

interface AuthState {
  me: Me | null;
  loading: boolean;
  refresh(): Promise<void>;
  login(login: string, password: string): Promise<void>;
  logout(): Promise<void>;
  hasRole(...roles: RoleKey[]): boolean;
}

const Ctx = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const m = await api.get<Me>('/api/auth/me');
      setCsrfToken(m.csrfToken);
      setMe(m);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setCsrfToken(null);
      setMe(null);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(
    async (loginName: string, password: string) => {
      const res = await api.post<{ user: Omit<Me, 'csrfToken'>; csrfToken: string }>('/api/auth/login', { login: loginName, password });
      setCsrfToken(res.csrfToken);
      setMe({ ...res.user, csrfToken: res.csrfToken });
      // the session may carry more than the login answer (roles resolved server side)
      await refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setMe(null);
    }
  }, []);

  const value = useMemo<AuthState>(
    () => ({ me, loading, refresh, login, logout, hasRole: (...roles) => !!me?.roles?.some((r) => roles.includes(r.role)) }),
    [me, loading, refresh, login, logout],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useAuth(): AuthState {
  const v = useContext(Ctx);
  if (!v) throw new Error('AuthProvider missing');
  return v;
}
