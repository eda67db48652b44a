import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';

/**
 * Deployment settings, read at start from /portal-settings.json (the gateway serves them): one build
 * runs against the test identity provider in development and the state one in production.
 */
export interface PortalSettings {
  signIn: {
    /** The identity provider's authorization endpoint. */
    authorizeUrl: string;
    clientId: string;
  };
  /** Who makes the ЭЦП signature: see signing/signer.ts and the README for NCALayer. */
  signing: { kind: 'test-key'; url: string };
}

function parseSettings(json: unknown): PortalSettings {
  const value = json as { signIn?: { authorizeUrl?: unknown; clientId?: unknown }; signing?: { kind?: unknown; url?: unknown } } | null;
  const authorizeUrl = value?.signIn?.authorizeUrl;
  if (typeof authorizeUrl !== 'string') throw new Error('portal-settings.json: signIn.authorizeUrl is missing');
  const clientId = typeof value?.signIn?.clientId === 'string' ? value.signIn.clientId : 'egov-portal';
  const signing = value?.signing;
  if (signing?.kind !== 'test-key' || typeof signing.url !== 'string')
    throw new Error('portal-settings.json: signing must be { "kind": "test-key", "url": … }');
  return { signIn: { authorizeUrl, clientId }, signing: { kind: 'test-key', url: signing.url } };
}

const SettingsContext = createContext<PortalSettings | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<PortalSettings | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    fetch('/portal-settings.json')
      .then((response) => response.json())
      .then((json) => setSettings(parseSettings(json)))
      .catch((error: Error) => setProblem(error.message));
  }, []);
  // Shown before any language is known: the settings are what the rest of the portal stands on.
  if (problem) return <p role="alert">The portal is not configured: {problem}</p>;
  if (!settings) return null;
  return <SettingsContext.Provider value={settings}>{children}</SettingsContext.Provider>;
}

export function useSettings(): PortalSettings {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings outside SettingsProvider');
  return value;
}
