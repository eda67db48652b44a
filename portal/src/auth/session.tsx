import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { useSettings } from '../app/settings.js';

/**
 * Who is signed in. The identity provider returns a bearer token to /signed-in; the portal keeps it in
 * sessionStorage (gone with the tab) and reads who it names from its claims. The portal never checks the
 * token itself: the gateway and every subgraph verify it on each request.
 *
 * Production: the state IdP with the authorization-code flow and PKCE, short-lived tokens; the shape of
 * this module (signIn → redirect, completeSignIn on return) stays the same.
 */
export type CallerKind = 'portal' | 'citizen' | 'officer';

export interface Identity {
  kind: CallerKind;
  /** The person's IIN (the token's subject). */
  iin: string;
  /** An officer's agency code. */
  agency: string | null;
  expiresAt: number;
}

interface StoredSession {
  token: string;
  identity: Identity;
}

const SESSION_KEY = 'egov.session';
const PENDING_KEY = 'egov.sign-in';

function claimsOf(token: string): Identity | null {
  try {
    const payload = JSON.parse(atob(token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
      kind?: string;
      sub?: string;
      agency?: string;
      exp?: number;
    };
    if ((payload.kind !== 'portal' && payload.kind !== 'citizen' && payload.kind !== 'officer') || !payload.sub || !payload.exp) return null;
    return { kind: payload.kind, iin: payload.sub, agency: payload.agency ?? null, expiresAt: payload.exp * 1000 };
  } catch {
    return null;
  }
}

function readStored(): StoredSession | null {
  const stored = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as StoredSession | null;
  return stored && stored.identity.expiresAt > Date.now() ? stored : null;
}

interface SessionValue {
  token: string | null;
  identity: Identity | null;
  /** True after the server refused the token (expired): the page says so instead of failing silently. */
  expired: boolean;
  signIn(returnTo: string): void;
  /** Takes the token from the IdP's redirect; returns where to go next, or an error message key. */
  completeSignIn(fragment: string): { returnTo: string } | { error: 'signIn.failed' };
  signOut(): void;
  markExpired(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const settings = useSettings();
  const [session, setSession] = useState<StoredSession | null>(readStored);
  const [expired, setExpired] = useState(false);

  const signIn = useCallback(
    (returnTo: string) => {
      // `state` ties the answer to this browser's request, so a link cannot sign someone in as another.
      const state = crypto.randomUUID();
      sessionStorage.setItem(PENDING_KEY, JSON.stringify({ state, returnTo }));
      const query = new URLSearchParams({
        response_type: 'token',
        client_id: settings.signIn.clientId,
        redirect_uri: `${window.location.origin}/signed-in`,
        state,
      });
      window.location.assign(`${settings.signIn.authorizeUrl}?${query}`);
    },
    [settings],
  );

  const completeSignIn = useCallback((fragment: string) => {
    const answer = new URLSearchParams(fragment.replace(/^#/, ''));
    const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as { state: string; returnTo: string } | null;
    sessionStorage.removeItem(PENDING_KEY);
    const token = answer.get('access_token');
    const identity = token ? claimsOf(token) : null;
    if (!pending || answer.get('state') !== pending.state || !token || !identity) return { error: 'signIn.failed' as const };
    const stored = { token, identity };
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(stored));
    setSession(stored);
    setExpired(false);
    // Only a path of this portal: `//host` would leave it.
    return { returnTo: /^\/(?!\/)/.test(pending.returnTo) ? pending.returnTo : '/' };
  }, []);

  const signOut = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(null);
  }, []);

  const markExpired = useCallback(() => {
    sessionStorage.removeItem(SESSION_KEY);
    setSession(null);
    setExpired(true);
  }, []);

  const value = useMemo(
    () => ({ token: session?.token ?? null, identity: session?.identity ?? null, expired, signIn, completeSignIn, signOut, markExpired }),
    [session, expired, signIn, completeSignIn, signOut, markExpired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
