import { LoginDocument, MeDocument, SecondFactorStatusDocument, type MeQuery } from '@inburgering/contracts';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { endSession } from '../sso/sso-logout';
import { keepActingMunicipalityFor, setActingMunicipality } from './acting-municipality';

export type CurrentUser = NonNullable<MeQuery['me']>;

/** Why the login page is shown: a fresh visit, after "Uitloggen", or because the session ran out. */
export type SignedOutReason = 'none' | 'loggedOut' | 'expired';

export type SessionState =
  | { status: 'loading' }
  | { status: 'error'; error: GraphqlRequestError }
  | { status: 'signedOut'; reason: SignedOutReason; pending?: PendingLogin['pending'] }
  | { status: 'signedIn'; user: CurrentUser };

/** A correct password whose login still needs its second step (the code, or first linking an authenticator app). */
export interface PendingLogin {
  pending: 'SECOND_FACTOR' | 'ENROL';
}

interface SessionApi {
  state: SessionState;
  login(email: string, password: string): Promise<CurrentUser | PendingLogin>;
  /** The second step succeeded: the user is logged in. */
  signIn(user: CurrentUser): void;
  logout(): Promise<void>;
  /** Called when the API answers UNAUTHENTICATED: the cookie expired or was revoked. */
  expire(): void;
  reload(): void;
}

const SessionContext = createContext<SessionApi | null>(null);

/** The step a half-finished login of this browser's session waits for, or null (no session, or the API says no). */
async function pendingLoginStep(signal: AbortSignal): Promise<PendingLogin['pending'] | null> {
  try {
    const { secondFactorStatus } = await graphqlRequest(SecondFactorStatusDocument, {}, signal);
    return secondFactorStatus.loginStep === 'FULL' ? null : secondFactorStatus.loginStep;
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(MeDocument, {}, controller.signal).then(
      async ({ me }) => {
        if (me) keepActingMunicipalityFor(me.servedMunicipalities.map((m) => m.id));
        if (me) return setState({ status: 'signedIn', user: me });
        // No complete login: a page reload during the login's second step continues there (the session waits for it).
        const pending = await pendingLoginStep(controller.signal);
        if (!controller.signal.aborted) setState({ status: 'signedOut', reason: 'none', ...(pending ? { pending } : {}) });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        setState({ status: 'error', error: err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'NETWORK') });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const login = useCallback(async (email: string, password: string) => {
    setActingMunicipality(null);
    const { login: user } = await graphqlRequest(LoginDocument, { input: { email, password } });
    const { secondFactorStatus } = await graphqlRequest(SecondFactorStatusDocument, {});
    if (secondFactorStatus.loginStep !== 'FULL') return { pending: secondFactorStatus.loginStep };
    setState({ status: 'signedIn', user });
    return user;
  }, []);
  const signIn = useCallback((user: CurrentUser) => setState({ status: 'signedIn', user }), []);

  const logout = useCallback(async () => {
    // Ends the session; one that began at an identity provider is ended there too (single sign-on, RP-initiated logout).
    const providerLogout = await endSession();
    setActingMunicipality(null);
    if (providerLogout) {
      window.location.assign(providerLogout);
      return;
    }
    setState({ status: 'signedOut', reason: 'loggedOut' });
  }, []);

  const expire = useCallback(() => setState({ status: 'signedOut', reason: 'expired' }), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const api = useMemo(() => ({ state, login, signIn, logout, expire, reload }), [state, login, signIn, logout, expire, reload]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession must be used inside <SessionProvider>');
  return api;
}

/** The signed-in user; only for components rendered behind the login. */
export function useCurrentUser(): CurrentUser {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser needs a signed-in session');
  return state.user;
}
